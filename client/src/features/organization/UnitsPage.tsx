import { Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../lib/api/types';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { PageHeader } from '../../components/PageHeader';
import { CursorTable } from '../../components/CursorTable';
import { SearchBox } from '../../components/SearchBox';
import { organizationApi, organizationKeys } from './api';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';

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
          <SearchBox
            value={filters.q}
            onSearch={(v) => setFilters({ q: v })}
            placeholder={t('unit.searchPlaceholder')}
            testId="units-search"
          />
          <RegionTreeSelect
            value={filters.regionId}
            onChange={(v) => setFilters({ regionId: v })}
            testId="units-region-filter"
          />
        </Flex>
        <CursorTable<Unit>
          list={list}
          data-testid="units-table"
          rowKey="id"
          size="middle"
          columns={[
            { title: t('unit.name'), dataIndex: 'name', key: 'name' },
            { title: t('unit.kind'), dataIndex: 'kindName', key: 'kindName', width: 200 },
            { title: t('unit.region'), dataIndex: 'regionName', key: 'regionName', width: 200 },
          ]}
        />
      </Card>
    </>
  );
}
