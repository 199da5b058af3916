import { useState } from 'react';
import { Button, Card, Flex, Select } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../lib/api/types';
import { usePermission } from '../../lib/auth/useAuth';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { PageHeader } from '../../components/PageHeader';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { SearchBox } from '../../components/SearchBox';
import { findingsApi, findingsKeys } from './api';
import { FindingDrawer } from './FindingDrawer';
import { FindingsSummary } from './FindingsSummary';
import { FindingsTable } from './FindingsTable';
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
  const mayPost = usePermission('findings.post');
  const [posting, setPosting] = useState(false);
  const [values, setFilters] = useSearchFilters([...FINDING_FILTER_KEYS, 'finding'] as const);
  const filter = findingFilterFromQuery(values);
  const list = useCursorList<Finding>(findingsKeys.list(filter), (cursor, signal) =>
    findingsApi.list({ ...filter, cursor, limit: 50 }, signal),
  );

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
        <FindingsTable list={list} onOpen={(id) => setFilters({ finding: id })} />
      </Card>
      <FindingDrawer id={values.finding} onClose={() => setFilters({ finding: undefined })} />
      <PostFindingModal
        open={posting}
        onClose={() => setPosting(false)}
        onDone={(created) => {
          setPosting(false);
          setFilters({ finding: created.data.id });
        }}
      />
    </>
  );
}
