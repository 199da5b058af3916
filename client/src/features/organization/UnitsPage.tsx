import { Card, Flex, Input, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../lib/api/types';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { LoadMore } from '../../components/LoadMore';
import { organizationApi, organizationKeys } from './api';
import { RegionTreeSelect } from './RegionTreeSelect';

const FILTERS = ['q', 'regionId'] as const;

export function UnitsPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useSearchFilters(FILTERS);
  const query = { q: filters.q, regionId: filters.regionId };
  const list = useCursorList<Unit>(organizationKeys.units(query), (cursor, signal) =>
    organizationApi.units({ ...query, cursor, limit: 50 }, signal),
  );

  return (
    <>
      <PageHeader title={t('nav.units')} />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            key={filters.q ?? ''}
            defaultValue={filters.q}
            placeholder={t('unit.searchPlaceholder')}
            allowClear
            enterButton={t('common.search')}
            onSearch={(v) => setFilters({ q: v.trim() })}
            style={{ maxWidth: 360 }}
            data-testid="units-search"
          />
          <RegionTreeSelect
            value={filters.regionId}
            onChange={(v) => setFilters({ regionId: v })}
            testId="units-region-filter"
          />
        </Flex>
        {list.error ? <ProblemAlert error={list.error} style={{ marginBottom: 16 }} /> : null}
        <Table<Unit>
          data-testid="units-table"
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.items}
          pagination={false}
          columns={[
            { title: t('unit.name'), dataIndex: 'name', key: 'name' },
            { title: t('unit.kind'), dataIndex: 'kindName', key: 'kindName', width: 200 },
            { title: t('unit.region'), dataIndex: 'regionName', key: 'regionName', width: 200 },
          ]}
        />
        <LoadMore count={list.items.length} hasMore={list.hasMore} loading={list.isFetchingMore} onLoadMore={list.loadMore} />
      </Card>
    </>
  );
}
