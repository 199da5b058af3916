import { Alert, Button, Card, Flex, Table, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined, SwapOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AssessmentRanking, AssessmentRound, RoundDirection, RoundIndicator } from '../../lib/api/types';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { enforcementApi, enforcementKeys } from './api';
import { useRound } from './AssessmentPage';
import { RoundStateTag } from './AssessmentTags';
import { formatKpiValue, formatScore, isManual } from './assessmentModel';
import '../../components/print.css';

const other = (d: RoundDirection): RoundDirection => (d === 'townships' ? 'departments' : 'townships');

/** The round of the same period in the other direction (departments scoring townships ↔ townships scoring
 * departments), when the caller can see one. */
function useCounterpart(round: AssessmentRound | undefined) {
  const direction = round ? other(round.direction) : undefined;
  return useQuery({
    queryKey: enforcementKeys.rounds({ direction }),
    queryFn: ({ signal }) => enforcementApi.rounds({ direction, limit: 50 }, signal),
    enabled: !!round,
    select: (page) => page.items.find((r) => r.periodLabel === round?.periodLabel),
  });
}

/**
 * 考核结果: each scored unit's rank, weighted total and every indicator (a hand-scored one with how many scored it, a
 * computed one with its KPI value), printable on A4; a preview for the county's managers until published. Links to
 * the same period's round in the other direction, so both are read side by side.
 */
export function RankingsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const round = useRound(id);
  const rankings = useQuery({
    queryKey: enforcementKeys.rankings(id),
    queryFn: ({ signal }) => enforcementApi.rankings(id, signal),
    enabled: !!id,
  });
  const counterpart = useCounterpart(round.data?.data);

  if (round.isPending || round.isError) return <RecordStatus error={round.error} />;
  if (rankings.isPending || rankings.isError) return <RecordStatus error={rankings.error} />;
  const r = round.data.data;
  const data = rankings.data;
  const title = t('enforcement.rankings.title', { title: r.title });
  const otherName = t(`enforcement.assessments.directions.${other(r.direction)}`);

  const indicatorColumn = (i: RoundIndicator) => ({
    title: (
      <Flex vertical>
        <span>{i.name}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
          {i.weight}% · {t('enforcement.sheet.maxOf', { max: formatScore(i.maxScore) })}
        </Typography.Text>
      </Flex>
    ),
    key: i.code,
    width: 140,
    render: (_: unknown, item: AssessmentRanking) => {
      const x = item.indicators.find((y) => y.code === i.code);
      if (!x) return t('common.none');
      const value = isManual(i) ? null : formatKpiValue(x);
      return (
        <Flex vertical data-testid="ranking-indicator" data-code={i.code}>
          <span>{formatScore(x.score)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {isManual(i)
              ? x.scorers
                ? t('enforcement.rankings.scorers', { count: x.scorers })
                : t('enforcement.rankings.notScored')
              : value === null
                ? t('enforcement.sheet.noData')
                : t('enforcement.sheet.value', { value })}
          </Typography.Text>
        </Flex>
      );
    },
  });

  return (
    <>
      <div className="pl-screen-header">
        <PageHeader
          title={<span data-testid="rankings-title">{title}</span>}
          subtitle={
            <Flex gap={8} align="center" wrap>
              <RoundStateTag state={r.state} />
              <span>{t(`enforcement.assessments.directions.${r.direction}`)}</span>
              <span>{data.periodLabel}</span>
            </Flex>
          }
          extra={
            <>
              {counterpart.data ? (
                <Link to={`/enforcement/assessments/${counterpart.data.id}/rankings`} data-testid="rankings-other">
                  <Button icon={<SwapOutlined />}>{t('enforcement.rankings.otherDirection', { direction: otherName })}</Button>
                </Link>
              ) : null}
              <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="rankings-print">
                {t('enforcement.rankings.print')}
              </Button>
              <Link to={`/enforcement/assessments/${id}`}>
                <Button icon={<ArrowLeftOutlined />}>{t('enforcement.rankings.back')}</Button>
              </Link>
            </>
          }
        />
        {counterpart.isSuccess && !counterpart.data ? (
          <Typography.Paragraph type="secondary" data-testid="rankings-no-other">
            {t('enforcement.rankings.noOther', { direction: otherName })}
          </Typography.Paragraph>
        ) : null}
      </div>
      <div className="print-only pl-print-title">
        {title}（{t(`enforcement.assessments.directions.${r.direction}`)}）
      </div>
      <Card className="pl-printable">
        {data.state !== 'published' ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="rankings-preview"
            title={data.frozen ? t('enforcement.rankings.frozenPreview') : t('enforcement.rankings.preview')}
          />
        ) : null}
        <Table<AssessmentRanking>
          size="small"
          rowKey="partyId"
          bordered
          pagination={false}
          dataSource={data.items}
          scroll={{ x: 300 + r.indicators.length * 140 }}
          data-testid="rankings-table"
          onRow={(item) =>
            ({ 'data-testid': 'ranking-row', 'data-id': item.partyId, 'data-rank': item.rank }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('enforcement.rankings.rank'),
              key: 'rank',
              width: 70,
              render: (_: unknown, item) => <span data-testid="ranking-rank">{item.rank}</span>,
            },
            { title: t('enforcement.rankings.name'), dataIndex: 'name', key: 'name', width: 160 },
            {
              title: t('enforcement.rankings.total'),
              key: 'total',
              width: 90,
              render: (_: unknown, item) => (
                <Typography.Text strong data-testid="ranking-total">
                  {formatScore(item.total)}
                </Typography.Text>
              ),
            },
            ...r.indicators.map(indicatorColumn),
          ]}
        />
      </Card>
    </>
  );
}
