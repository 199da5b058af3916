import { describe, expect, it } from 'vitest';
import { addDays, asOfKind, countyToday, daysBetween, displayPeriod, effectiveAsOf, parseIsoDate } from './dates';

describe('as-of dates', () => {
  it('takes today in the county (Asia/Shanghai), not in UTC or the browser zone', () => {
    // 17:30 UTC on 21 Nov is 01:30 on 22 Nov in Beijing time
    expect(countyToday(new Date('2026-11-21T17:30:00Z'))).toBe('2026-11-22');
    expect(countyToday(new Date('2026-11-21T15:59:00Z'))).toBe('2026-11-21');
  });

  it('accepts only real YYYY-MM-DD dates from the query string', () => {
    expect(parseIsoDate('2026-02-28')).toBe('2026-02-28');
    expect(parseIsoDate('2026-02-30')).toBeUndefined();
    expect(parseIsoDate('2026-2-3')).toBeUndefined();
    expect(parseIsoDate('yesterday')).toBeUndefined();
    expect(parseIsoDate(undefined)).toBeUndefined();
    expect(effectiveAsOf('2025-06-30', '2026-11-22')).toBe('2025-06-30');
    expect(effectiveAsOf('garbage', '2026-11-22')).toBe('2026-11-22');
    expect(effectiveAsOf(undefined, '2026-11-22')).toBe('2026-11-22');
  });

  it('says whether a page looks at today, the past or the future', () => {
    expect(asOfKind('2026-11-22', '2026-11-22')).toBe('today');
    expect(asOfKind('2026-01-01', '2026-11-22')).toBe('past');
    expect(asOfKind('2027-01-01', '2026-11-22')).toBe('future');
  });

  it('adds and counts days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2026-11-22', '2026-12-10')).toBe(18);
  });
});

describe('periods', () => {
  it('shows the last day in force (the API sends exclusive end dates)', () => {
    expect(displayPeriod('2024-01-01', '2025-03-01')).toEqual({ from: '2024-01-01', lastDay: '2025-02-28' });
    expect(displayPeriod('2024-01-01', null)).toEqual({ from: '2024-01-01', lastDay: null });
  });
});
