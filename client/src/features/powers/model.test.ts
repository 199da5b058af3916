import { describe, expect, it } from 'vitest';
import {
  agreementStatusDisplay,
  canRevoke,
  entryRowClass,
  expiryText,
  groupByListKind,
  unpublishedCount,
} from './model';
import { entry } from './testData';

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

