import { Card, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonQuery, PersonState, StaffPerson } from '../../lib/api/types';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { PageHeader } from '../../components/PageHeader';
import { CursorTable } from '../../components/CursorTable';
import { SearchBox } from '../../components/SearchBox';
import { staffingApi, staffingKeys } from './api';
import { UnitSelect } from './UnitSelect';
import { PersonStateTag, useKindLabel } from './Tags';

const FILTERS = ['q', 'unitId', 'state'] as const;
const STATES: readonly PersonState[] = ['serving', 'exited'];

/** 实名: the people on the ledger in scope (ID numbers masked), by name or whole ID number, unit and state. */
export function PeoplePage() {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const [filters, setFilters] = useSearchFilters(FILTERS);
  const state = STATES.find((s) => s === filters.state);
  const query: Omit<PersonQuery, 'cursor'> = { q: filters.q, unitId: filters.unitId, state };
  const list = useCursorList<StaffPerson>(staffingKeys.people(query), (cursor, signal) =>
    staffingApi.people({ ...query, cursor, limit: 50 }, signal),
  );

  return (
    <>
      <PageHeader title={t('staffing.nav.people')} subtitle={t('staffing.people.subtitle')} />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <SearchBox value={filters.q} onSearch={(q) => setFilters({ q })} placeholder={t('staffing.people.searchPlaceholder')} testId="people-search" />
          <div style={{ minWidth: 280 }}>
            <UnitSelect value={filters.unitId} onChange={(v) => setFilters({ unitId: v })} testId="people-unit" />
          </div>
          <Select
            allowClear
            placeholder={t('staffing.people.state')}
            style={{ minWidth: 120 }}
            value={state}
            onChange={(v) => setFilters({ state: v })}
            options={STATES.map((s) => ({ value: s, label: t(`staffing.personState.${s}`) }))}
            data-testid="people-state"
          />
        </Flex>
        <CursorTable<StaffPerson>
          list={list}
          rowKey="id"
          size="middle"
          data-testid="people-table"
          columns={[
            {
              title: t('staffing.people.name'),
              dataIndex: 'name',
              render: (v: string, p) => (
                <Link to={`/staffing/people/${p.id}`} data-testid="person-link">
                  {v}
                </Link>
              ),
            },
            { title: t('staffing.people.idNumber'), dataIndex: 'idNumber', render: (v: string) => <span data-testid="person-id-number">{v}</span> },
            { title: t('staffing.people.gender'), dataIndex: 'gender', render: (v: string) => (v === 'female' ? t('staffing.gender.female') : t('staffing.gender.male')) },
            { title: t('staffing.people.birthDate'), dataIndex: 'birthDate', width: 110 },
            { title: t('staffing.people.education'), dataIndex: 'educationName' },
            { title: t('staffing.fields.unit'), dataIndex: 'unitName' },
            { title: t('staffing.fields.kind'), key: 'kind', render: (_: unknown, p) => kindLabel(p) },
            { title: t('staffing.people.state'), dataIndex: 'state', render: (v: PersonState) => <PersonStateTag state={v} /> },
          ]}
        />
      </Card>
    </>
  );
}
