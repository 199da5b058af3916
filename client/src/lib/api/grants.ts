// Evaluation grants (评估任务): the query keys every grant list shares, and the active grants the user and token
// forms offer to an evaluator (the grants feature, features/grants/api.ts, adds the administration).
import { http } from './client';
import type { EvaluationGrant, GrantQuery, Page } from './types';

export const grantsBase = '/organization/evaluation-grants';

export const grantKeys = {
  all: ['organization', 'grants'] as const,
  list: (q: Omit<GrantQuery, 'cursor'>) => ['organization', 'grants', 'list', q] as const,
  active: ['organization', 'grants', 'active'] as const,
  detail: (id: string) => ['organization', 'grants', 'detail', id] as const,
  readLog: (id: string) => ['organization', 'grants', 'read-log', id] as const,
};

export const grantDirectoryApi = {
  /** The grants an evaluator user or token may join now (one page of the largest size). */
  active: async (signal?: AbortSignal): Promise<EvaluationGrant[]> =>
    (await http.get<Page<EvaluationGrant>>(grantsBase, { query: { status: 'active', limit: 200 }, signal })).items,
};
