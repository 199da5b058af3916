// Pure helpers of the 清单指标 page: month ranges and the chart options built from the API's months.
import type { KpiCount, KpiMonth } from '../../lib/api/types';
import { addMonths } from '../../lib/months';

/** The default range: the last six months up to the county's current month. */
export function defaultKpiRange(today: string): { from: string; to: string } {
  const to = today.slice(0, 7);
  return { from: addMonths(to, -5), to };
}

/** A rate (0..1) as a percentage with one decimal; null stays null (no denominator that month). */
export function percent(rate: number | null | undefined): number | null {
  return rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10;
}

export interface RateLabels {
  completeness: string;
  churn: string;
  target: string;
}

/** Completeness and churn per month as two lines (in %), each target (when it has one) as a dashed line. */
export function rateChartOption(months: readonly KpiMonth[], labels: RateLabels) {
  const targetLine = (target: number | null | undefined) =>
    target === null || target === undefined
      ? undefined
      : {
          symbol: 'none',
          lineStyle: { type: 'dashed' as const },
          label: { formatter: `${labels.target} ${percent(target)}%` },
          data: [{ yAxis: percent(target) }],
        };
  const last = months[months.length - 1];
  return {
    tooltip: { trigger: 'axis' as const, valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
    legend: { data: [labels.completeness, labels.churn] },
    grid: { left: 48, right: 72, top: 40, bottom: 32 },
    xAxis: { type: 'category' as const, data: months.map((m) => m.month) },
    yAxis: { type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: labels.completeness,
        type: 'line' as const,
        connectNulls: false,
        data: months.map((m) => percent(m.completeness.rate)),
        markLine: targetLine(last?.completeness.target),
      },
      {
        name: labels.churn,
        type: 'line' as const,
        connectNulls: false,
        data: months.map((m) => percent(m.churn.rate)),
        markLine: targetLine(last?.churn.target),
      },
    ],
  };
}

/** Counts per month as stacked bars, one series per key (in the order the keys first appear). */
export function countChartOption(months: readonly KpiMonth[], pick: (m: KpiMonth) => readonly KpiCount[]) {
  const keys = new Map<string, string>();
  for (const m of months) for (const c of pick(m)) if (!keys.has(c.key)) keys.set(c.key, c.name);
  return {
    tooltip: { trigger: 'axis' as const },
    legend: { data: [...keys.values()] },
    grid: { left: 48, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category' as const, data: months.map((m) => m.month) },
    yAxis: { type: 'value' as const },
    series: [...keys].map(([key, name]) => ({
      name,
      type: 'bar' as const,
      stack: 'total',
      data: months.map((m) => pick(m).find((c) => c.key === key)?.value ?? 0),
    })),
  };
}
