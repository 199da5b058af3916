import { http } from '../../lib/api/client';
import type {
  CreateUserRequest,
  Page,
  Region,
  RegionDetail,
  RoleOption,
  Unit,
  UnitQuery,
  User,
  UserQuery,
} from '../../lib/api/types';

const base = '/organization';

export const organizationKeys = {
  roles: ['organization', 'roles'] as const,
  regionChildren: (parentId: string | null) => ['organization', 'regions', 'children', parentId] as const,
  region: (id: string) => ['organization', 'regions', 'detail', id] as const,
  units: (q: Omit<UnitQuery, 'cursor'>) => ['organization', 'units', q] as const,
  users: (q: Omit<UserQuery, 'cursor'>) => ['organization', 'users', q] as const,
  usersAll: ['organization', 'users'] as const,
};

export const organizationApi = {
  roles: (signal?: AbortSignal) => http.get<RoleOption[]>(`${base}/roles`, { signal }),
  /** Children of `parentId`; without it, the caller's own root region as a one-element array. */
  regions: (parentId: string | null, signal?: AbortSignal) =>
    http.get<Region[]>(`${base}/regions`, { query: { parentId }, signal }),
  region: (id: string, signal?: AbortSignal) =>
    http.get<RegionDetail>(`${base}/regions/${encodeURIComponent(id)}`, { signal }),
  units: (query: UnitQuery, signal?: AbortSignal) => http.get<Page<Unit>>(`${base}/units`, { query, signal }),
  users: (query: UserQuery, signal?: AbortSignal) => http.get<Page<User>>(`${base}/users`, { query, signal }),
  createUser: (body: CreateUserRequest) => http.post<User>(`${base}/users`, body),
  disableUser: (id: string) => http.post<User>(`${base}/users/${encodeURIComponent(id)}/disable`),
  enableUser: (id: string) => http.post<User>(`${base}/users/${encodeURIComponent(id)}/enable`),
};
