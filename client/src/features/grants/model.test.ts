import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import type { EvaluationGrant } from '../../lib/api/types';
import { grantFormValues, grantRequest, isGrantStatus, newGrantValues, readOf } from './model';

const grant: EvaluationGrant = {
  id: 'g1',
  organisation: '华信第三方评估有限公司',
  purpose: '乡镇管理体制改革成效评估',
  regionId: 'c',
  regionName: '演示县',
  townships: [{ id: 't1', code: '01', name: '城关镇', level: 'township' }],
  periodFrom: '2025-01-01',
  periodTo: '2026-06-30',
  modules: ['power_lists', 'enforcement'],
  expiresAt: dayjs('2027-03-01T09:30').toISOString(),
  status: 'active',
  createdAt: '2026-12-01T00:00:00Z',
  revokedAt: null,
  revokeReason: null,
  version: 2,
  users: [],
  tokens: [],
};

describe('grant form', () => {
  it('starts a new grant in the county, over last year and this, with every module', () => {
    const v = newGrantValues('c', dayjs('2026-12-07T10:00'));
    expect(v.regionId).toBe('c');
    expect(v.townshipIds).toEqual([]);
    expect(v.periodFrom?.format('YYYY-MM-DD')).toBe('2025-01-01');
    expect(v.periodTo?.format('YYYY-MM-DD')).toBe('2026-12-07');
    expect(v.modules).toEqual(['power_lists', 'service_centre', 'staffing', 'enforcement']);
    expect(v.expiresAt?.format('YYYY-MM-DD')).toBe('2027-03-07');
  });

  it('sends dates as days, modules in the API’s order and the expiry at the end of its day', () => {
    const request = grantRequest({
      organisation: ' 华信 ',
      purpose: ' 评估 ',
      regionId: 'c',
      townshipIds: ['t1', 't2'],
      periodFrom: dayjs('2025-01-01'),
      periodTo: dayjs('2025-12-31'),
      modules: ['enforcement', 'power_lists'],
      expiresAt: dayjs('2027-01-31'),
    });
    expect(request).toEqual({
      organisation: '华信',
      purpose: '评估',
      regionId: 'c',
      townshipIds: ['t1', 't2'],
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      modules: ['power_lists', 'enforcement'],
      expiresAt: dayjs('2027-01-31').endOf('day').toISOString(),
    });
  });

  it('sends back an edited grant as it was when nothing changed (its expiry to the instant)', () => {
    expect(grantRequest(grantFormValues(grant), grant)).toEqual({
      organisation: grant.organisation,
      purpose: grant.purpose,
      regionId: 'c',
      townshipIds: ['t1'],
      periodFrom: '2025-01-01',
      periodTo: '2026-06-30',
      modules: ['power_lists', 'enforcement'],
      expiresAt: grant.expiresAt,
    });
  });

  it('moves an edited expiry to the end of its new day', () => {
    const v = { ...grantFormValues(grant), expiresAt: dayjs('2027-04-01') };
    expect(grantRequest(v, grant).expiresAt).toBe(dayjs('2027-04-01').endOf('day').toISOString());
  });
});

describe('readOf', () => {
  it('reads the method and path the audit trail recorded', () => {
    expect(readOf({ after: { method: 'GET', path: '/api/v1/kpis/values?module=power_lists' } })).toEqual({
      method: 'GET',
      path: '/api/v1/kpis/values?module=power_lists',
    });
    expect(readOf({ after: null })).toEqual({ method: '', path: '' });
  });
});

describe('isGrantStatus', () => {
  it('accepts the three states only', () => {
    expect(['active', 'expired', 'revoked', 'all', undefined].map(isGrantStatus)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
