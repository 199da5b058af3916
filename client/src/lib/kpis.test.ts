import { describe, expect, it } from 'vitest';
import { formatKpiValue, formatTarget, freezeStatus } from './kpis';

describe('the KPI figures', () => {
  it('write rates in % with one decimal, days with one decimal, counts as integers; — without a value', () => {
    expect(formatKpiValue('%', 0.9333)).toBe('93.3%');
    expect(formatKpiValue('%', 1)).toBe('100.0%');
    expect(formatKpiValue('天', 12.4)).toBe('12.4 天');
    expect(formatKpiValue('天', 7)).toBe('7.0 天');
    expect(formatKpiValue('件', 12)).toBe('12 件');
    expect(formatKpiValue('%', null)).toBe('—');
    expect(formatTarget({ unit: '%', target: 0.9, direction: 'higher' })).toBe('≥ 90.0%');
    expect(formatTarget({ unit: '天', target: 30, direction: 'lower' })).toBe('≤ 30.0 天');
    expect(formatTarget({ unit: '件', target: null, direction: 'none' })).toBe('—');
  });

  it('tell the open month (临时) from a frozen one at its revision', () => {
    expect(freezeStatus({ frozen: false, revision: 0 })).toEqual({ kind: 'provisional' });
    expect(freezeStatus({ frozen: true, revision: 2 })).toEqual({ kind: 'frozen', revision: 2 });
  });
});
