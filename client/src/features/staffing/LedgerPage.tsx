import { Card, Col, Flex, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LedgerPage as LedgerPageData, LedgerQuery, LedgerRow } from '../../lib/api/types';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { usePermission } from '../../lib/auth/useAuth';
import { effectiveAsOf } from '../../lib/dates';
import { PageHeader } from '../../components/PageHeader';
import { CursorTable } from '../../components/CursorTable';
import { AsOfBanner, AsOfPicker } from '../../components/AsOfPicker';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { staffingApi, staffingKeys } from './api';
import { establishmentState, isPostFunding, isPostKind, sumTotals, type TotalFigures } from './model';
import { FundingSelect, KindSelect, useKindLabel } from './Tags';

const FILTERS = ['asOf', 'kind', 'funding', 'regionId'] as const;

function Figures({ total, testId }: { total: TotalFigures; testId: string }) {
  const { t } = useTranslation();
  return (
    <Row gutter={8} data-testid={testId}>
      <Col span={6}>
        <Statistic title={t('staffing.fields.approved')} value={total.approved} data-testid={`${testId}-approved`} />
      </Col>
      <Col span={6}>
        <Statistic title={t('staffing.fields.occupied')} value={total.occupied} />
      </Col>
      <Col span={6}>
        <Statistic title={t('staffing.fields.reserved')} value={total.reserved} />
      </Col>
      <Col span={6}>
        <Statistic
          title={t('staffing.fields.vacant')}
          value={total.vacant}
          styles={{ content: { color: total.vacant < 0 ? '#cf1322' : undefined } }}
        />
      </Col>
      <Col span={24}>
        <Typography.Text type="secondary" data-testid={`${testId}-leaders`}>
          {t('staffing.ledger.leaders', { approved: total.leaderPosts, held: total.leadersHeld, vacant: total.leadersVacant })}
        </Typography.Text>
      </Col>
    </Row>
  );
}

/** 编制台账: every establishment's figures as of a date, with the totals by kind and funding. */
export function LedgerPage() {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const [filters, setFilters] = useSearchFilters(FILTERS);
  const canManage = usePermission('staffing.manage');
  const asOf = effectiveAsOf(filters.asOf);
  const query: Omit<LedgerQuery, 'cursor'> = {
    asOf,
    kind: isPostKind(filters.kind) ? filters.kind : undefined,
    funding: isPostFunding(filters.funding) ? filters.funding : undefined,
    regionId: filters.regionId,
  };
  const list = useCursorList<LedgerRow, LedgerPageData>(staffingKeys.ledger(query), (cursor, signal) =>
    staffingApi.ledger({ ...query, cursor, limit: 50 }, signal),
  );
  const totals = list.firstPage?.totals ?? [];

  return (
    <>
      <PageHeader
        title={t('staffing.nav.ledger')}
        subtitle={t('staffing.ledger.subtitle')}
        extra={<AsOfPicker value={asOf} onChange={(v) => setFilters({ asOf: v })} />}
      />
      <AsOfBanner asOf={asOf} onReset={() => setFilters({ asOf: undefined })} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="ledger-totals">
        <Col xs={24} lg={12} xl={8}>
          <Card size="small" title={t('staffing.ledger.grandTotal')}>
            <Figures total={sumTotals(totals)} testId="ledger-total" />
          </Card>
        </Col>
        {totals.map((x) => (
          <Col xs={24} lg={12} xl={8} key={`${x.kind}-${x.funding}`}>
            <Card size="small" title={kindLabel(x)}>
              <Figures total={x} testId={`ledger-total-${x.kind}-${x.funding}`} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <RegionTreeSelect value={filters.regionId} onChange={(v) => setFilters({ regionId: v })} testId="ledger-region" />
          <KindSelect
            value={isPostKind(filters.kind) ? filters.kind : undefined}
            onChange={(v) => setFilters({ kind: v })}
            allowClear
            placeholder={t('staffing.fields.kind')}
            testId="ledger-kind"
          />
          <FundingSelect
            value={isPostFunding(filters.funding) ? filters.funding : undefined}
            onChange={(v) => setFilters({ funding: v })}
            allowClear
            placeholder={t('staffing.fields.funding')}
            testId="ledger-funding"
          />
        </Flex>
        <CursorTable<LedgerRow>
          list={list}
          rowKey="establishmentId"
          size="middle"
          data-testid="ledger-table"
          columns={[
            {
              title: t('staffing.fields.unit'),
              dataIndex: 'unitName',
              render: (name: string, r) => (
                <Link to={`/staffing/establishments/${r.establishmentId}?to=${asOf}`} data-testid="ledger-unit">
                  {name}
                </Link>
              ),
            },
            { title: t('staffing.fields.kind'), dataIndex: 'kindName' },
            { title: t('staffing.fields.funding'), dataIndex: 'fundingName' },
            { title: t('staffing.fields.approved'), dataIndex: 'approved', align: 'right', onCell: () => ({ 'data-testid': 'ledger-approved' }) as object },
            { title: t('staffing.fields.occupied'), dataIndex: 'occupied', align: 'right' },
            { title: t('staffing.fields.reserved'), dataIndex: 'reserved', align: 'right' },
            {
              title: t('staffing.fields.vacant'),
              dataIndex: 'vacant',
              align: 'right',
              render: (v: number, r) => {
                const state = establishmentState(r);
                return state === 'over' ? (
                  <Typography.Text type="danger" strong>
                    {v}
                  </Typography.Text>
                ) : (
                  v
                );
              },
            },
            {
              title: t('staffing.fields.leaders'),
              key: 'leaders',
              align: 'right',
              onCell: () => ({ 'data-testid': 'ledger-leaders' }) as object,
              render: (_: unknown, r) => (
                <span title={t('staffing.ledger.leaders', { approved: r.leaderPosts, held: r.leadersHeld, vacant: r.leadersVacant })}>
                  {`${r.leaderPosts} / ${r.leadersHeld} / ${r.leadersVacant}`}
                </span>
              ),
            },
            {
              title: t('staffing.fields.exceptionPosts'),
              dataIndex: 'exceptionPosts',
              align: 'right',
              render: (v: number) => (v > 0 ? <Tag color="warning">{v}</Tag> : '—'),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_: unknown, r) => (
                <Space size="small">
                  <Link to={`/staffing/establishments/${r.establishmentId}?to=${asOf}`}>{t('staffing.ledger.statement')}</Link>
                  <Link to={`/staffing/people?unitId=${r.unitId}`} data-testid="ledger-people">
                    {t('staffing.ledger.people')}
                  </Link>
                  {canManage ? (
                    <Link to={`/staffing/exceptions?unitId=${r.unitId}&kind=${r.kind}&funding=${r.funding}`}>
                      {t('staffing.ledger.exception')}
                    </Link>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}

