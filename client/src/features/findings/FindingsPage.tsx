import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Select } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../lib/api/types';
import { usePermission } from '../../lib/auth/useAuth';
import { formatDateTime } from '../../lib/format';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { CursorTable } from '../../components/CursorTable';
import { PageHeader } from '../../components/PageHeader';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { SearchBox } from '../../components/SearchBox';
import { findingsApi, findingsKeys } from './api';
import { FindingDrawer } from './FindingDrawer';
import { FindingsSummary } from './FindingsSummary';
import { FindingStateTag, SeverityTag } from './FindingTags';
import { FindingSubject } from './FindingSubject';
import {
  findingFilterFromQuery,
  FINDING_FILTER_KEYS,
  FINDING_MODULES,
  FINDING_SEVERITIES,
  FINDING_STATE_FILTERS,
} from './model';
import { PostFindingModal } from './PostFindingModal';

/**
 * 评估意见: the overview by township × module, then the findings in scope newest first (by state, module, severity,
 * township, title; kept in the address), CSV/XLSX with the same filters, one finding's thread in a drawer
 * (`?finding=<id>`); 提出评估意见 for the evaluators (findings.post).
 */
export function FindingsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const mayPost = usePermission('findings.post');
  const [posting, setPosting] = useState(false);
  const [values, setFilters] = useSearchFilters([...FINDING_FILTER_KEYS, 'finding'] as const);
  const filter = findingFilterFromQuery(values);
  const list = useCursorList<Finding>(findingsKeys.list(filter), (cursor, signal) =>
    findingsApi.list({ ...filter, cursor, limit: 50 }, signal),
  );
  const f = (k: 'createdAt' | 'region' | 'module' | 'subject' | 'severity' | 'title' | 'state' | 'createdBy') =>
    t(`findings.fields.${k}`);

  return (
    <>
      <PageHeader
        title={t('findings.nav')}
        subtitle={t('findings.subtitle')}
        extra={
          <>
            <Button
              icon={<DownloadOutlined />}
              href={findingsApi.exportUrl('csv', filter)}
              data-testid="findings-export-csv"
            >
              {t('findings.exportCsv')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={findingsApi.exportUrl('xlsx', filter)}
              data-testid="findings-export-xlsx"
            >
              {t('findings.exportXlsx')}
            </Button>
            {mayPost ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setPosting(true)}
                data-testid="finding-post"
              >
                {t('findings.post.title')}
              </Button>
            ) : null}
          </>
        }
      />
      <FindingsSummary onPick={(regionId, module) => setFilters({ regionId, module })} />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} data-testid="findings-filters">
          <Select
            allowClear
            placeholder={t('findings.filters.allStates')}
            style={{ minWidth: 130 }}
            value={filter.state}
            onChange={(v) => setFilters({ state: v })}
            options={FINDING_STATE_FILTERS.map((s) => ({
              value: s,
              label: <span data-testid={`findings-state-option-${s}`}>{t(`findings.states.${s}`)}</span>,
            }))}
            data-testid="findings-state"
          />
          <Select
            allowClear
            placeholder={t('findings.filters.allModules')}
            style={{ minWidth: 150 }}
            value={filter.module}
            onChange={(v) => setFilters({ module: v })}
            options={FINDING_MODULES.map((m) => ({ value: m, label: t(`findings.modules.${m}`) }))}
            data-testid="findings-module"
          />
          <Select
            allowClear
            placeholder={t('findings.filters.allSeverities')}
            style={{ minWidth: 130 }}
            value={filter.severity}
            onChange={(v) => setFilters({ severity: v })}
            options={FINDING_SEVERITIES.map((s) => ({ value: s, label: t(`findings.severities.${s}`) }))}
            data-testid="findings-severity"
          />
          <RegionTreeSelect
            value={filter.regionId}
            onChange={(v) => setFilters({ regionId: v })}
            placeholder={t('findings.filters.allRegions')}
            style={{ minWidth: 200 }}
            testId="findings-region"
          />
          <SearchBox
            value={filter.q}
            onSearch={(v) => setFilters({ q: v })}
            placeholder={t('findings.filters.search')}
            testId="findings-search"
          />
        </Flex>
        <CursorTable<Finding>
          list={list}
          rowKey="id"
          size="middle"
          scroll={{ x: 1100 }}
          data-testid="findings-table"
          onRow={(x) =>
            ({
              'data-testid': 'finding-row',
              'data-id': x.id,
              'data-state': x.state,
              style: { cursor: 'pointer' },
              onClick: (e: React.MouseEvent) => {
                if ((e.target as HTMLElement).closest('a')) return;
                setFilters({ finding: x.id });
              },
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: f('state'),
              key: 'state',
              width: 100,
              render: (_: unknown, x) => <FindingStateTag state={x.state} testId="finding-row-state" />,
            },
            {
              title: f('title'),
              key: 'title',
              render: (_: unknown, x) => <span data-testid="finding-row-title">{x.title}</span>,
            },
            {
              title: f('severity'),
              key: 'severity',
              width: 90,
              render: (_: unknown, x) => <SeverityTag severity={x.severity} />,
            },
            { title: f('region'), dataIndex: 'regionName', key: 'region', width: 120 },
            {
              title: f('module'),
              key: 'module',
              width: 120,
              render: (_: unknown, x) => t(`findings.modules.${x.module}`),
            },
            { title: f('subject'), key: 'subject', width: 260, render: (_: unknown, x) => <FindingSubject f={x} /> },
            { title: f('createdBy'), dataIndex: 'createdBy', key: 'createdBy', width: 120 },
            {
              title: f('createdAt'),
              key: 'createdAt',
              width: 150,
              render: (_: unknown, x) => formatDateTime(x.createdAt),
            },
          ]}
        />
      </Card>
      <FindingDrawer id={values.finding} onClose={() => setFilters({ finding: undefined })} />
      <PostFindingModal
        open={posting}
        onClose={() => setPosting(false)}
        onDone={(created) => {
          setPosting(false);
          void message.success(t('findings.post.done'));
          void queryClient.invalidateQueries({ queryKey: findingsKeys.lists });
          void queryClient.invalidateQueries({ queryKey: findingsKeys.summary });
          setFilters({ finding: created.data.id });
        }}
      />
    </>
  );
}
