import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { createTokenRequest, grantDefaults } from './tokenRequest';

const grantEnds = dayjs('2027-06-30T12:00').toISOString();
const countyGrant = { regionId: 'c', regionName: '演示县', townships: [], expiresAt: grantEnds };
const township = (id: string) => ({ id, code: id, name: id, level: 'township' as const });

describe('createTokenRequest', () => {
  const day = dayjs('2027-06-30');

  it('sends a machine token to the end of its day, without a grant', () => {
    expect(
      createTokenRequest({ name: ' 夜间同步 ', role: 'kpi_reader', regionId: 'c', grantId: 'g', expiresAt: day }),
    ).toEqual({
      name: '夜间同步',
      role: 'kpi_reader',
      regionId: 'c',
      expiresAt: day.endOf('day').toISOString(),
    });
  });

  it('sends an evaluator token with its grant, ending no later than the grant', () => {
    expect(
      createTokenRequest(
        { name: '评估脚本', role: 'evaluator', regionId: 'c', grantId: 'g', expiresAt: day },
        countyGrant,
      ),
    ).toEqual({ name: '评估脚本', role: 'evaluator', regionId: 'c', grantId: 'g', expiresAt: grantEnds });
  });
});

describe('grantDefaults', () => {
  it('picks the region of a county-wide grant and keeps an expiry the grant outlives', () => {
    const chosen = dayjs('2027-01-01');
    expect(grantDefaults(countyGrant, chosen)).toEqual({ regionId: 'c', expiresAt: chosen });
  });

  it('picks the one township of a grant, and leaves a choice among several', () => {
    expect(grantDefaults({ ...countyGrant, townships: [township('t1')] }, undefined).regionId).toBe('t1');
    expect(
      grantDefaults({ ...countyGrant, townships: [township('t1'), township('t2')] }, undefined).regionId,
    ).toBeUndefined();
  });

  it('moves an expiry after the grant’s to the grant’s last day', () => {
    expect(grantDefaults(countyGrant, dayjs('2027-09-01')).expiresAt.format('YYYY-MM-DD')).toBe('2027-06-30');
    expect(grantDefaults(countyGrant, undefined).expiresAt.format('YYYY-MM-DD')).toBe('2027-06-30');
  });
});
