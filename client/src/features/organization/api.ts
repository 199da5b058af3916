import { http } from '../../lib/api/client';
import { directoryApi, organizationKeys } from '../../lib/api/organization';
import type { CreateUserRequest, Page, User, UserQuery } from '../../lib/api/types';

export { organizationKeys };

const base = '/organization';

/** Regions, units and roles (shared with every module: lib/api/organization.ts) and the user administration. */
export const organizationApi = {
  ...directoryApi,
  users: (query: UserQuery, signal?: AbortSignal) => http.get<Page<User>>(`${base}/users`, { query, signal }),
  createUser: (body: CreateUserRequest) => http.post<User>(`${base}/users`, body),
  disableUser: (id: string) => http.post<User>(`${base}/users/${encodeURIComponent(id)}/disable`),
  enableUser: (id: string) => http.post<User>(`${base}/users/${encodeURIComponent(id)}/enable`),
};
