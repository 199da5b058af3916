import { describe, expect, it } from 'vitest';
import type { Me, Permission } from '../lib/api/types';
import { buildNav, selectedKey } from './AppLayout';

const base: Me = {
  id: 'u',
  username: 'x',
  displayName: 'X',
  role: 'village_agent',
  roleName: '村级代办员',
  regionId: 'r',
  regionName: '一村',
  regionLevel: 'village',
  unitId: null,
  unitName: null,
  permissions: [],
};

const keys = (me: Me) => buildNav(me, (k) => k).flatMap((e) => [e.key, ...(e.children ?? []).map((c) => c.key)]);

describe('menu by permission', () => {
  it('shows a village agent only what every user may see', () => {
    expect(keys(base)).toEqual([
      'home',
      'organization',
      'regions',
      'units',
      'power-lists',
      'power-items',
      'power-townships',
      'power-agreements',
      'power-admissions',
      'power-health',
      'power-kpis',
      'services',
      'service-items',
      'service-agent',
      'service-applications',
      'service-centres',
      'service-ratings',
      'service-rectifications',
      'service-kpis',
      'staffing',
      'staffing-ledger',
      'staffing-transfers',
      'staffing-summary',
      'staffing-requests',
      'staffing-plans',
      'staffing-people',
      'staffing-exceptions',
      'staffing-health',
      'staffing-kpis',
      'staffing-campaigns',
      'staffing-secondees',
      'staffing-assessments',
      'enforcement',
      'enforcement-teams',
      'enforcement-officers',
      'enforcement-benchmarks',
      'enforcement-health',
      'calendar',
    ]);
  });

  it('shows the window workbench to window clerks only', () => {
    const clerk: Me = { ...base, role: 'window_clerk', roleName: '窗口工作人员', regionLevel: 'township' };
    expect(keys(clerk)).toContain('service-workbench');
    expect(keys(clerk)).not.toContain('service-agent');
    expect(keys(clerk)).toContain('service-applications');
    expect(keys(clerk)).toContain('service-caller');
    const leader: Me = { ...base, role: 'township_leader', regionLevel: 'township' };
    expect(keys(leader)).not.toContain('service-workbench');
    expect(keys(leader)).not.toContain('service-agent');
    expect(keys(leader)).toContain('service-applications');
    expect(keys(leader)).not.toContain('service-caller');
    expect(keys(leader)).toContain('service-centres');
    // 好差评, 差评整改 and 服务指标 are for everybody in scope (the API filters by region)
    expect(keys(leader)).toEqual(expect.arrayContaining(['service-ratings', 'service-rectifications', 'service-kpis']));
  });

  it('shows the county admin everything', () => {
    const admin = {
      ...base,
      role: 'county_admin',
      permissions: ['users.read', 'users.manage', 'tokens.manage', 'calendar.manage', 'audit.read'],
    };
    expect(keys(admin)).toEqual([
      'home',
      'organization',
      'regions',
      'units',
      'users',
      'power-lists',
      'power-items',
      'power-townships',
      'power-agreements',
      'power-admissions',
      'power-health',
      'power-kpis',
      'services',
      'service-items',
      'service-applications',
      'service-centres',
      'service-ratings',
      'service-rectifications',
      'service-kpis',
      'staffing',
      'staffing-ledger',
      'staffing-transfers',
      'staffing-summary',
      'staffing-requests',
      'staffing-plans',
      'staffing-people',
      'staffing-exceptions',
      'staffing-health',
      'staffing-kpis',
      'staffing-campaigns',
      'staffing-secondees',
      'staffing-assessments',
      'enforcement',
      'enforcement-teams',
      'enforcement-officers',
      'enforcement-benchmarks',
      'enforcement-health',
      'tokens',
      'calendar',
      'audit',
    ]);
  });

  it('shows a township leader users and audit but not tokens', () => {
    const leader = { ...base, role: 'township_leader', permissions: ['users.read', 'audit.read'] };
    expect(keys(leader)).toEqual([
      'home',
      'organization',
      'regions',
      'units',
      'users',
      'power-lists',
      'power-items',
      'power-townships',
      'power-agreements',
      'power-admissions',
      'power-health',
      'power-kpis',
      'services',
      'service-items',
      'service-applications',
      'service-centres',
      'service-ratings',
      'service-rectifications',
      'service-kpis',
      'staffing',
      'staffing-ledger',
      'staffing-transfers',
      'staffing-summary',
      'staffing-requests',
      'staffing-plans',
      'staffing-people',
      'staffing-exceptions',
      'staffing-health',
      'staffing-kpis',
      'staffing-campaigns',
      'staffing-secondees',
      'staffing-assessments',
      'enforcement',
      'enforcement-teams',
      'enforcement-officers',
      'enforcement-benchmarks',
      'enforcement-health',
      'calendar',
      'audit',
    ]);
  });

  it('shows 执法案件 to those who register, file, investigate or review cases', () => {
    expect(keys(base)).not.toContain('enforcement-cases');
    const permissions: Permission[] = [
      'enforcement.leads',
      'enforcement.file',
      'enforcement.investigate',
      'enforcement.review',
    ];
    for (const permission of permissions) {
      const me: Me = { ...base, role: 'x', regionLevel: 'township', permissions: [permission] };
      expect(keys(me), permission).toContain('enforcement-cases');
    }
    expect(keys({ ...base, permissions: ['enforcement.teams'] })).not.toContain('enforcement-cases');
    expect(selectedKey('/enforcement/cases/abc')).toBe('enforcement-cases');
  });

  it('shows 执法公示管理 to those who publish (enforcement.file) or run the teams, not to officers', () => {
    expect(keys(base)).not.toContain('enforcement-disclosures');
    const leader: Me = { ...base, role: 'township_leader', regionLevel: 'township', permissions: ['enforcement.file'] };
    expect(keys(leader)).toContain('enforcement-disclosures');
    const admin: Me = { ...base, role: 'county_admin', regionLevel: 'county', permissions: ['enforcement.teams'] };
    expect(keys(admin)).toContain('enforcement-disclosures');
    const officer: Me = {
      ...base,
      role: 'enforcement_officer',
      regionLevel: 'township',
      unitId: null,
      unitName: null,
      permissions: ['enforcement.leads', 'enforcement.investigate'],
    };
    expect(keys(officer)).not.toContain('enforcement-disclosures');
    expect(selectedKey('/enforcement/disclosures')).toBe('enforcement-disclosures');
    expect(selectedKey('/enforcement/benchmarks')).toBe('enforcement-benchmarks');
  });

  it('shows 投诉举报 and 过错责任追究 to the supervisors and those who run the teams, not to officers', () => {
    const officer: Me = {
      ...base,
      role: 'enforcement_officer',
      regionLevel: 'township',
      unitId: null,
      unitName: null,
      permissions: ['enforcement.leads', 'enforcement.investigate'],
    };
    expect(keys(officer)).not.toContain('enforcement-complaints');
    expect(keys(officer)).not.toContain('enforcement-faults');
    const reviewer: Me = {
      ...base,
      role: 'legal_reviewer',
      permissions: ['enforcement.review', 'enforcement.supervise'],
    };
    expect(keys(reviewer)).toEqual(expect.arrayContaining(['enforcement-complaints', 'enforcement-faults']));
    const leader: Me = { ...base, role: 'township_leader', permissions: ['enforcement.file', 'enforcement.teams'] };
    expect(keys(leader)).toEqual(expect.arrayContaining(['enforcement-complaints', 'enforcement-faults']));
    expect(selectedKey('/enforcement/complaints/abc')).toBe('enforcement-complaints');
    expect(selectedKey('/enforcement/faults')).toBe('enforcement-faults');
  });

  it('shows 双向考核 to the county that runs it and to the scorers only', () => {
    expect(keys(base)).not.toContain('enforcement-assessments');
    const admin: Me = { ...base, role: 'county_admin', permissions: ['enforcement.assess'] };
    expect(keys(admin)).toContain('enforcement-assessments');
    const dept: Me = { ...base, role: 'county_department', permissions: ['enforcement.assess_score'] };
    expect(keys(dept)).toContain('enforcement-assessments');
    const officer: Me = { ...base, role: 'enforcement_officer', permissions: ['enforcement.investigate'] };
    expect(keys(officer)).not.toContain('enforcement-assessments');
    expect(selectedKey('/enforcement/assessments/r-1/sheets/x')).toBe('enforcement-assessments');
  });

  it('shows 执法指标 and 满意度调查 to whoever works with enforcement', () => {
    expect(keys(base)).not.toContain('enforcement-kpis');
    expect(keys(base)).not.toContain('enforcement-surveys');
    const permissions: Permission[] = [
      'enforcement.teams',
      'enforcement.investigate',
      'enforcement.review',
      'enforcement.supervise',
    ];
    for (const permission of permissions) {
      const me: Me = { ...base, role: 'x', regionLevel: 'township', permissions: [permission] };
      expect(keys(me), permission).toEqual(expect.arrayContaining(['enforcement-kpis', 'enforcement-surveys']));
    }
    expect(selectedKey('/enforcement/kpis')).toBe('enforcement-kpis');
    expect(selectedKey('/enforcement/surveys')).toBe('enforcement-surveys');
  });

  it('shows 数据开放包 to users of a county or the province, whatever their role, not below', () => {
    expect(keys(base)).not.toContain('open-data');
    expect(keys({ ...base, role: 'township_leader', regionLevel: 'township' })).not.toContain('open-data');
    expect(keys({ ...base, role: 'county_admin', regionLevel: 'county' })).toContain('open-data');
    expect(keys({ ...base, role: 'evaluator', regionLevel: 'county' })).toContain('open-data');
    expect(keys({ ...base, role: 'evaluator', regionLevel: 'province' })).toContain('open-data');
    expect(selectedKey('/open-data')).toBe('open-data');
  });

  it('shows 评估任务 to those who manage evaluation grants (the county admin) only', () => {
    expect(keys({ ...base, role: 'county_admin', permissions: ['tokens.manage'] })).not.toContain('grants');
    const admin: Me = {
      ...base,
      role: 'county_admin',
      regionLevel: 'county',
      permissions: ['tokens.manage', 'grants.manage'],
    };
    const top = buildNav(admin, (k) => k).map((e) => e.key);
    expect(top.slice(top.indexOf('tokens'), top.indexOf('tokens') + 2)).toEqual(['tokens', 'grants']);
    expect(selectedKey('/grants')).toBe('grants');
  });

  it('shows an evaluator only the modules its grant opens', () => {
    const evaluator: Me = {
      ...base,
      role: 'evaluator',
      regionLevel: 'county',
      permissions: ['audit.read'],
      grant: {
        id: 'g',
        organisation: '华信',
        purpose: '评估',
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
        modules: ['power_lists', 'enforcement'],
        expiresAt: '2027-01-01T00:00:00Z',
        regions: [{ id: 'r', code: '01', name: '演示县', level: 'county' }],
      },
    };
    const top = buildNav(evaluator, (k) => k).map((e) => e.key);
    expect(top).toEqual(expect.arrayContaining(['power-lists', 'enforcement', 'audit']));
    expect(top).not.toContain('services');
    expect(top).not.toContain('staffing');
  });

  it('shows 评估工作台 first, to users who work under a grant only', () => {
    const evaluator: Me = {
      ...base,
      role: 'evaluator',
      regionLevel: 'county',
      permissions: ['audit.read', 'findings.read', 'findings.post'],
      grant: {
        id: 'g',
        organisation: '华信',
        purpose: '评估',
        periodFrom: '2025-01-01',
        periodTo: '2026-12-31',
        modules: ['enforcement'],
        expiresAt: '2027-01-01T00:00:00Z',
        regions: [{ id: 'r', code: '01', name: '演示县', level: 'county' }],
      },
    };
    expect(buildNav(evaluator, (k) => k)[0]).toMatchObject({
      key: 'evaluation',
      path: '/evaluation',
      label: 'nav.workspace',
    });
    expect(keys({ ...evaluator, grant: null })).not.toContain('evaluation');
    expect(keys(base)).not.toContain('evaluation');
    expect(selectedKey('/evaluation')).toBe('evaluation');
  });

  it('highlights the 权责清单, 便民服务, 编制 and 综合行政执法 entry of a page, whatever is below it', () => {
    expect(selectedKey('/')).toBe('home');
    expect(selectedKey('/regions/abc')).toBe('regions');
    expect(selectedKey('/power-lists/items/abc')).toBe('power-items');
    expect(selectedKey('/power-lists/townships')).toBe('power-townships');
    expect(selectedKey('/power-lists/agreements/x')).toBe('power-agreements');
    expect(selectedKey('/power-lists')).toBe('power-items');
    expect(selectedKey('/services/workbench')).toBe('service-workbench');
    expect(selectedKey('/services/applications/abc/receipt')).toBe('service-applications');
    expect(selectedKey('/services/items/abc')).toBe('service-items');
    expect(selectedKey('/services')).toBe('service-applications');
    expect(selectedKey('/services/centres/abc')).toBe('service-centres');
    expect(selectedKey('/services/caller')).toBe('service-caller');
    expect(selectedKey('/services/rectifications/abc')).toBe('service-rectifications');
    expect(selectedKey('/services/kpis')).toBe('service-kpis');
    expect(selectedKey('/staffing')).toBe('staffing-ledger');
    expect(selectedKey('/staffing/establishments/abc')).toBe('staffing-ledger');
    expect(selectedKey('/staffing/transfers/abc')).toBe('staffing-transfers');
    expect(selectedKey('/staffing/transfers/summary')).toBe('staffing-summary');
    expect(selectedKey('/staffing/people/abc')).toBe('staffing-people');
    expect(selectedKey('/staffing/requests/abc')).toBe('staffing-requests');
    expect(selectedKey('/enforcement')).toBe('enforcement-teams');
    expect(selectedKey('/enforcement/teams/abc')).toBe('enforcement-teams');
    expect(selectedKey('/enforcement/officers/abc')).toBe('enforcement-officers');
    expect(selectedKey('/enforcement/health')).toBe('enforcement-health');
  });
});
