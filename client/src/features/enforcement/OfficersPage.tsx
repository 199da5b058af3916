import { Button, Card, Flex, Select, Space } from 'antd';
import { DownloadOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Officer, OfficerQuery } from '../../lib/api/types';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { PageHeader } from '../../components/PageHeader';
import { CursorTable } from '../../components/CursorTable';
import { SearchBox } from '../../components/SearchBox';
import { enforcementApi, enforcementKeys } from './api';
import { useDomains, useTeams } from './hooks';
import { OFFICER_STATUSES } from './model';
import { useOfficerColumns } from './officerColumns';

const FILTERS = ['q', 'teamId', 'domain', 'status'] as const;

/** 执法人员 in scope: by team, 执法领域, standing (即将到期 one click away), name or certificate number; CSV/XLSX. */
export function OfficersPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useSearchFilters(FILTERS);
  const teams = useTeams();
  const domains = useDomains();
  const status = OFFICER_STATUSES.find((s) => s === filters.status);
  const query: Omit<OfficerQuery, 'cursor'> = { q: filters.q, teamId: filters.teamId, domain: filters.domain, status };
  const list = useCursorList<Officer>(enforcementKeys.officers(query), (cursor, signal) =>
    enforcementApi.officers({ ...query, cursor, limit: 50 }, signal),
  );
  const teamName = new Map((teams.data ?? []).map((x) => [x.id, x.name]));
  const officerColumns = useOfficerColumns([
    {
      title: t('enforcement.officers.team'),
      dataIndex: 'teamId',
      render: (v: string) => <Link to={`/enforcement/teams/${v}`}>{teamName.get(v) ?? t('common.none')}</Link>,
    },
  ]);

  return (
    <>
      <PageHeader
        title={t('enforcement.nav.officers')}
        subtitle={t('enforcement.officers.subtitle')}
        extra={
          <Space>
            <Button
              icon={<DownloadOutlined />}
              href={enforcementApi.exportUrl(query, 'csv')}
              data-testid="officers-export-csv"
            >
              {t('enforcement.officers.exportCsv')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={enforcementApi.exportUrl(query, 'xlsx')}
              data-testid="officers-export-xlsx"
            >
              {t('enforcement.officers.exportXlsx')}
            </Button>
          </Space>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <SearchBox
            value={filters.q}
            onSearch={(q) => setFilters({ q })}
            placeholder={t('enforcement.officers.searchPlaceholder')}
            testId="officers-search"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('enforcement.officers.team')}
            style={{ minWidth: 220 }}
            value={filters.teamId}
            onChange={(v) => setFilters({ teamId: v })}
            loading={teams.isPending}
            options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            data-testid="officers-team"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('enforcement.officers.domains')}
            style={{ minWidth: 160 }}
            value={filters.domain}
            onChange={(v) => setFilters({ domain: v })}
            loading={domains.isPending}
            options={(domains.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
            data-testid="officers-domain"
          />
          <Select
            allowClear
            placeholder={t('enforcement.officers.status')}
            style={{ minWidth: 140 }}
            value={status}
            onChange={(v) => setFilters({ status: v })}
            options={OFFICER_STATUSES.map((s) => ({ value: s, label: t(`enforcement.status.${s}`) }))}
            data-testid="officers-status"
          />
          <Button
            icon={<FieldTimeOutlined />}
            type={status === 'expiring' ? 'primary' : 'default'}
            onClick={() => setFilters({ status: status === 'expiring' ? undefined : 'expiring' })}
            data-testid="officers-expiring"
          >
            {t('enforcement.officers.expiringQuick')}
          </Button>
        </Flex>
        <CursorTable<Officer>
          list={list}
          rowKey="id"
          size="middle"
          data-testid="officers-table"
          columns={officerColumns}
        />
      </Card>
    </>
  );
}
