// Pure helpers of the 便民服务指标 page: the filters in the query string, how a KPI's value and target are written
// (fractions as %, 平均跑动次数 as a plain number of 次, 办件量 as a count), the met / not met colouring, the frozen /
// revision badge, and the ECharts options built from the API's report (monthly trends with the target as a markLine,
// the townships compared for one KPI and month).
import type {
  Me,
  ServiceKpiDefinition,
  ServiceKpiLevel,
  ServiceKpiReport,
  ServiceKpiRow,
  ServiceKpiValue,
} from '../../lib/api/types';
import { addMonths, monthIndex, parseMonth } from '../../lib/months';

export { addMonths, parseMonth };

export const SERVICE_KPI_LEVELS: readonly ServiceKpiLevel[] = ['all', 'county', 'township', 'village'];

export function isServiceKpiLevel(v: unknown): v is ServiceKpiLevel {
  return typeof v === 'string' && (SERVICE_KPI_LEVELS as readonly string[]).includes(v);
}

/** The KPIs of definition version SC-2026.1 (their names are translated; an unknown code keeps the API's name). */
export const SERVICE_KPI_CODES = [
  'SC_RECEIVED',
  'SC_ON_THE_SPOT',
  'SC_ON_TIME',
  'SC_VISITS',
  'SC_SATISFACTION',
  'SC_RECTIFICATION',
  'SC_FORWARDED',
] as const;
export type ServiceKpiCode = (typeof SERVICE_KPI_CODES)[number];

export function isKnownKpi(code: string): code is ServiceKpiCode {
  return (SERVICE_KPI_CODES as readonly string[]).includes(code);
}

/** The KPI the township comparison shows first. */
export const DEFAULT_COMPARE_KPI = 'SC_SATISFACTION';

/** The API answers at most 60 months at once. */
export const MAX_MONTHS = 60;

export const KPI_FILTER_KEYS = ['level', 'from', 'to', 'kpi', 'month'] as const;
export type KpiFilterKey = (typeof KPI_FILTER_KEYS)[number];

export interface KpiFilter {
  level: ServiceKpiLevel;
  from: string;
  to: string;
  /** the KPI of the township comparison */
  kpi: string;
  /** the month of the township comparison (within the range) */
  month: string;
}

/**
 * The page's filters from the query string. Default: all tiers, the last six months up to the county's current
 * month; a reversed range is put right, a too long one shortened from the start; the
 * comparison month defaults to the last month of the range and stays inside it.
 */
export function kpiFilterFromQuery(values: Partial<Record<KpiFilterKey, string | undefined>>, today: string): KpiFilter {
  const current = today.slice(0, 7);
  let to = parseMonth(values.to) ?? current;
  let from = parseMonth(values.from) ?? addMonths(to, -5);
  if (monthIndex(from) > monthIndex(to)) [from, to] = [to, from];
  if (monthIndex(to) - monthIndex(from) >= MAX_MONTHS) from = addMonths(to, -(MAX_MONTHS - 1));
  const wanted = parseMonth(values.month);
  const month = wanted && monthIndex(wanted) >= monthIndex(from) && monthIndex(wanted) <= monthIndex(to) ? wanted : to;
  return {
    level: isServiceKpiLevel(values.level) ? values.level : 'all',
    from,
    to,
    kpi: values.kpi && /^[A-Z_]+$/.test(values.kpi) ? values.kpi : DEFAULT_COMPARE_KPI,
    month,
  };
}

// ---------- values ----------

type Unit = Pick<ServiceKpiDefinition, 'unit'>;

/** `%` KPIs are fractions (0.9532) shown as 95.3%. */
export function isRate(def: Unit): boolean {
  return def.unit === '%';
}

function trim(n: number, decimals: number): string {
  return String(Math.round(n * 10 ** decimals) / 10 ** decimals);
}

/** A value as the page writes it: 95.3%, 0.42 次, 12 件; — when there is none (no denominator that month). */
export function formatKpiValue(def: Unit, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (isRate(def)) return `${trim(value * 100, 1)}%`;
  if (def.unit === '次') return `${trim(value, 2)} 次`;
  return def.unit ? `${trim(value, 0)} ${def.unit}` : trim(value, 2);
}

/** The target with its direction: ≥ 95%, ≤ 0.5 次; — when the KPI has none. */
export function formatTarget(def: Pick<ServiceKpiDefinition, 'unit' | 'target' | 'direction'>): string {
  if (def.target === null || def.direction === 'none') return '—';
  return `${def.direction === 'lower' ? '≤' : '≥'} ${formatKpiValue(def, def.target)}`;
}

/** The value on a chart's axis: a rate in % with one decimal, a number with two; null stays a gap. */
export function chartValue(def: Unit, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return isRate(def) ? Math.round(value * 1000) / 10 : Math.round(value * 100) / 100;
}

export type MetTone = 'met' | 'missed' | 'none';

/** The API decides whether a figure meets its target (by the KPI's direction); no target or no value: neutral. */
export function metTone(met: boolean | null | undefined): MetTone {
  return met === true ? 'met' : met === false ? 'missed' : 'none';
}

export function metColor(tone: MetTone): string | undefined {
  return tone === 'met' ? '#389e0d' : tone === 'missed' ? '#cf1322' : undefined;
}

export function kpiOf(row: Pick<ServiceKpiRow, 'kpis'> | undefined, code: string): ServiceKpiValue | undefined {
  return row?.kpis.find((k) => k.code === code);
}

/** Every month from `from` to `to` (YYYY-MM, both included). */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; monthIndex(m) <= monthIndex(to); m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The latest month's row (the report is in month order; the last one wins). */
export function latestRow(rows: readonly ServiceKpiRow[]): ServiceKpiRow | undefined {
  let latest: ServiceKpiRow | undefined;
  for (const r of rows) if (!latest || r.month >= latest.month) latest = r;
  return latest;
}

export function monthsOf(rows: readonly Pick<ServiceKpiRow, 'month'>[]): string[] {
  return [...new Set(rows.map((r) => r.month))].sort();
}

/** The badge of a row: the open month is live; a closed one is frozen at a revision (已冻结 · 第2版). */
export type FreezeBadge = { kind: 'live' } | { kind: 'frozen'; revision: number };

export function freezeBadge(row: Pick<ServiceKpiRow, 'frozen' | 'revision'>): FreezeBadge {
  return row.frozen ? { kind: 'frozen', revision: Math.max(1, row.revision) } : { kind: 'live' };
}

/** 便民服务事项目录 and 修订 of closed months (the county's service administration, county admins). */
export const SERVICES_MANAGE = 'services.manage';

export function mayManageServices(me: Pick<Me, 'permissions'> | null | undefined): boolean {
  return !!me && me.permissions.includes(SERVICES_MANAGE);
}

/** Only a closed month can be revised, and only by the county's services.manage. */
export function canRevise(row: Pick<ServiceKpiRow, 'frozen'>, mayManage: boolean): boolean {
  return mayManage && row.frozen;
}

// ---------- charts ----------

function targetMarkLine(def: ServiceKpiDefinition, label: string, axis: 'xAxis' | 'yAxis') {
  if (def.target === null || def.direction === 'none') return undefined;
  const target = chartValue(def, def.target);
  return {
    symbol: 'none',
    silent: true,
    lineStyle: { type: 'dashed' as const, color: '#cf1322' },
    label: { formatter: `${label} ${formatKpiValue(def, def.target)}` },
    data: [{ [axis]: target }],
  };
}

function valueAxis(def: ServiceKpiDefinition) {
  return isRate(def)
    ? { type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: '{value}%' } }
    : { type: 'value' as const, min: 0 };
}

function tooltipFormatter(def: ServiceKpiDefinition) {
  return (v: unknown) => (typeof v === 'number' ? (isRate(def) ? `${v}%` : formatKpiValue(def, v)) : '—');
}

/**
 * One KPI month by month (one region: the report without grouping) as a line, the target as a dashed markLine. The
 * axis shows `months` (the chosen range) when given; a month without figures is a gap.
 */
export function trendOption(
  report: Pick<ServiceKpiReport, 'rows'>,
  def: ServiceKpiDefinition,
  labels: { target: string; name?: string },
  months: readonly string[] = monthsOf(report.rows),
) {
  const byMonth = new Map(report.rows.map((r) => [r.month, r]));
  return {
    tooltip: { trigger: 'axis' as const, valueFormatter: tooltipFormatter(def) },
    grid: { left: 48, right: 96, top: 24, bottom: 32 },
    xAxis: { type: 'category' as const, data: [...months] },
    yAxis: valueAxis(def),
    series: [
      {
        name: labels.name ?? def.name,
        type: 'line' as const,
        connectNulls: false,
        data: months.map((m) => chartValue(def, kpiOf(byMonth.get(m), def.code)?.value)),
        markLine: targetMarkLine(def, labels.target, 'yAxis'),
      },
    ],
  };
}

/**
 * One KPI of one month for every township (the report grouped by township) as horizontal bars, green where the target
 * is met and red where it is not, the target as a dashed markLine.
 */
export function townshipOption(
  report: Pick<ServiceKpiReport, 'rows'>,
  def: ServiceKpiDefinition,
  month: string,
  labels: { target: string; name?: string },
) {
  const rows = report.rows.filter((r) => r.month === month);
  return {
    tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const }, valueFormatter: tooltipFormatter(def) },
    grid: { left: 8, right: 96, top: 16, bottom: 24, containLabel: true },
    yAxis: { type: 'category' as const, data: rows.map((r) => r.regionName), inverse: true },
    xAxis: valueAxis(def),
    series: [
      {
        name: labels.name ?? def.name,
        type: 'bar' as const,
        barMaxWidth: 28,
        data: rows.map((r) => {
          const k = kpiOf(r, def.code);
          return { value: chartValue(def, k?.value), itemStyle: { color: metColor(metTone(k?.met)) ?? '#1677ff' } };
        }),
        markLine: targetMarkLine(def, labels.target, 'xAxis'),
      },
    ],
  };
}

/** Height of the township chart: enough room for every bar. */
export function townshipChartHeight(rows: number): number {
  return Math.max(240, rows * 28 + 60);
}
