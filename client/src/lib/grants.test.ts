import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { expiryOfDay, grantLabel, grantRegions } from './grants';

const county = { regionId: 'c', regionName: '演示县', townships: [] };
const t1 = { id: 't1', code: '01', name: '城关镇', level: 'township' as const };
const t2 = { id: 't2', code: '02', name: '河东乡', level: 'township' as const };

describe('grantRegions', () => {
  it('is the county alone when the grant names no township', () => {
    expect(grantRegions(county)).toEqual([{ id: 'c', name: '演示县' }]);
  });

  it('is the named townships (not the county) when the grant names some', () => {
    expect(grantRegions({ ...county, townships: [t1, t2] })).toEqual([
      { id: 't1', name: '城关镇' },
      { id: 't2', name: '河东乡' },
    ]);
  });
});

describe('expiryOfDay', () => {
  const day = dayjs('2027-03-01');

  it('is the end of the chosen day', () => {
    expect(expiryOfDay(day)).toBe(day.endOf('day').toISOString());
  });

  it('never passes the limit (a token on its grant’s last day ends with the grant)', () => {
    const noon = dayjs('2027-03-01T12:00').toISOString();
    expect(expiryOfDay(day, { limit: noon })).toBe(noon);
    expect(expiryOfDay(dayjs('2027-02-28'), { limit: noon })).toBe(dayjs('2027-02-28').endOf('day').toISOString());
  });

  it('keeps an edited expiry whose day did not change', () => {
    const kept = dayjs('2027-03-01T09:30').toISOString();
    expect(expiryOfDay(day, { keep: kept })).toBe(kept);
    expect(expiryOfDay(dayjs('2027-03-02'), { keep: kept })).toBe(dayjs('2027-03-02').endOf('day').toISOString());
  });
});

describe('grantLabel', () => {
  it('names organisation, region and period', () => {
    expect(
      grantLabel({ organisation: '华信评估', regionName: '演示县', periodFrom: '2025-01-01', periodTo: '2026-12-31' }),
    ).toBe('华信评估 · 演示县 · 2025-01-01 ~ 2026-12-31');
  });
});
