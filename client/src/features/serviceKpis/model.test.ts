import { describe, expect, it } from 'vitest';
import type { ServiceKpiDefinition, ServiceKpiReport, ServiceKpiRow } from '../../lib/api/types';
import {
  canRevise,
  chartValue,
  formatKpiValue,
  formatTarget,
  freezeBadge,
  kpiFilterFromQuery,
  latestRow,
  mayManageServices,
  monthRange,
  metColor,
  metTone,
  townshipOption,
  trendOption,
} from './model';

const def = (code: string, unit: string, target: number | null, direction: ServiceKpiDefinition['direction']): ServiceKpiDefinition => ({
  code,
  name: code,
  numerator: 'n',
  denominator: unit === '件' ? '—' : 'd',
  unit,
  target,
  direction,
});
const RECEIVED = def('SC_RECEIVED', '件', null, 'none');
const SATISFACTION = def('SC_SATISFACTION', '%', 0.9, 'higher');
const VISITS = def('SC_VISITS', '次', 0.5, 'lower');

const row = (month: string, over: Partial<ServiceKpiRow> = {}, satisfaction: number | null = 0.9532, met: boolean | null = true): ServiceKpiRow => ({
  month,
  regionName: '城关镇',
  level: 'all',
  frozen: false,
  revision: 0,
  frozenAt: null,
  kpis: [
    { code: 'SC_RECEIVED', value: 12, numerator: 12, denominator: 0, met: null },
    { code: 'SC_SATISFACTION', value: satisfaction, numerator: 20, denominator: 21, met },
    { code: 'SC_VISITS', value: 0.4167, numerator: 5, denominator: 12, met: true },
  ],
  ...over,
});

describe('values and targets', () => {
  it('writes fractions as %, visits as 次 and counts as 件', () => {
    expect(formatKpiValue(SATISFACTION, 0.9532)).toBe('95.3%');
    expect(formatKpiValue(SATISFACTION, 1)).toBe('100%');
    expect(formatKpiValue(VISITS, 0.4167)).toBe('0.42 次');
    expect(formatKpiValue(RECEIVED, 12)).toBe('12 件');
    expect(formatKpiValue(SATISFACTION, null)).toBe('—');
    expect(formatTarget(SATISFACTION)).toBe('≥ 90%');
    expect(formatTarget(VISITS)).toBe('≤ 0.5 次');
    expect(formatTarget(RECEIVED)).toBe('—');
    expect(chartValue(SATISFACTION, 0.9532)).toBe(95.3);
    expect(chartValue(VISITS, 0.4167)).toBe(0.42);
    expect(chartValue(VISITS, null)).toBeNull();
  });

  it('colours met green, missed red, no target neutral', () => {
    expect(metTone(true)).toBe('met');
    expect(metTone(false)).toBe('missed');
    expect(metTone(null)).toBe('none');
    expect(metColor('met')).toBe('#389e0d');
    expect(metColor('missed')).toBe('#cf1322');
    expect(metColor('none')).toBeUndefined();
  });

  it('badges a closed month with its revision and lets only services.manage revise it', () => {
    expect(freezeBadge({ frozen: false, revision: 0 })).toEqual({ kind: 'live' });
    expect(freezeBadge({ frozen: true, revision: 2 })).toEqual({ kind: 'frozen', revision: 2 });
    expect(canRevise({ frozen: true }, true)).toBe(true);
    expect(canRevise({ frozen: false }, true)).toBe(false);
    expect(canRevise({ frozen: true }, false)).toBe(false);
    expect(mayManageServices({ permissions: ['services.manage'] })).toBe(true);
    expect(mayManageServices({ permissions: ['ratings.rectify'] })).toBe(false);
  });
});

describe('filters', () => {
  it('defaults to all tiers and the last six months, puts reversed ranges right and keeps the month inside', () => {
    expect(kpiFilterFromQuery({}, '2026-05-20')).toEqual({
      level: 'all',
      from: '2025-12',
      to: '2026-05',
      kpi: 'SC_SATISFACTION',
      month: '2026-05',
    });
    const f = kpiFilterFromQuery({ level: 'township', from: '2026-04', to: '2026-01', month: '2026-02', kpi: 'SC_ON_TIME' }, '2026-05-20');
    expect(f).toEqual({ level: 'township', from: '2026-01', to: '2026-04', kpi: 'SC_ON_TIME', month: '2026-02' });
    expect(kpiFilterFromQuery({ level: 'city', month: '2020-01', kpi: 'drop table' }, '2026-05-20')).toMatchObject({
      level: 'all',
      month: '2026-05',
      kpi: 'SC_SATISFACTION',
    });
    expect(kpiFilterFromQuery({ from: '2010-01', to: '2026-05' }, '2026-05-20').from).toBe('2021-06');
  });
});

describe('charts', () => {
  const report: Pick<ServiceKpiReport, 'rows'> = {
    rows: [row('2026-04', { frozen: true, revision: 1 }, 0.8, false), row('2026-05', {}, null, null)],
  };

  it('finds the latest month', () => {
    expect(latestRow(report.rows)?.month).toBe('2026-05');
    expect(latestRow([])).toBeUndefined();
  });

  it('draws a KPI month by month in % with the target as a dashed markLine', () => {
    const o = trendOption(report, SATISFACTION, { target: '目标' });
    expect(o.xAxis.data).toEqual(['2026-04', '2026-05']);
    expect(o.series[0]!.data).toEqual([80, null]);
    expect(o.series[0]!.markLine).toMatchObject({ data: [{ yAxis: 90 }], label: { formatter: '目标 90%' } });
    expect(o.yAxis).toMatchObject({ max: 100 });
    expect(trendOption(report, RECEIVED, { target: '目标' }).series[0]!.markLine).toBeUndefined();
    expect(trendOption(report, VISITS, { target: '目标' }).series[0]!.data).toEqual([0.42, 0.42]);
    // over the chosen range: a month without figures is a gap
    const range = monthRange('2026-03', '2026-05');
    expect(range).toEqual(['2026-03', '2026-04', '2026-05']);
    expect(monthRange('2025-12', '2026-01')).toEqual(['2025-12', '2026-01']);
    const wide = trendOption(report, SATISFACTION, { target: '目标' }, range);
    expect(wide.xAxis.data).toEqual(range);
    expect(wide.series[0]!.data).toEqual([null, 80, null]);
  });

  it('compares the townships of one month, coloured by met, with the target line', () => {
    const grouped: Pick<ServiceKpiReport, 'rows'> = {
      rows: [
        row('2026-05', { regionName: '城关镇' }, 0.95, true),
        row('2026-05', { regionName: '河口乡' }, 0.7, false),
        row('2026-04', { regionName: '城关镇' }, 0.5, false),
      ],
    };
    const o = townshipOption(grouped, SATISFACTION, '2026-05', { target: '目标' });
    expect(o.yAxis.data).toEqual(['城关镇', '河口乡']);
    expect(o.series[0]!.data).toEqual([
      { value: 95, itemStyle: { color: '#389e0d' } },
      { value: 70, itemStyle: { color: '#cf1322' } },
    ]);
    expect(o.series[0]!.markLine).toMatchObject({ data: [{ xAxis: 90 }] });
  });
});
