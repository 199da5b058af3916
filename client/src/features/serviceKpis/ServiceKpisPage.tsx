import { useCallback, useMemo, useState } from 'react';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { DownloadOutlined, HistoryOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { ServiceKpiDefinition, ServiceKpiLevel, ServiceKpiRow } from '../../lib/api/types';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useCurrentUser } from '../../lib/auth/useAuth';
import { EChart } from '../../components/EChart';
import { countyToday } from '../../lib/dates';
import { serviceKpisApi, serviceKpisKeys } from './api';
import {
  canRevise,
  formatKpiValue,
  formatTarget,
  isKnownKpi,
  freezeBadge,
  kpiFilterFromQuery,
  kpiOf,
  latestRow,
  mayManageServices,
  metColor,
  metTone,
  monthRange,
  monthsOf,
  townshipChartHeight,
  townshipOption,
  trendOption,
  KPI_FILTER_KEYS,
  SERVICE_KPI_LEVELS,
} from './model';
import { ReviseButton, RevisionsDrawer } from './RevisionsDrawer';

/** 已冻结 · 第2版, or 实时 for the open month. */
export function FreezeBadge({ row }: { row: Pick<ServiceKpiRow, 'frozen' | 'revision'> }) {
  const { t } = useTranslation();
  const badge = freezeBadge(row);
  return badge.kind === 'frozen' ? (
    <Tag color={badge.revision > 1 ? 'purple' : 'blue'} data-testid="service-kpis-badge" data-frozen="true" data-revision={badge.revision}>
      {t('serviceKpis.frozenBadge', { revision: badge.revision })}
    </Tag>
  ) : (
    <Tag color="green" data-testid="service-kpis-badge" data-frozen="false" data-revision={0}>
      {t('serviceKpis.live')}
    </Tag>
  );
}

/** A KPI's name in the UI language (the API names it in Chinese). */
function useKpiName() {
  const { t } = useTranslation();
  return useCallback(
    (def: Pick<ServiceKpiDefinition, 'code' | 'name'>) => (isKnownKpi(def.code) ? t(`serviceKpis.names.${def.code}`) : def.name),
    [t],
  );
}

/** One KPI of the latest month: value coloured by met / not met, the target, numerator / denominator. */
function KpiCard({ def, row }: { def: ServiceKpiDefinition; row: ServiceKpiRow | undefined }) {
  const { t } = useTranslation();
  const kpiName = useKpiName();
  const k = kpiOf(row, def.code);
  const tone = metTone(k?.met);
  return (
    <Card
      size="small"
      style={{ height: '100%', borderColor: tone === 'missed' ? '#ffa39e' : tone === 'met' ? '#b7eb8f' : undefined }}
      data-testid={`service-kpis-card-${def.code}`}
      data-value={k?.value ?? ''}
      data-met={tone}
    >
      <Statistic
        title={
          <Tooltip title={def.denominator !== '—' ? `${def.numerator} ÷ ${def.denominator}` : def.numerator}>
            <span>{kpiName(def)}</span>
          </Tooltip>
        }
        value={formatKpiValue(def, k?.value)}
        styles={{ content: { color: metColor(tone), fontSize: 22 } }}
      />
      <Flex justify="space-between" gap={8} wrap style={{ fontSize: 12 }}>
        <Typography.Text type="secondary">
          {t('serviceKpis.target')} {formatTarget(def)}
        </Typography.Text>
        {k && def.denominator !== '—' ? (
          <Typography.Text type="secondary" data-testid="service-kpis-card-fraction">
            {k.numerator} / {k.denominator}
          </Typography.Text>
        ) : null}
      </Flex>
      {tone !== 'none' ? (
        <Tag color={tone === 'met' ? 'green' : 'red'} style={{ marginTop: 6 }}>
          {tone === 'met' ? t('serviceKpis.met') : t('serviceKpis.missed')}
        </Tag>
      ) : null}
    </Card>
  );
}

/**
 * 便民服务指标: the latest month's KPIs against their targets, each KPI's monthly trend with the target line, the
 * townships compared for one KPI and month, and the monthly table with its frozen revisions (修订 for the county's
 * services.manage); level and month range in the query string, the same report as CSV.
 */
export function ServiceKpisPage() {
  const { t } = useTranslation();
  const mayManage = mayManageServices(useCurrentUser());
  const kpiName = useKpiName();
  const [values, setFilters] = useSearchFilters(KPI_FILTER_KEYS);
  const filter = kpiFilterFromQuery(values, countyToday());
  const { level, from, to } = filter;
  const [drawerMonth, setDrawerMonth] = useState<string | null>(null);

  const report = useQuery({
    queryKey: serviceKpisKeys.report({ from, to, level, groupBy: 'none' }),
    queryFn: ({ signal }) => serviceKpisApi.report({ from, to, level, groupBy: 'none' }, signal),
  });
  const compare = useQuery({
    queryKey: serviceKpisKeys.report({ from: filter.month, to: filter.month, level, groupBy: 'township' }),
    queryFn: ({ signal }) => serviceKpisApi.report({ from: filter.month, to: filter.month, level, groupBy: 'township' }, signal),
  });
  const coverage = useQuery({
    queryKey: serviceKpisKeys.coverage(level),
    queryFn: ({ signal }) => serviceKpisApi.coverage(level, signal),
  });

  const defs = useMemo(() => report.data?.definitions ?? [], [report.data]);
  const rows = useMemo(() => report.data?.rows ?? [], [report.data]);
  const latest = latestRow(rows);
  const compareDef = defs.find((d) => d.code === filter.kpi) ?? defs.find((d) => d.direction !== 'none') ?? defs[0];
  const targetLabel = t('serviceKpis.target');
  // eslint-disable-next-line react-hooks/preserve-manual-memoization -- the memo keeps the chart option stable for ECharts; no React Compiler is used here
  const rangeMonths = useMemo(() => monthRange(from, to), [from, to]);
  const trends = useMemo(
    () => defs.map((d) => ({ def: d, option: trendOption({ rows }, d, { target: targetLabel, name: kpiName(d) }, rangeMonths) })),
    [defs, rows, targetLabel, rangeMonths, kpiName],
  );
  const compareRows = useMemo(() => compare.data?.rows ?? [], [compare.data]);
  const townshipChart = useMemo(
    () =>
      compareDef ? townshipOption({ rows: compareRows }, compareDef, filter.month, { target: targetLabel, name: kpiName(compareDef) }) : {},
    // eslint-disable-next-line react-hooks/preserve-manual-memoization -- the memo keeps the chart option stable for ECharts; no React Compiler is used here
    [compareRows, compareDef, filter.month, targetLabel, kpiName],
  );
  const months = monthsOf(rows);

  return (
    <>
      <PageHeader
        title={t('serviceKpis.title')}
        subtitle={
          <span>
            {t('serviceKpis.subtitle')}
            {report.data ? (
              <Typography.Text type="secondary" data-testid="service-kpis-definition-version">
                {' · '}
                {t('serviceKpis.definitionVersion', { version: report.data.definitionVersion })}
              </Typography.Text>
            ) : null}
          </span>
        }
        extra={
          <>
            <Button icon={<HistoryOutlined />} onClick={() => setDrawerMonth(latest?.month ?? to)} data-testid="service-kpis-open-revisions">
              {t('serviceKpis.revisions.open')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={serviceKpisApi.csvUrl({ from, to, level, groupBy: 'none' })}
              data-testid="service-kpis-export-csv"
            >
              {t('serviceKpis.exportCsv')}
            </Button>
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} align="center" wrap data-testid="service-kpis-filters">
          <Typography.Text type="secondary">{t('serviceKpis.filters.level')}</Typography.Text>
          <Segmented<ServiceKpiLevel>
            value={level}
            onChange={(v) => setFilters({ level: v === 'all' ? undefined : v })}
            options={SERVICE_KPI_LEVELS.map((l) => ({
              value: l,
              label: <span data-testid={`service-kpis-level-${l}`}>{t(`serviceKpis.levels.${l}`)}</span>,
            }))}
            data-testid="service-kpis-level"
          />
          <Typography.Text type="secondary">{t('serviceKpis.filters.from')}</Typography.Text>
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${from}-01`)}
            onChange={(d) => d && setFilters({ from: d.format('YYYY-MM') })}
            data-testid="service-kpis-from"
          />
          <Typography.Text type="secondary">{t('serviceKpis.filters.to')}</Typography.Text>
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${to}-01`)}
            onChange={(d) => d && setFilters({ to: d.format('YYYY-MM') })}
            data-testid="service-kpis-to"
          />
        </Flex>
      </Card>
      {report.error ? <ProblemAlert error={report.error} style={{ marginBottom: 16 }} /> : null}

      <Card
        title={
          <Space>
            {t('serviceKpis.latest', { month: latest?.month ?? to })}
            {latest ? <FreezeBadge row={latest} /> : null}
          </Space>
        }
        style={{ marginBottom: 16 }}
        loading={report.isPending}
        data-testid="service-kpis-cards"
        data-month={latest?.month ?? ''}
      >
        <Row gutter={[12, 12]}>
          {defs.map((d) => (
            <Col key={d.code} xs={12} md={8} xl={6} xxl={3}>
              <KpiCard def={d} row={latest} />
            </Col>
          ))}
          <Col xs={12} md={8} xl={6} xxl={3}>
            <Card
              size="small"
              style={{ height: '100%' }}
              data-testid="service-kpis-card-coverage"
              data-value={coverage.data?.rate ?? ''}
            >
              <Statistic
                title={t('serviceKpis.coverage.title')}
                loading={coverage.isPending}
                value={formatKpiValue({ unit: '%' }, coverage.data?.rate)}
                styles={{
                  content: {
                    fontSize: 22,
                    color: metColor(
                      metTone(coverage.data && coverage.data.rate !== null ? coverage.data.rate >= coverage.data.target : null),
                    ),
                  },
                }}
              />
              <Flex justify="space-between" gap={8} wrap style={{ fontSize: 12 }}>
                <Typography.Text type="secondary">
                  {t('serviceKpis.target')} {coverage.data ? `≥ ${formatKpiValue({ unit: '%' }, coverage.data.target)}` : '—'}
                </Typography.Text>
                {coverage.data ? (
                  <Typography.Text type="secondary">
                    {coverage.data.offered} / {coverage.data.expected}
                  </Typography.Text>
                ) : null}
              </Flex>
              {coverage.data ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('serviceKpis.coverage.centres', { count: coverage.data.centres })}
                </Typography.Text>
              ) : null}
            </Card>
          </Col>
        </Row>
      </Card>

      <Row gutter={16}>
        {trends.map(({ def, option }) => (
          <Col key={def.code} xs={24} xl={12}>
            <Card
              size="small"
              title={
                <Space>
                  {kpiName(def)}
                  <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
                    {t('serviceKpis.target')} {formatTarget(def)}
                  </Typography.Text>
                </Space>
              }
              style={{ marginBottom: 16 }}
              loading={report.isPending}
            >
              <EChart option={option} height={220} testId={`service-kpis-trend-${def.code}`} />
            </Card>
          </Col>
        ))}
      </Row>

      <Card
        title={t('serviceKpis.compare.title')}
        style={{ marginBottom: 16 }}
        extra={
          <Space wrap>
            <Select<string>
              value={compareDef?.code}
              onChange={(v) => setFilters({ kpi: v })}
              options={defs.map((d) => ({ value: d.code, label: kpiName(d) }))}
              style={{ minWidth: 140 }}
              data-testid="service-kpis-compare-kpi"
            />
            <Select<string>
              value={filter.month}
              onChange={(v) => setFilters({ month: v })}
              options={rangeMonths.map((m) => ({ value: m, label: m }))}
              style={{ minWidth: 110 }}
              data-testid="service-kpis-compare-month"
            />
          </Space>
        }
      >
        {compare.error ? <ProblemAlert error={compare.error} style={{ marginBottom: 16 }} /> : null}
        {compare.isPending || !compareDef ? null : compareRows.length === 0 ? (
          <Typography.Text type="secondary" data-testid="service-kpis-compare-empty">
            {t('serviceKpis.compare.empty')}
          </Typography.Text>
        ) : (
          <EChart
            option={townshipChart}
            height={townshipChartHeight(compareRows.filter((r) => r.month === filter.month).length)}
            testId="service-kpis-township-chart"
          />
        )}
      </Card>

      <Card title={t('serviceKpis.table.title')}>
        <Table<ServiceKpiRow>
          data-testid="service-kpis-table"
          rowKey="month"
          size="small"
          loading={report.isPending}
          dataSource={[...rows].reverse()}
          pagination={false}
          scroll={{ x: 1200 }}
          onRow={(r) =>
            ({
              'data-testid': 'service-kpis-row',
              'data-month': r.month,
              'data-frozen': r.frozen,
              'data-revision': r.revision,
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            { title: t('serviceKpis.table.month'), dataIndex: 'month', key: 'month', width: 90, fixed: 'left' },
            {
              title: t('serviceKpis.table.status'),
              key: 'badge',
              width: 130,
              render: (_: unknown, r) => <FreezeBadge row={r} />,
            },
            ...defs.map((d) => ({
              title: kpiName(d),
              key: d.code,
              width: 110,
              align: 'right' as const,
              render: (_: unknown, r: ServiceKpiRow) => {
                const k = kpiOf(r, d.code);
                const tone = metTone(k?.met);
                return (
                  <span style={{ color: metColor(tone) }} data-testid={`service-kpis-cell-${d.code}`} data-met={tone}>
                    {formatKpiValue(d, k?.value)}
                  </span>
                );
              },
            })),
            {
              title: t('common.actions'),
              key: 'actions',
              width: 170,
              fixed: 'right',
              render: (_: unknown, r) => (
                <Space size={4}>
                  <Button size="small" type="link" onClick={() => setDrawerMonth(r.month)} data-testid={`service-kpis-revisions-${r.month}`}>
                    {t('serviceKpis.revisions.open')}
                  </Button>
                  {canRevise(r, mayManage) ? <ReviseButton month={r.month} /> : null}
                </Space>
              ),
            },
          ]}
        />
        {months.length === 0 && !report.isPending ? null : (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
            {t('serviceKpis.table.note')}
          </Typography.Paragraph>
        )}
      </Card>
      <RevisionsDrawer month={drawerMonth} mayManage={mayManage} onClose={() => setDrawerMonth(null)} />
    </>
  );
}
