import { useMemo } from 'react';
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TownshipTransfers } from '../../lib/api/types';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { EChart } from '../../components/EChart';
import { staffingApi, staffingKeys } from './api';
import { transferChartOption } from './model';
import { GuidanceTag } from './Tags';

/** 下沉编制: posts moved down to each township by year, against the guidance range (below / above in colour). */
export function TransferSummaryPage() {
  const { t } = useTranslation();
  const summary = useQuery({
    queryKey: staffingKeys.transferSummary,
    queryFn: ({ signal }) => staffingApi.transferSummary(signal),
  });
  const data = summary.data;
  const option = useMemo(
    () =>
      data
        ? transferChartOption(data, {
            posts: t('staffing.fields.posts'),
            min: t('staffing.summary.min', { n: data.min }),
            max: t('staffing.summary.max', { n: data.max }),
          })
        : null,
    [data, t],
  );
  if (summary.isPending || summary.isError) return <RecordStatus error={summary.error} />;
  const s = summary.data;
  const outside = s.townships.filter((x) => x.guidance !== 'within').length;

  return (
    <>
      <PageHeader
        title={t('staffing.nav.summary')}
        subtitle={t('staffing.summary.subtitle', { min: s.min, max: s.max })}
        extra={<Link to="/staffing/transfers">{t('staffing.transfers.back')}</Link>}
      />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('staffing.summary.total')} value={s.total} data-testid="summary-total" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('staffing.summary.townships')} value={s.townships.length} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('staffing.summary.outside')}
              value={outside}
              styles={{ content: { color: outside > 0 ? '#cf1322' : undefined } }}
              data-testid="summary-outside"
            />
          </Card>
        </Col>
      </Row>
      <Card style={{ marginBottom: 16 }}>
        {option ? <EChart option={option} height={360} testId="summary-chart" /> : null}
      </Card>
      <Card>
        <Table<TownshipTransfers>
          dataSource={s.townships}
          rowKey="townshipId"
          pagination={false}
          size="middle"
          data-testid="summary-table"
          columns={[
            { title: t('staffing.summary.township'), dataIndex: 'townshipName' },
            { title: t('staffing.fields.posts'), dataIndex: 'posts', align: 'right' },
            {
              title: t('staffing.summary.byYear'),
              key: 'years',
              render: (_: unknown, x) =>
                x.byYear.length === 0 ? (
                  '—'
                ) : (
                  <Typography.Text>{x.byYear.map((y) => t('staffing.summary.yearPosts', { year: y.year, posts: y.posts })).join('；')}</Typography.Text>
                ),
            },
            { title: t('staffing.summary.guidanceTitle'), dataIndex: 'guidance', render: (_: unknown, x) => <GuidanceTag guidance={x.guidance} /> },
          ]}
        />
      </Card>
    </>
  );
}
