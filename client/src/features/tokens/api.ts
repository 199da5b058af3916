import { http } from '../../lib/api/client';
import type { ApiToken, CreateApiTokenRequest, CreatedApiToken, Page, PageQuery } from '../../lib/api/types';

const base = '/organization/api-tokens';

export const tokenKeys = {
  list: ['tokens', 'list'] as const,
};

export const tokensApi = {
  list: (query: PageQuery, signal?: AbortSignal) => http.get<Page<ApiToken>>(base, { query, signal }),
  create: (body: CreateApiTokenRequest) => http.post<CreatedApiToken>(base, body),
  revoke: (id: string) => http.delete(`${base}/${encodeURIComponent(id)}`),
};
