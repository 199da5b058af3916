import { useState } from 'react';
import { App as AntApp, Button, Card, Checkbox, Flex, Select, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PowerItemQuery, PowerItemVersion, PowerType } from '../../lib/api/types';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { PageHeader } from '../../components/PageHeader';
import { CursorTable } from '../../components/CursorTable';
import { SearchBox } from '../../components/SearchBox';
import { useCurrentUser, usePermission, countyOf } from '../../lib/auth/useAuth';
import { powersApi, powersKeys } from './api';
import { AsOfBanner, AsOfPicker } from '../../components/AsOfPicker';
import { CreateItemModal } from './CreateItemModal';
import { ImportItemsModal } from './ImportItemsModal';
import { useCountyDepartments, useDomains } from './hooks';
import { countyToday, effectiveAsOf } from '../../lib/dates';
import { isPowerType, POWER_TYPES } from './model';
import './powers.css';

const FILTERS = ['q', 'type', 'domain', 'departmentId', 'asOf', 'includeWithdrawn'] as const;

/** 事项目录: the county catalogue as in force on a date, searchable and filtered; 新增事项 for powers.manage. */
export function ItemsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const canManage = usePermission('powers.manage');
  const countyId = countyOf(me);
  const [filters, setFilters] = useSearchFilters(FILTERS);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const domains = useDomains();
  const departments = useCountyDepartments(countyId);

  const asOf = effectiveAsOf(filters.asOf);
  const query: Omit<PowerItemQuery, 'cursor'> = {
    q: filters.q,
    type: isPowerType(filters.type) ? filters.type : undefined,
    domain: filters.domain,
    departmentId: filters.departmentId,
    asOf,
    includeWithdrawn: filters.includeWithdrawn === 'true' ? true : undefined,
  };
  /** The export takes the list's filters it knows (not the department nor withdrawn items). */
  const exportQuery = { asOf, type: query.type, domain: query.domain, q: query.q };
  const list = useCursorList<PowerItemVersion>(powersKeys.items(query), (cursor, signal) =>
    powersApi.items({ ...query, cursor, limit: 50 }, signal),
  );

  return (
    <>
      <PageHeader
        title={t('nav.powerItems')}
        subtitle={t('powers.item.subtitle')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={powersApi.itemsExportUrl('csv', exportQuery)} data-testid="items-export-csv">
              {t('importExport.exportCsv')}
            </Button>
            <Button icon={<DownloadOutlined />} href={powersApi.itemsExportUrl('xlsx', exportQuery)} data-testid="items-export-xlsx">
              {t('importExport.exportXlsx')}
            </Button>
            {canManage ? (
              <>
                <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="items-import">
                  {t('importExport.import')}
                </Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="item-create">
                  {t('powers.item.create')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <AsOfBanner asOf={asOf} onReset={() => setFilters({ asOf: undefined })} />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} data-testid="items-filters">
          <SearchBox
            value={filters.q}
            onSearch={(v) => setFilters({ q: v })}
            placeholder={t('powers.item.searchPlaceholder')}
            maxWidth={320}
            testId="items-search"
          />
          <Select<PowerType>
            allowClear
            placeholder={t('powers.item.allTypes')}
            value={isPowerType(filters.type) ? filters.type : undefined}
            onChange={(v) => setFilters({ type: v })}
            options={POWER_TYPES.map((p) => ({ value: p, label: t(`powers.types.${p}`) }))}
            style={{ minWidth: 150 }}
            data-testid="items-type-filter"
          />
          <Select<string>
            allowClear
            placeholder={t('powers.item.allDomains')}
            value={filters.domain}
            onChange={(v) => setFilters({ domain: v })}
            loading={domains.isPending}
            options={(domains.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
            style={{ minWidth: 170 }}
            data-testid="items-domain-filter"
          />
          {departments.data && departments.data.length > 0 ? (
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('powers.item.allDepartments')}
              value={filters.departmentId}
              onChange={(v) => setFilters({ departmentId: v })}
              options={departments.data.map((u) => ({ value: u.id, label: u.name }))}
              style={{ minWidth: 200 }}
              data-testid="items-department-filter"
            />
          ) : null}
          <AsOfPicker value={asOf} onChange={(v) => setFilters({ asOf: v })} testId="items-as-of" />
          <Checkbox
            checked={filters.includeWithdrawn === 'true'}
            onChange={(e) => setFilters({ includeWithdrawn: e.target.checked ? 'true' : undefined })}
            data-testid="items-include-withdrawn"
          >
            {t('powers.item.includeWithdrawn')}
          </Checkbox>
        </Flex>
        <CursorTable<PowerItemVersion>
          list={list}
          data-testid="items-table"
          rowKey="itemId"
          size="middle"
          scroll={{ x: 1100 }}
          rowClassName={(r) => (r.withdrawn ? 'pl-row-ended' : '')}
          onRow={(r) => ({ 'data-code': r.code }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('powers.item.code'),
              dataIndex: 'code',
              key: 'code',
              width: 130,
              render: (code: string, r) => (
                <Link to={`/power-lists/items/${r.itemId}${filters.asOf ? `?asOf=${asOf}` : ''}`} data-testid="item-code">
                  {code}
                </Link>
              ),
            },
            {
              title: t('powers.item.name'),
              dataIndex: 'name',
              key: 'name',
              render: (name: string, r) => (
                <>
                  <span data-testid="item-name">{name}</span>
                  {r.withdrawn ? (
                    <Tag color="default" style={{ marginInlineStart: 8 }}>
                      {t('powers.item.withdrawn')}
                    </Tag>
                  ) : null}
                </>
              ),
            },
            {
              title: t('powers.item.type'),
              dataIndex: 'type',
              key: 'type',
              width: 120,
              render: (type: PowerType) => <Tag color="red">{t(`powers.types.${type}`)}</Tag>,
            },
            { title: t('powers.item.domain'), dataIndex: 'domainName', key: 'domain', width: 140 },
            {
              title: t('powers.item.department'),
              dataIndex: 'departmentName',
              key: 'department',
              width: 180,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('powers.item.version'),
              dataIndex: 'version',
              key: 'version',
              width: 80,
              render: (v: number) => <span data-testid="item-version">v{v}</span>,
            },
            { title: t('powers.item.effectiveFrom'), dataIndex: 'effectiveFrom', key: 'effectiveFrom', width: 120 },
          ]}
        />
      </Card>
      {canManage ? (
        <CreateItemModal
          open={creating}
          countyId={countyId}
          onClose={() => setCreating(false)}
          onCreated={(item) => {
            setCreating(false);
            const created = item.versions[item.versions.length - 1];
            if (!created) return;
            void message.success(t('powers.item.created', { code: created.code }));
            void queryClient.invalidateQueries({ queryKey: powersKeys.all });
            // show it in the list: found by its code, as of its first day when that is still ahead
            const from = created.effectiveFrom;
            setFilters({
              q: created.code,
              type: undefined,
              domain: undefined,
              departmentId: undefined,
              asOf: from > countyToday() ? from : undefined,
            });
          }}
        />
      ) : null}
      {canManage ? (
        <ImportItemsModal
          open={importing}
          onClose={() => setImporting(false)}
          onDone={(r) => {
            setImporting(false);
            void message.success(t('importExport.done', { created: r.created, revised: r.revised }));
            void queryClient.invalidateQueries({ queryKey: powersKeys.all });
          }}
        />
      ) : null}
    </>
  );
}
