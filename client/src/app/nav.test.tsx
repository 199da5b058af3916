import { describe, expect, it } from 'vitest';
import type { Me } from '../lib/api/types';
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
      'calendar',
    ]);
  });

  it('shows the county admin everything', () => {
    const admin = { ...base, permissions: ['users.read', 'users.manage', 'tokens.manage', 'calendar.manage', 'audit.read'] };
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
      'tokens',
      'calendar',
      'audit',
    ]);
  });

  it('shows a township leader users and audit but not tokens', () => {
    const leader = { ...base, permissions: ['users.read', 'audit.read'] };
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
      'calendar',
      'audit',
    ]);
  });

  it('highlights the 权责清单 and 便民服务 entry of a page, whatever is below it', () => {
    expect(selectedKey('/')).toBe('home');
    expect(selectedKey('/regions/abc')).toBe('regions');
    expect(selectedKey('/power-lists/items/abc')).toBe('power-items');
    expect(selectedKey('/power-lists/townships')).toBe('power-townships');
    expect(selectedKey('/power-lists/agreements/x')).toBe('power-agreements');
    expect(selectedKey('/power-lists')).toBe('power-items');
    expect(selectedKey('/services/items/abc')).toBe('service-items');
    expect(selectedKey('/services')).toBe('service-items');
  });
});
