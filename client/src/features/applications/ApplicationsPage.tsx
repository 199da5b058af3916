import { Button, Card, Checkbox, Flex, Select } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ApplicationListItem, ApplicationState } from '../../lib/api/types';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { PageHeader } from '../../components/PageHeader';
import { DateRangeFilter } from '../../components/DateRangeFilter';
import { ProblemAlert } from '../../components/ProblemAlert';
import { LoadMore } from '../../components/LoadMore';
import { SearchBox } from '../../components/SearchBox';
import { applicationsApi, applicationsKeys } from './api';
import { ApplicationsTable } from './ApplicationsTable';
import { filterFromQuery, APPLICATION_STATES, FILTER_KEYS } from './model';
import './applications.css';

/**
 * 办件查询: by state, receipt dates, applicant (start of a name, or a whole ID number or phone), overdue or due soon;
 * newest first, 加载更多 pages by cursor. The export takes the same filters (downloaded with the session cookie).
 */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const [values, setFilters] = useSearchFilters(FILTER_KEYS);
  const filter = filterFromQuery(values);
  const list = useCursorList<ApplicationListItem>(applicationsKeys.list(filter), (cursor, signal) =>
    applicationsApi.list({ ...filter, cursor, limit: 50 }, signal),
  );

  return (
    <>
      <PageHeader
        title={t('applications.nav.applications')}
        subtitle={t('applications.list.subtitle')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={applicationsApi.exportUrl('csv', filter)} data-testid="applications-export-csv">
              {t('applications.list.exportCsv')}
            </Button>
            <Button icon={<DownloadOutlined />} href={applicationsApi.exportUrl('xlsx', filter)} data-testid="applications-export-xlsx">
              {t('applications.list.exportXlsx')}
            </Button>
          </>
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} data-testid="applications-filters">
          <Select<ApplicationState>
            allowClear
            placeholder={t('applications.list.allStates')}
            value={filter.state}
            onChange={(v) => setFilters({ state: v })}
            options={APPLICATION_STATES.map((s) => ({
              value: s,
              label: <span data-testid={`state-option-${s}`}>{t(`applications.states.${s}`)}</span>,
            }))}
            style={{ minWidth: 140 }}
            data-testid="applications-state-filter"
          />
          <DateRangeFilter
            from={filter.from}
            to={filter.to}
            onChange={setFilters}
            placeholder={t('applications.list.dateRange')}
            testId="applications-date-filter"
          />
          <SearchBox
            value={filter.applicant}
            onSearch={(v) => setFilters({ applicant: v })}
            placeholder={t('applications.list.applicantPlaceholder')}
            testId="applications-applicant-filter"
          />
          <Checkbox
            checked={filter.overdue === true}
            onChange={(e) => setFilters({ overdue: e.target.checked ? 'true' : undefined })}
            data-testid="applications-overdue-filter"
          >
            <span style={{ color: '#cf1322' }}>{t('applications.list.overdueOnly')}</span>
          </Checkbox>
          <Checkbox
            checked={filter.dueSoon === true}
            onChange={(e) => setFilters({ dueSoon: e.target.checked ? 'true' : undefined })}
            data-testid="applications-due-soon-filter"
          >
            <span style={{ color: '#d46b08' }}>{t('applications.list.dueSoonOnly')}</span>
          </Checkbox>
        </Flex>
        {list.error ? <ProblemAlert error={list.error} style={{ marginBottom: 16 }} /> : null}
        <ApplicationsTable items={list.items} loading={list.isLoading} />
        <LoadMore count={list.items.length} hasMore={list.hasMore} loading={list.isFetchingMore} onLoadMore={list.loadMore} />
      </Card>
    </>
  );
}
