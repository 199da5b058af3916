import { describe, expect, it } from 'vitest';
import { canDownloadOpenData, effectiveMonth, isClosedMonth, lastClosedMonth, ownCounty } from './model';

// 1 January 2027, 07:59 in the county (UTC+8): still 31 December 2026 in UTC
const NEW_YEAR = new Date('2026-12-31T23:59:00Z');

describe('the months of the open-data packages', () => {
  it('counts the county’s month (UTC+8): on 1 January last month is December of the year before', () => {
    expect(lastClosedMonth(NEW_YEAR)).toBe('2026-12');
    expect(isClosedMonth('2026-12', NEW_YEAR)).toBe(true);
    expect(isClosedMonth('2027-01', NEW_YEAR)).toBe(false);
    expect(isClosedMonth('2027-02', NEW_YEAR)).toBe(false);
    expect(isClosedMonth('2019-05', NEW_YEAR)).toBe(true);
  });

  it('keeps a closed month asked for in the address, else falls back to last month', () => {
    expect(effectiveMonth('2026-03', NEW_YEAR)).toBe('2026-03');
    expect(effectiveMonth('2027-01', NEW_YEAR)).toBe('2026-12');
    expect(effectiveMonth('2026-13', NEW_YEAR)).toBe('2026-12');
    expect(effectiveMonth(undefined, NEW_YEAR)).toBe('2026-12');
  });
});

describe('who downloads packages', () => {
  it('is a county’s user (their own county) or the province’s (a county they pick)', () => {
    expect(canDownloadOpenData({ regionLevel: 'county' })).toBe(true);
    expect(canDownloadOpenData({ regionLevel: 'province' })).toBe(true);
    expect(canDownloadOpenData({ regionLevel: 'township' })).toBe(false);
    expect(canDownloadOpenData({ regionLevel: 'village' })).toBe(false);
    expect(ownCounty({ regionLevel: 'county', regionId: 'c-1' })).toBe('c-1');
    expect(ownCounty({ regionLevel: 'province', regionId: 'p-1' })).toBeUndefined();
  });
});
