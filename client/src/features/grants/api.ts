import { http } from '../../lib/api/client';
import { grantKeys, grantsBase } from '../../lib/api/grants';
import type {
  AuditEntry,
  EvaluationGrant,
  EvaluationGrantRequest,
  GrantQuery,
  Page,
  PageQuery,
  RevokeGrantRequest,
} from '../../lib/api/types';

export { grantKeys };

const enc = encodeURIComponent;

/** 评估任务 administration (grants.manage), and what the grant's evaluators read (the audit trail). */
export const grantsApi = {
  list: (query: GrantQuery, signal?: AbortSignal) => http.get<Page<EvaluationGrant>>(grantsBase, { query, signal }),
  get: (id: string, signal?: AbortSignal) => http.getTagged<EvaluationGrant>(`${grantsBase}/${enc(id)}`, { signal }),
  create: (body: EvaluationGrantRequest) => http.post<EvaluationGrant>(grantsBase, body),
  change: (id: string, body: EvaluationGrantRequest, etag: string) =>
    http.putTagged<EvaluationGrant>(`${grantsBase}/${enc(id)}`, body, { ifMatch: etag }),
  revoke: (id: string, body: RevokeGrantRequest, etag: string) =>
    http.postTagged<EvaluationGrant>(`${grantsBase}/${enc(id)}/revoke`, body, { ifMatch: etag }),
  /** 评估机构查阅记录: every read of the grant's users and tokens, newest first. */
  reads: (id: string, query: PageQuery, signal?: AbortSignal) =>
    http.get<Page<AuditEntry>>('/audit/entries', {
      query: { ...query, recordType: 'evaluation_grant', recordId: id, action: 'evaluation.read' },
      signal,
    }),
};
