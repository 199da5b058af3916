import { describe, expect, it } from 'vitest';
import type { KpiMonth } from '../../lib/api/types';
import { countChartOption, defaultKpiRange, percent, rateChartOption } from './kpiModel';

function month(m: string, completeness: number | null, churn: number | null, byMode: [string, string, number][]): KpiMonth {
  return {
    month: m,
    asOf: `${m}-28`,
    completeness: { numerator: 0, denominator: 0, rate: completeness, target: 1 },
    churn: { numerator: 0, denominator: 0, rate: churn, target: null },
    itemsByType: [],
    entriesByMode: byMode.map(([key, name, value]) => ({ key, name, value })),
    entriesByListKind: [],
    entriesByTownship: [],
  };
}

describe('KPI helpers', () => {
  it('months and ranges', () => {
    expect(defaultKpiRange('2026-11-22')).toEqual({ from: '2026-06', to: '2026-11' });
  });

  it('rates as percentages with the target marked', () => {
    expect(percent(0.9876)).toBe(98.8);
    expect(percent(null)).toBeNull();
    const option = rateChartOption([month('2026-01', 0.95, null, []), month('2026-02', 1, 0.1, [])], {
      completeness: '完整率',
      churn: '反复率',
      target: '目标',
    });
    expect(option.xAxis.data).toEqual(['2026-01', '2026-02']);
    expect(option.series[0]!.data).toEqual([95, 100]);
    expect(option.series[0]!.markLine?.data).toEqual([{ yAxis: 100 }]);
    expect(option.series[1]!.data).toEqual([null, 10]);
    expect(option.series[1]!.markLine).toBeUndefined();
  });

  it('counts as stacked bars, one series per key, 0 where a month lacks it', () => {
    const option = countChartOption(
      [month('2026-01', 1, 0, [['statutory', '法定', 10]]), month('2026-02', 1, 0, [['statutory', '法定', 12], ['granted', '赋权', 3]])],
      (m) => m.entriesByMode,
    );
    expect(option.legend.data).toEqual(['法定', '赋权']);
    expect(option.series.map((s) => s.data)).toEqual([
      [10, 12],
      [0, 3],
    ]);
    expect(option.series.every((s) => s.stack === 'total')).toBe(true);
  });
});
