import { useMemo } from 'react';
import { Button, Card, Col, DatePicker, Flex, Row, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { KpiDefinition } from '../../lib/api/types';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { powersApi, powersKeys } from './api';
import { EChart } from '../../components/EChart';
import { countChartOption, defaultKpiRange, rateChartOption } from './kpiModel';
import { parseMonth } from '../../lib/months';
import { countyToday } from '../../lib/dates';

const FILTERS = ['from', 'to'] as const;

/** 清单指标: monthly completeness and churn (with targets) and the counts of entries by mode and list kind. */
export function KpisPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useSearchFilters(FILTERS);
  const range = defaultKpiRange(countyToday());
  const from = parseMonth(filters.from) ?? range.from;
  const to = parseMonth(filters.to) ?? range.to;
  const report = useQuery({
    queryKey: powersKeys.kpis(from, to),
    queryFn: ({ signal }) => powersApi.kpis(from, to, signal),
  });
  const months = report.data?.months;

  const rates = useMemo(
    () =>
      rateChartOption(months ?? [], {
        completeness: t('kpis.completeness'),
        churn: t('kpis.churn'),
        target: t('kpis.target'),
      }),
    [months, t],
  );
  const byMode = useMemo(() => countChartOption(months ?? [], (m) => m.entriesByMode), [months]);
  const byKind = useMemo(() => countChartOption(months ?? [], (m) => m.entriesByListKind), [months]);

  return (
    <>
      <PageHeader
        title={t('nav.powerKpis')}
        subtitle={t('kpis.subtitle')}
        extra={
          <Button icon={<DownloadOutlined />} href={powersApi.kpisCsvUrl(from, to)} data-testid="kpis-export">
            {t('kpis.exportCsv')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} align="center" wrap>
          <Typography.Text type="secondary">{t('kpis.from')}</Typography.Text>
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${from}-01`)}
            onChange={(d) => d && setFilters({ from: d.format('YYYY-MM') })}
            data-testid="kpis-from"
          />
          <Typography.Text type="secondary">{t('kpis.to')}</Typography.Text>
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${to}-01`)}
            onChange={(d) => d && setFilters({ to: d.format('YYYY-MM') })}
            data-testid="kpis-to"
          />
        </Flex>
      </Card>
      {report.error ? <ProblemAlert error={report.error} style={{ marginBottom: 16 }} /> : null}
      <Card title={`${t('kpis.completeness')} / ${t('kpis.churn')}`} style={{ marginBottom: 16 }} loading={report.isPending}>
        <EChart option={rates} testId="kpis-rates" />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card title={t('kpis.byMode')} style={{ marginBottom: 16 }} loading={report.isPending}>
            <EChart option={byMode} testId="kpis-by-mode" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('kpis.byListKind')} style={{ marginBottom: 16 }} loading={report.isPending}>
            <EChart option={byKind} testId="kpis-by-list-kind" />
          </Card>
        </Col>
      </Row>
      <Card title={t('kpis.definitions')}>
        <Table<KpiDefinition>
          data-testid="kpis-definitions"
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={report.data?.definitions ?? []}
          columns={[
            { title: 'code', dataIndex: 'code', key: 'code', width: 170 },
            { title: t('kpis.definitions'), dataIndex: 'name', key: 'name', width: 220 },
            {
              title: '',
              key: 'formula',
              render: (_: unknown, d) => (
                <>
                  <div>{d.numerator}</div>
                  {d.denominator !== '—' ? <Typography.Text type="secondary">÷ {d.denominator}</Typography.Text> : null}
                </>
              ),
            },
            {
              title: t('kpis.target'),
              dataIndex: 'target',
              key: 'target',
              width: 90,
              render: (v: number | null, d) => (v === null ? '—' : d.unit === '%' ? `${Math.round(v * 1000) / 10}%` : v),
            },
          ]}
        />
      </Card>
    </>
  );
}
