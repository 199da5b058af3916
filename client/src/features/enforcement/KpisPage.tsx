import {
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
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
  type TableColumnType,
} from 'antd';
import { DownloadOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { KpiValueRow, KpiValuesQuery } from '../../lib/api/types';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { useCurrentUser } from '../../lib/auth/useAuth';
import { countyToday } from '../../lib/dates';
import { PageHeader } from '../../components/PageHeader';
import { KpiStatusTag } from '../../components/KpiStatusTag';
import { ProblemAlert } from '../../components/ProblemAlert';
import { enforcementKpiApi, enforcementKpiKeys } from './kpiApi';
import {
  formatKpiValue,
  formatTarget,
  isQuotient,
  metColor,
  metTone,
  KPI_REVISIONS,
  type KpiRevisionChoice,
  type KpiShape,
} from '../../lib/kpis';
import {
  compareByKpi,
  kpiColumns,
  kpiFilterFromQuery,
  monthLines,
  monthRange,
  regionLines,
  KPI_FILTER_KEYS,
  type KpiLine,
} from './kpiModel';

/** 临时 for the open month; 已冻结 · 修订 N for a closed one. */
function StatusTag({ line }: { line: Pick<KpiValueRow, 'frozen' | 'revision'> }) {
  const { t } = useTranslation();
  return (
    <KpiStatusTag line={line} provisionalHint={t('enforcementKpis.provisionalHint')} testId="enforcement-kpis-status" />
  );
}

/** What a KPI counts (numerator ÷ denominator in words), its target and the definition's version. */
function KpiDefinitionText({ def }: { def: KpiShape }) {
  const { t } = useTranslation();
  return (
    <div data-testid={`enforcement-kpis-definition-${def.code}`}>
      {def.numerator ? (
        <div>
          {isQuotient(def)
            ? t('enforcementKpis.definition.numerator', { text: def.numerator })
            : t('enforcementKpis.definition.count', { text: def.numerator })}
        </div>
      ) : null}
      {def.denominator && isQuotient(def) ? (
        <div>{t('enforcementKpis.definition.denominator', { text: def.denominator })}</div>
      ) : null}
      <div>{t('enforcementKpis.definition.target', { target: formatTarget(def) })}</div>
    </div>
  );
}

/** A KPI's name with its definition on hover. */
function KpiName({ def }: { def: KpiShape }) {
  return (
    <Tooltip title={<KpiDefinitionText def={def} />}>
      <span data-testid={`enforcement-kpis-name-${def.code}`} style={{ cursor: 'help' }}>
        {def.name} <QuestionCircleOutlined style={{ fontSize: 12, opacity: 0.6 }} />
      </span>
    </Tooltip>
  );
}

/** One KPI of the latest month: the value coloured by met / not met, the target, numerator / denominator. */
function KpiCard({ def, row }: { def: KpiShape; row: KpiValueRow | undefined }) {
  const { t } = useTranslation();
  const tone = metTone(row?.met);
  return (
    <Card
      size="small"
      style={{ height: '100%', borderColor: tone === 'missed' ? '#ffa39e' : tone === 'met' ? '#b7eb8f' : undefined }}
      data-testid={`enforcement-kpis-card-${def.code}`}
      data-value={row?.value ?? ''}
      data-met={tone}
    >
      <Statistic
        title={<KpiName def={def} />}
        value={formatKpiValue(def.unit, row?.value)}
        styles={{ content: { color: metColor(tone), fontSize: 22 } }}
      />
      <Flex justify="space-between" gap={8} wrap style={{ fontSize: 12 }}>
        <Typography.Text type="secondary">
          {t('enforcementKpis.target')} {formatTarget(def)}
        </Typography.Text>
        {row && isQuotient(def) ? (
          <Typography.Text type="secondary" data-testid="enforcement-kpis-card-fraction">
            {row.numerator} / {row.denominator}
          </Typography.Text>
        ) : null}
      </Flex>
      {tone !== 'none' ? (
        <Tag color={tone === 'met' ? 'green' : 'red'} style={{ marginTop: 6 }} data-testid="enforcement-kpis-card-met">
          {tone === 'met' ? t('enforcementKpis.met') : t('enforcementKpis.missed')}
        </Tag>
      ) : null}
    </Card>
  );
}

function valueColumn(def: KpiShape, sortable: boolean): TableColumnType<KpiLine> {
  return {
    title: <KpiName def={def} />,
    key: def.code,
    width: 120,
    align: 'right',
    sorter: sortable ? compareByKpi(def.code) : undefined,
    render: (_: unknown, line: KpiLine) => {
      const row = line.values[def.code];
      const tone = metTone(row?.met);
      return (
        <span style={{ color: metColor(tone) }} data-testid={`enforcement-kpis-cell-${def.code}`} data-met={tone}>
          {formatKpiValue(def.unit, row?.value)}
        </span>
      );
    },
  };
}

/**
 * 执法指标: the seven enforcement KPIs of the caller's region from the one KPI query — the latest month as cards
 * against their targets, month by month, and each township for a chosen month (sortable); 临时 for the open month,
 * 已冻结 with its revision for closed ones, the original figures or the latest revision; the same query as CSV.
 */
export function EnforcementKpisPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [values, setFilters] = useSearchFilters(KPI_FILTER_KEYS);
  const filter = kpiFilterFromQuery(values, countyToday());
  const { from, to, revision, month } = filter;
  const regionQuery: KpiValuesQuery = { from, to, revision };
  const townshipQuery: KpiValuesQuery = { from: month, to: month, revision, level: 'township' };

  const definitions = useQuery({
    queryKey: enforcementKpiKeys.definitions,
    queryFn: ({ signal }) => enforcementKpiApi.definitions(signal),
    staleTime: 10 * 60_000,
  });
  const region = useQuery({
    queryKey: enforcementKpiKeys.values(regionQuery),
    queryFn: ({ signal }) => enforcementKpiApi.values(regionQuery, signal),
  });
  const townships = useQuery({
    queryKey: enforcementKpiKeys.values(townshipQuery),
    queryFn: ({ signal }) => enforcementKpiApi.values(townshipQuery, signal),
  });

  const rows = region.data ?? [];
  const defs = kpiColumns(definitions.data, rows);
  const months = monthLines(rows);
  const latest = months[0];
  const townshipLines = regionLines(townships.data ?? [], month);
  const version = latest ? Object.values(latest.values)[0]?.definitionVersion : undefined;
  const statusColumn: TableColumnType<KpiLine> = {
    title: t('enforcementKpis.monthly.status'),
    key: 'status',
    width: 130,
    render: (_: unknown, line) => <StatusTag line={line} />,
  };

  return (
    <>
      <PageHeader
        title={t('enforcementKpis.title')}
        subtitle={
          <span>
            {t('enforcementKpis.subtitle')}
            {version ? (
              <Typography.Text type="secondary" data-testid="enforcement-kpis-version">
                {' · '}
                {t('enforcementKpis.definition.version', { version })}
              </Typography.Text>
            ) : null}
          </span>
        }
        extra={
          <Button
            icon={<DownloadOutlined />}
            href={enforcementKpiApi.csvUrl(regionQuery)}
            data-testid="enforcement-kpis-export-csv"
          >
            {t('enforcementKpis.exportCsv')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} align="center" wrap data-testid="enforcement-kpis-filters">
          <Typography.Text type="secondary">{t('enforcementKpis.range')}</Typography.Text>
          <DatePicker.RangePicker
            picker="month"
            allowClear={false}
            value={[dayjs(`${from}-01`), dayjs(`${to}-01`)]}
            disabledDate={(d) => d.isAfter(dayjs(`${countyToday().slice(0, 7)}-01`), 'month')}
            onChange={(range) => setFilters({ from: range?.[0]?.format('YYYY-MM'), to: range?.[1]?.format('YYYY-MM') })}
            data-testid="enforcement-kpis-range"
          />
          <Typography.Text type="secondary">{t('enforcementKpis.revision')}</Typography.Text>
          <Segmented<KpiRevisionChoice>
            value={revision}
            onChange={(v) => setFilters({ revision: v === 'latest' ? undefined : v })}
            options={KPI_REVISIONS.map((r) => ({
              value: r,
              label: <span data-testid={`enforcement-kpis-revision-${r}`}>{t(`enforcementKpis.revisions.${r}`)}</span>,
            }))}
            data-testid="enforcement-kpis-revision"
          />
          <Tooltip title={t('enforcementKpis.revisionHint')}>
            <QuestionCircleOutlined style={{ opacity: 0.6 }} />
          </Tooltip>
        </Flex>
      </Card>
      {region.error ? <ProblemAlert error={region.error} style={{ marginBottom: 16 }} /> : null}
      {definitions.error ? (
        <ProblemAlert
          error={definitions.error}
          style={{ marginBottom: 16 }}
          testId="enforcement-kpis-definitions-error"
        />
      ) : null}

      <Card
        title={
          <Space wrap>
            {t('enforcementKpis.latest', { region: me.regionName, month: latest?.month ?? to })}
            {latest ? <StatusTag line={latest} /> : null}
          </Space>
        }
        style={{ marginBottom: 16 }}
        loading={region.isPending}
        data-testid="enforcement-kpis-cards"
        data-month={latest?.month ?? ''}
      >
        {latest ? (
          <Row gutter={[12, 12]}>
            {defs.map((d) => (
              <Col key={d.code} xs={12} md={8} xl={6} xxl={6}>
                <KpiCard def={d} row={latest.values[d.code]} />
              </Col>
            ))}
          </Row>
        ) : (
          <Empty
            description={region.error ? t('enforcementKpis.failed') : t('enforcementKpis.empty')}
            data-testid="enforcement-kpis-empty"
          />
        )}
      </Card>

      <Card title={t('enforcementKpis.monthly.title')} style={{ marginBottom: 16 }}>
        <Table<KpiLine>
          data-testid="enforcement-kpis-monthly"
          rowKey="key"
          size="small"
          loading={region.isPending}
          dataSource={months}
          pagination={false}
          scroll={{ x: 1100 }}
          locale={{ emptyText: region.error ? t('enforcementKpis.failed') : t('enforcementKpis.empty') }}
          onRow={(line) =>
            ({
              'data-testid': 'enforcement-kpis-row',
              'data-month': line.month,
              'data-frozen': line.frozen,
              'data-revision': line.revision,
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            { title: t('enforcementKpis.monthly.month'), dataIndex: 'month', key: 'month', width: 90, fixed: 'left' },
            statusColumn,
            ...defs.map((d) => valueColumn(d, false)),
          ]}
        />
      </Card>

      <Card
        title={t('enforcementKpis.townships.title', { month })}
        extra={
          <Space wrap>
            <Select<string>
              value={month}
              onChange={(v) => setFilters({ month: v })}
              options={monthRange(from, to)
                .reverse()
                .map((m) => ({ value: m, label: m }))}
              style={{ minWidth: 110 }}
              data-testid="enforcement-kpis-township-month"
            />
            <Button
              size="small"
              icon={<DownloadOutlined />}
              href={enforcementKpiApi.csvUrl(townshipQuery)}
              data-testid="enforcement-kpis-township-csv"
            >
              {t('enforcementKpis.exportCsv')}
            </Button>
          </Space>
        }
      >
        {townships.error ? <ProblemAlert error={townships.error} style={{ marginBottom: 16 }} /> : null}
        <Table<KpiLine>
          data-testid="enforcement-kpis-townships"
          rowKey="key"
          size="small"
          loading={townships.isPending}
          dataSource={townshipLines}
          pagination={false}
          scroll={{ x: 1100 }}
          locale={{ emptyText: townships.error ? t('enforcementKpis.failed') : t('enforcementKpis.townships.empty') }}
          onRow={(line) =>
            ({
              'data-testid': 'enforcement-kpis-township-row',
              'data-region': line.regionCode,
              'data-frozen': line.frozen,
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('enforcementKpis.townships.region'),
              dataIndex: 'regionName',
              key: 'region',
              width: 150,
              fixed: 'left',
              sorter: (a, b) => a.regionCode.localeCompare(b.regionCode),
            },
            statusColumn,
            ...defs.map((d) => valueColumn(d, true)),
          ]}
        />
      </Card>
    </>
  );
}
