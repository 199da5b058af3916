import { Alert, Card, Col, Row, Statistic, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RepeatedBasicGrade, StaffingBreach, StaffingException, StaffingMismatch } from '../../lib/api/types';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { staffingApi, staffingKeys } from './api';
import { ExceptionStatusTag, useKindLabel } from './Tags';

const FIGURES = ['approved', 'occupied', 'reserved', 'leaderPosts', 'leadersHeld'] as const;
type Figure = (typeof FIGURES)[number];

/** 编制健康检查: exceptions in force and overdue, establishments over their posts, figures that do not reconcile. */
export function StaffingHealthPage() {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const health = useQuery({ queryKey: staffingKeys.health, queryFn: ({ signal }) => staffingApi.health(signal) });
  const open = useQuery({
    queryKey: staffingKeys.exceptions({ status: 'open', limit: 50 }),
    queryFn: ({ signal }) => staffingApi.exceptions({ status: 'open', limit: 50 }, signal),
  });
  if (health.isPending || health.isError) return <RecordStatus error={health.error} />;
  const h = health.data;
  const kindOf = kindLabel;
  const unit = (x: { establishmentId: string; unitName: string }) => (
    <Link to={`/staffing/establishments/${x.establishmentId}`}>{x.unitName}</Link>
  );
  const healthy =
    h.overdueExceptions === 0 && h.breaches.length === 0 && h.mismatches.length === 0 && h.repeatedBasic.length === 0;

  return (
    <>
      <PageHeader title={t('staffing.nav.health')} subtitle={t('staffing.health.subtitle', { date: h.asOf })} />
      {healthy ? (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('staffing.health.healthy')} data-testid="health-ok" />
      ) : null}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {[
          { key: 'inForce', value: h.inForceExceptions, danger: false, link: '/staffing/exceptions' },
          { key: 'overdue', value: h.overdueExceptions, danger: h.overdueExceptions > 0, link: '/staffing/exceptions' },
          { key: 'breaches', value: h.breaches.length, danger: h.breaches.length > 0 },
          { key: 'mismatches', value: h.mismatches.length, danger: h.mismatches.length > 0 },
        ].map((c) => (
          <Col xs={12} md={6} key={c.key}>
            <Card size="small">
              <Statistic
                title={c.link ? <Link to={c.link}>{t(`staffing.health.${c.key as 'inForce'}`)}</Link> : t(`staffing.health.${c.key as 'inForce'}`)}
                value={c.value}
                styles={{ content: { color: c.danger ? '#cf1322' : undefined } }}
                data-testid={`health-${c.key}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        title={t('staffing.health.openExceptions')}
        extra={<Link to="/staffing/exceptions">{t('staffing.nav.exceptions')}</Link>}
        style={{ marginBottom: 16 }}
      >
        <Table<StaffingException>
          dataSource={open.data?.items ?? []}
          loading={open.isPending}
          rowKey="id"
          pagination={false}
          size="middle"
          data-testid="health-exception-table"
                    columns={[
            { title: t('staffing.fields.unit'), key: 'unit', render: (_: unknown, x) => unit(x) },
            { title: t('staffing.fields.kind'), key: 'kind', render: (_: unknown, x) => kindOf(x) },
            { title: t('staffing.exceptions.posts'), dataIndex: 'posts', align: 'right' },
            { title: t('staffing.fields.documentNo'), dataIndex: 'documentNo' },
            { title: t('staffing.exceptions.validUntil'), dataIndex: 'validUntil' },
            { title: t('staffing.exceptions.statusTitle'), key: 'status', render: (_: unknown, x) => <ExceptionStatusTag status={x.status} /> },
          ]}
        />
      </Card>
      <Card title={t('staffing.health.breaches')} style={{ marginBottom: 16 }}>
        <Table<StaffingBreach>
          dataSource={h.breaches}
          rowKey="establishmentId"
          pagination={false}
          size="middle"
          data-testid="health-breach-table"
          columns={[
            { title: t('staffing.fields.unit'), key: 'unit', render: (_: unknown, x) => unit(x) },
            { title: t('staffing.fields.kind'), key: 'kind', render: (_: unknown, x) => kindOf(x) },
            { title: t('staffing.fields.approved'), dataIndex: 'approved', align: 'right' },
            { title: t('staffing.fields.occupied'), dataIndex: 'occupied', align: 'right' },
            { title: t('staffing.fields.reserved'), dataIndex: 'reserved', align: 'right' },
            { title: t('staffing.fields.exceptionPosts'), dataIndex: 'exceptionPosts', align: 'right' },
            {
              title: t('staffing.health.over'),
              key: 'over',
              align: 'right',
              render: (_: unknown, x) => x.occupied + x.reserved - x.approved - x.exceptionPosts,
            },
          ]}
        />
      </Card>
      <Card title={t('staffing.health.repeatedBasic')} style={{ marginBottom: 16 }}>
        <Table<RepeatedBasicGrade>
          dataSource={h.repeatedBasic}
          rowKey="secondeeId"
          pagination={false}
          size="middle"
          data-testid="health-repeated-basic-table"
          columns={[
            {
              title: t('staffing.health.person'),
              key: 'name',
              render: (_: unknown, x) => <Link to={`/staffing/secondees/${x.secondeeId}`}>{x.name}</Link>,
            },
            { title: t('staffing.health.township'), dataIndex: 'townshipName' },
            {
              title: t('staffing.health.years'),
              key: 'years',
              render: (_: unknown, x) => t('staffing.health.yearsValue', { from: x.year - 1, to: x.year }),
            },
          ]}
        />
      </Card>
      <Card title={t('staffing.health.mismatches')}>
        <Table<StaffingMismatch>
          dataSource={h.mismatches}
          rowKey={(x) => `${x.establishmentId}-${x.figure}`}
          pagination={false}
          size="middle"
          data-testid="health-mismatch-table"
          columns={[
            { title: t('staffing.fields.unit'), key: 'unit', render: (_: unknown, x) => unit(x) },
            { title: t('staffing.fields.kind'), key: 'kind', render: (_: unknown, x) => kindOf(x) },
            {
              title: t('staffing.health.figure'),
              dataIndex: 'figure',
              render: (v: string) => (FIGURES.includes(v as Figure) ? t(`staffing.fields.${v as Figure}`) : v),
            },
            { title: t('staffing.health.ledger'), dataIndex: 'ledger', align: 'right' },
            { title: t('staffing.health.source'), dataIndex: 'source', align: 'right' },
          ]}
        />
      </Card>
    </>
  );
}
