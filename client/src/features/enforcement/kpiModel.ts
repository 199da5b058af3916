// Pure helpers of the 执法指标 page: the filters in the query string (a month range, this year by default; the
// revision; the month of the township table) and the rows of the month-by-month and by-township tables built from
// the flat rows of GET /kpis/values.
import type { KpiCatalogueEntry, KpiValueRow } from '../../lib/api/types';
import { MAX_MONTHS, type KpiRevisionChoice, type KpiShape } from '../../lib/kpis';
import { addMonths, monthIndex, parseMonth } from '../../lib/months';

export const KPI_FILTER_KEYS = ['from', 'to', 'revision', 'month'] as const;
export type KpiFilterKey = (typeof KPI_FILTER_KEYS)[number];

export interface KpiFilter {
  from: string;
  to: string;
  revision: KpiRevisionChoice;
  /** the month of the by-township table (within the range) */
  month: string;
}

/**
 * The page's filters from the query string. Default: this year up to the county's current month, the latest
 * revision; a future month is brought back to this one, a reversed range put right, a too long one shortened from
 * the start; the township table's month defaults to the last of the range and stays inside it.
 */
export function kpiFilterFromQuery(
  values: Partial<Record<KpiFilterKey, string | undefined>>,
  today: string,
): KpiFilter {
  const current = today.slice(0, 7);
  const clamp = (m: string) => (monthIndex(m) > monthIndex(current) ? current : m);
  let to = clamp(parseMonth(values.to) ?? current);
  let from = clamp(parseMonth(values.from) ?? `${current.slice(0, 4)}-01`);
  if (monthIndex(from) > monthIndex(to)) [from, to] = [to, from];
  if (monthIndex(to) - monthIndex(from) >= MAX_MONTHS) from = addMonths(to, -(MAX_MONTHS - 1));
  const wanted = parseMonth(values.month);
  const month = wanted && monthIndex(wanted) >= monthIndex(from) && monthIndex(wanted) <= monthIndex(to) ? wanted : to;
  const revision = values.revision === 'original' ? 'original' : 'latest';
  return { from, to, revision, month };
}

/** Every month from `from` to `to` (YYYY-MM, both included). */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; monthIndex(m) <= monthIndex(to); m = addMonths(m, 1)) out.push(m);
  return out;
}

// ---------- values ----------

/**
 * The KPIs the page shows, in catalogue order: the catalogue's entries when loaded, else those the rows name
 * (without wording, target or direction).
 */
export function kpiColumns(defs: readonly KpiCatalogueEntry[] | undefined, rows: readonly KpiValueRow[]): KpiShape[] {
  if (defs && defs.length > 0) return [...defs];
  const seen = new Map<string, KpiShape>();
  for (const r of rows) {
    if (!seen.has(r.code))
      seen.set(r.code, { code: r.code, name: r.name, unit: r.unit, target: r.target, direction: 'none' });
  }
  return [...seen.values()];
}

/** One region's figures of one month: each KPI by code, and the month's status. */
export interface KpiLine {
  key: string;
  month: string;
  regionId: string;
  regionCode: string;
  regionName: string;
  frozen: boolean;
  revision: number;
  values: Record<string, KpiValueRow>;
}

function lines(rows: readonly KpiValueRow[], keyOf: (r: KpiValueRow) => string): KpiLine[] {
  const out = new Map<string, KpiLine>();
  for (const r of rows) {
    const key = keyOf(r);
    let line = out.get(key);
    if (!line) {
      line = {
        key,
        month: r.month,
        regionId: r.regionId,
        regionCode: r.regionCode,
        regionName: r.regionName,
        frozen: r.frozen,
        revision: r.revision,
        values: {},
      };
      out.set(key, line);
    }
    line.values[r.code] = r;
    // a region's KPIs of a month share one freeze; the highest revision is the month's
    line.revision = Math.max(line.revision, r.revision);
  }
  return [...out.values()];
}

/** The region's months, newest first. */
export function monthLines(rows: readonly KpiValueRow[]): KpiLine[] {
  return lines(rows, (r) => r.month).sort((a, b) => b.month.localeCompare(a.month));
}

/** The townships of one month, in code order. */
export function regionLines(rows: readonly KpiValueRow[], month: string): KpiLine[] {
  return lines(
    rows.filter((r) => r.month === month),
    (r) => r.regionId,
  ).sort((a, b) => a.regionCode.localeCompare(b.regionCode));
}

/** The latest month's line (undefined: no figures in the range). */
export function latestLine(rows: readonly KpiValueRow[]): KpiLine | undefined {
  return monthLines(rows)[0];
}

/** Sorts lines by a KPI's value; those without a value always come last. */
export function compareByKpi(code: string) {
  return (a: KpiLine, b: KpiLine, order?: 'ascend' | 'descend' | null): number => {
    const x = a.values[code]?.value ?? null;
    const y = b.values[code]?.value ?? null;
    if (x === null && y === null) return 0;
    // antd reverses the comparison for `descend`: keep the gaps at the end either way
    if (x === null) return order === 'descend' ? -1 : 1;
    if (y === null) return order === 'descend' ? 1 : -1;
    return x - y;
  };
}
