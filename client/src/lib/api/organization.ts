// The organisation's reference data that every module reads: regions, units and roles (the organization feature
// adds the user administration on top, features/organization/api.ts).
import { http } from './client';
import type { Page, Region, RegionDetail, RoleOption, Unit, UnitQuery, UserQuery } from './types';

const base = '/organization';

export const organizationKeys = {
  roles: ['organization', 'roles'] as const,
  regionChildren: (parentId: string | null) => ['organization', 'regions', 'children', parentId] as const,
  region: (id: string) => ['organization', 'regions', 'detail', id] as const,
  units: (q: Omit<UnitQuery, 'cursor'>) => ['organization', 'units', q] as const,
  users: (q: Omit<UserQuery, 'cursor'>) => ['organization', 'users', q] as const,
  usersAll: ['organization', 'users'] as const,
};

export const directoryApi = {
  roles: (signal?: AbortSignal) => http.get<RoleOption[]>(`${base}/roles`, { signal }),
  /** Children of `parentId`; without it, the caller's own root region as a one-element array. */
  regions: (parentId: string | null, signal?: AbortSignal) =>
    http.get<Region[]>(`${base}/regions`, { query: { parentId }, signal }),
  region: (id: string, signal?: AbortSignal) =>
    http.get<RegionDetail>(`${base}/regions/${encodeURIComponent(id)}`, { signal }),
  units: (query: UnitQuery, signal?: AbortSignal) => http.get<Page<Unit>>(`${base}/units`, { query, signal }),
};
