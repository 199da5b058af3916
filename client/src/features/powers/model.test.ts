import { describe, expect, it } from 'vitest';
import {
  addDays,
  agreementStatusDisplay,
  asOfKind,
  canRevoke,
  countyToday,
  daysBetween,
  displayPeriod,
  defaultRevisionDate,
  earliestRevisionDate,
  effectiveAsOf,
  entryRowClass,
  etagOf,
  expiryText,
  groupByListKind,
  parseIsoDate,
  unpublishedCount,
  versionInForce,
  versionState,
} from './model';
import { entry, version } from './testData';

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

describe('versions', () => {
  const v1 = version({ version: 1, effectiveFrom: '2024-01-01', effectiveTo: '2025-03-01' });
  const v2 = version({ version: 2, effectiveFrom: '2025-03-01', effectiveTo: '2027-01-01' });
  const v3 = version({ version: 3, effectiveFrom: '2027-01-01', effectiveTo: null, withdrawn: true });
  const all = [v1, v2, v3];

  it('finds the version in force on a date (the end date is exclusive)', () => {
    expect(versionInForce(all, '2023-12-31')).toBeUndefined();
    expect(versionInForce(all, '2024-01-01')?.version).toBe(1);
    expect(versionInForce(all, '2025-02-28')?.version).toBe(1);
    expect(versionInForce(all, '2025-03-01')?.version).toBe(2);
    expect(versionInForce(all, '2099-01-01')?.version).toBe(3);
  });

  it('labels each version relative to the as-of date', () => {
    expect(all.map((v) => versionState(v, '2026-11-22'))).toEqual(['superseded', 'inForce', 'withdrawn']);
    expect(all.map((v) => versionState(v, '2024-06-01'))).toEqual(['inForce', 'planned', 'withdrawn']);
  });

  it('proposes a revision date after the latest version, today when possible', () => {
    expect(earliestRevisionDate(v2)).toBe('2025-03-02');
    expect(defaultRevisionDate(v2, '2026-11-22')).toBe('2026-11-22');
    const planned = version({ effectiveFrom: '2026-12-01' });
    expect(defaultRevisionDate(planned, '2026-11-22')).toBe('2026-12-02');
    expect(defaultRevisionDate(version({ effectiveFrom: '2026-11-22' }), '2026-11-22')).toBe('2026-11-23');
    expect(etagOf(3)).toBe('"v3"');
  });
});

describe('agreement display', () => {
  it('colours 即将到期 orange, 已过期 grey and 已撤销 red, and highlights their rows', () => {
    expect(agreementStatusDisplay('expiring')).toEqual({ color: 'orange', rowClass: 'pl-row-expiring' });
    expect(agreementStatusDisplay('expired')).toEqual({ color: 'default', rowClass: 'pl-row-ended' });
    expect(agreementStatusDisplay('revoked')).toEqual({ color: 'red', rowClass: 'pl-row-ended' });
    expect(agreementStatusDisplay('in_force')).toEqual({ color: 'green' });
    expect(agreementStatusDisplay('pending')).toEqual({ color: 'blue' });
  });

  it('words the days to expiry', () => {
    expect(expiryText({ status: 'expiring', daysToExpiry: 18 })).toEqual({ key: 'daysLeft', days: 18 });
    expect(expiryText({ status: 'expiring', daysToExpiry: 0 })).toEqual({ key: 'lastDay' });
    expect(expiryText({ status: 'expired', daysToExpiry: null })).toEqual({ key: 'ended' });
    // a revoked agreement still has days to its original end date: it has ended all the same
    expect(expiryText({ status: 'revoked', daysToExpiry: 300 })).toEqual({ key: 'ended' });
  });

  it('allows revoking only an agreement neither revoked nor expired', () => {
    expect(canRevoke({ revokedOn: null, status: 'expiring' })).toBe(true);
    expect(canRevoke({ revokedOn: null, status: 'pending' })).toBe(true);
    expect(canRevoke({ revokedOn: '2026-01-01', status: 'revoked' })).toBe(false);
    expect(canRevoke({ revokedOn: '2027-01-01', status: 'in_force' })).toBe(false);
    expect(canRevoke({ revokedOn: null, status: 'expired' })).toBe(false);
  });
});

describe('township list display', () => {
  it('groups entries by list kind in the national order, leaving out empty groups', () => {
    const list = [
      entry({ id: 'a', listKind: 'withdrawn' }),
      entry({ id: 'b', listKind: 'basic' }),
      entry({ id: 'c', listKind: 'basic' }),
    ];
    expect(groupByListKind(list).map((g) => [g.kind, g.entries.map((e) => e.id)])).toEqual([
      ['basic', ['b', 'c']],
      ['withdrawn', ['a']],
    ]);
  });

  it('highlights problem rows and greys taken-back items', () => {
    expect(entryRowClass(entry({ problem: '委托协议不在有效期内', exercisable: false }))).toBe('pl-row-problem');
    expect(entryRowClass(entry({ listKind: 'withdrawn' }))).toBe('pl-row-ended');
    expect(entryRowClass(entry())).toBeUndefined();
  });

  it('counts unpublished entries', () => {
    expect(unpublishedCount([entry(), entry({ publishedAt: null }), entry({ publishedAt: null })])).toBe(2);
  });
});

describe('periods', () => {
  it('shows the last day in force (the API sends exclusive end dates)', () => {
    expect(displayPeriod('2024-01-01', '2025-03-01')).toEqual({ from: '2024-01-01', lastDay: '2025-02-28' });
    expect(displayPeriod('2024-01-01', null)).toEqual({ from: '2024-01-01', lastDay: null });
  });
});
