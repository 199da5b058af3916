import { Card, Flex, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Secondee, SecondeeQuery, SecondeeState } from '../../lib/api/types';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { PageHeader } from '../../components/PageHeader';
import { CursorTable } from '../../components/CursorTable';
import { staffingApi, staffingKeys } from './api';
import { isSecondeeState, isWorkArea, SECONDEE_STATES, WORK_AREAS } from './secondment';

const FILTERS = ['state', 'workArea'] as const;

const SECONDEE_COLORS: Record<SecondeeState, string> = { active: 'processing', converted: 'success', returned: 'default', ended: 'default' };

export function SecondeeStateTag({ state }: { state: SecondeeState }) {
  const { t } = useTranslation();
  return (
    <Tag color={SECONDEE_COLORS[state]} data-testid="secondee-state">
      {t(`staffing.secondment.secondeeState.${state}`)}
    </Tag>
  );
}

/** 选派人员 in scope by state and work area. */
export function SecondeesPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useSearchFilters(FILTERS);
  const query: Omit<SecondeeQuery, 'cursor'> = {
    state: isSecondeeState(filters.state) ? filters.state : undefined,
    workArea: isWorkArea(filters.workArea) ? filters.workArea : undefined,
  };
  const list = useCursorList<Secondee>(staffingKeys.secondees(query), (cursor, signal) =>
    staffingApi.secondees({ ...query, cursor, limit: 50 }, signal),
  );

  return (
    <>
      <PageHeader title={t('staffing.nav.secondees')} subtitle={t('staffing.secondment.secondees.subtitle')} />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t('staffing.secondment.secondees.state')}
            style={{ minWidth: 120 }}
            value={query.state}
            onChange={(v) => setFilters({ state: v })}
            options={SECONDEE_STATES.map((s) => ({ value: s, label: t(`staffing.secondment.secondeeState.${s}`) }))}
            data-testid="secondee-state-filter"
          />
          <Select
            allowClear
            placeholder={t('staffing.secondment.secondees.workArea')}
            style={{ minWidth: 200 }}
            value={query.workArea}
            onChange={(v) => setFilters({ workArea: v })}
            options={WORK_AREAS.map((w) => ({ value: w, label: t(`staffing.secondment.workArea.${w}`) }))}
            data-testid="secondee-work-area-filter"
          />
        </Flex>
        <CursorTable<Secondee>
          list={list}
          rowKey="id"
          size="middle"
          data-testid="secondee-table"
          columns={[
            {
              title: t('staffing.secondment.secondees.name'),
              dataIndex: 'name',
              render: (v: string, s) => (
                <Link to={`/staffing/secondees/${s.id}`} data-testid="secondee-link">
                  {v}
                </Link>
              ),
            },
            { title: t('staffing.secondment.secondees.idNumber'), dataIndex: 'idNumber' },
            { title: t('staffing.secondment.secondees.originUnit'), dataIndex: 'originUnit' },
            { title: t('staffing.secondment.secondees.township'), dataIndex: 'townshipName' },
            { title: t('staffing.secondment.secondees.workArea'), dataIndex: 'workAreaName' },
            { title: t('staffing.secondment.secondees.startedOn'), dataIndex: 'startedOn', width: 110 },
            { title: t('staffing.secondment.secondees.state'), dataIndex: 'state', render: (v: SecondeeState) => <SecondeeStateTag state={v} /> },
          ]}
        />
      </Card>
    </>
  );
}
