import { describe, expect, it } from 'vitest';
import type { KpiValueRow, MyGrant } from '../../../lib/api/types';
import {
  defaultKpiMonth,
  grantMonths,
  mayQuote,
  newestFirst,
  workspaceKpiFilter,
  workspaceKpiQuery,
  workspaceTab,
} from './model';

const grant: Pick<MyGrant, 'periodFrom' | 'periodTo' | 'modules'> = {
  periodFrom: '2025-01-01',
  periodTo: '2026-12-31',
  modules: ['power_lists', 'enforcement'],
};

describe('the workspace’s KPI filters', () => {
  it('start at the last closed month, or at the grant’s last month when the grant ended before', () => {
    expect(defaultKpiMonth(grant, '2026-12-07')).toBe('2026-11');
    expect(defaultKpiMonth({ periodFrom: '2024-01-01', periodTo: '2025-06-30' }, '2026-12-07')).toBe('2025-06');
    // a grant whose period starts this month: its first month (still open)
    expect(defaultKpiMonth({ periodFrom: '2026-12-01', periodTo: '2027-06-30' }, '2026-12-07')).toBe('2026-12');
    expect(workspaceKpiFilter({}, grant, '2026-12-07')).toEqual({
      module: undefined,
      from: '2026-11',
      to: '2026-11',
      regionId: undefined,
      revision: 'latest',
    });
  });

  it('keep the months inside the grant’s period and before the county’s next month', () => {
    expect(grantMonths(grant, '2026-12-07')).toEqual({ first: '2025-01', last: '2026-12' });
    expect(grantMonths({ periodFrom: '2025-01-01', periodTo: '2027-12-31' }, '2026-12-07').last).toBe('2026-12');
    const wide = workspaceKpiFilter({ from: '2020-01', to: '2030-05' }, grant, '2026-12-07');
    expect([wide.from, wide.to]).toEqual(['2025-01', '2026-12']);
    const reversed = workspaceKpiFilter({ from: '2026-06', to: '2026-02' }, grant, '2026-12-07');
    expect([reversed.from, reversed.to]).toEqual(['2026-02', '2026-06']);
    const long = { periodFrom: '2019-01-01', periodTo: '2026-12-31', modules: grant.modules };
    const sixty = workspaceKpiFilter({ from: '2019-01', to: '2026-12' }, long, '2026-12-07');
    expect([sixty.from, sixty.to]).toEqual(['2022-01', '2026-12']);
    expect(workspaceKpiFilter({ from: 'junk', to: '2026-13' }, grant, '2026-12-07').from).toBe('2026-11');
  });

  it('take a module only when the grant opens it, and the original figures only when asked', () => {
    expect(workspaceKpiFilter({ module: 'enforcement' }, grant, '2026-12-07').module).toBe('enforcement');
    expect(workspaceKpiFilter({ module: 'staffing' }, grant, '2026-12-07').module).toBeUndefined();
    expect(workspaceKpiFilter({ revision: 'original' }, grant, '2026-12-07').revision).toBe('original');
    expect(workspaceKpiFilter({ revision: '3' }, grant, '2026-12-07').revision).toBe('latest');
  });

  it('ask the one KPI query with the months, the revision, the module and the region', () => {
    const filter = workspaceKpiFilter(
      { module: 'enforcement', from: '2026-09', to: '2026-10', regionId: 't-1', revision: 'original' },
      grant,
      '2026-12-07',
    );
    expect(workspaceKpiQuery(filter)).toEqual({
      from: '2026-09',
      to: '2026-10',
      revision: 'original',
      module: 'enforcement',
      regionId: 't-1',
    });
  });

  it('open the KPI tab unless another is named', () => {
    expect(workspaceTab(undefined)).toBe('kpis');
    expect(workspaceTab('findings')).toBe('findings');
    expect(workspaceTab('other')).toBe('kpis');
  });
});

describe('the workspace’s figures', () => {
  const row = (month: string, frozen: boolean, revision: number) => ({ month, frozen, revision }) as KpiValueRow;

  it('list the newest month first, keeping the API’s order within a month', () => {
    const rows = [row('2026-10', true, 1), row('2026-11', true, 1), { ...row('2026-11', true, 2), code: 'B' }];
    expect(newestFirst(rows).map((r) => [r.month, r.revision])).toEqual([
      ['2026-11', 1],
      ['2026-11', 2],
      ['2026-10', 1],
    ]);
  });

  it('let a finding quote only a frozen figure', () => {
    expect(mayQuote({ frozen: true, revision: 1 })).toBe(true);
    expect(mayQuote({ frozen: false, revision: 0 })).toBe(false);
  });
});
