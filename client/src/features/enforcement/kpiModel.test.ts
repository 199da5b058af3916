import { describe, expect, it } from 'vitest';
import type { KpiValueRow } from '../../lib/api/types';
import { compareByKpi, kpiFilterFromQuery, monthLines, monthRange, regionLines } from './kpiModel';

const row = (over: Partial<KpiValueRow>): KpiValueRow => ({
  code: 'EN_CLOSURE',
  name: '结案率',
  module: 'enforcement',
  unit: '%',
  month: '2026-11',
  regionId: 'r-1',
  regionCode: '110101001',
  regionName: '城关镇',
  value: 0.5,
  numerator: 1,
  denominator: 2,
  target: null,
  met: null,
  frozen: true,
  revision: 1,
  definitionVersion: 'EN-2026.2',
  frozenAt: '2026-12-01T00:00:00Z',
  computedAt: null,
  ...over,
});

describe('the enforcement KPI figures', () => {
  it('read the range from the query string: this year by default, no future month, at most 60 months', () => {
    expect(kpiFilterFromQuery({}, '2026-12-06')).toEqual({
      from: '2026-01',
      to: '2026-12',
      revision: 'latest',
      month: '2026-12',
    });
    expect(
      kpiFilterFromQuery({ from: '2027-03', to: '2026-10', revision: 'original', month: '2026-11' }, '2026-12-06'),
    ).toEqual({ from: '2026-10', to: '2026-12', revision: 'original', month: '2026-11' });
    expect(
      kpiFilterFromQuery({ from: '2010-01', to: '2026-12', revision: '7', month: '2026-13' }, '2026-12-06'),
    ).toEqual({ from: '2022-01', to: '2026-12', revision: 'latest', month: '2026-12' });
    expect(monthRange('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('group the flat rows by month (newest first) and by township, and sort townships with gaps last', () => {
    const rows = [
      row({ month: '2026-11' }),
      row({ month: '2026-11', code: 'EN_CASES', unit: '件', revision: 2 }),
      row({ month: '2026-12', frozen: false, revision: 0 }),
    ];
    const months = monthLines(rows);
    expect(months.map((l) => [l.month, l.frozen, l.revision, Object.keys(l.values)])).toEqual([
      ['2026-12', false, 0, ['EN_CLOSURE']],
      ['2026-11', true, 2, ['EN_CLOSURE', 'EN_CASES']],
    ]);
    const towns = regionLines(
      [
        row({ regionId: 'b', regionCode: '002', value: 0.9 }),
        row({ regionId: 'a', regionCode: '001', value: null }),
        row({ regionId: 'c', regionCode: '003', value: 0.2 }),
        row({ regionId: 'x', month: '2026-12' }),
      ],
      '2026-11',
    );
    expect(towns.map((l) => l.regionId)).toEqual(['a', 'b', 'c']);
    const by = compareByKpi('EN_CLOSURE');
    expect([...towns].sort((x, y) => by(x, y, 'ascend')).map((l) => l.regionId)).toEqual(['c', 'b', 'a']);
    // antd reverses the comparison for descend: the gap still ends up last
    expect([...towns].sort((x, y) => -by(x, y, 'descend')).map((l) => l.regionId)).toEqual(['b', 'c', 'a']);
  });
});
