import { http } from '../../lib/api/client';
import type { AuditEntry, AuditQuery, AuditVerifyResult, Page } from '../../lib/api/types';

export const auditKeys = {
  entries: (q: Omit<AuditQuery, 'cursor'>) => ['audit', 'entries', q] as const,
};

export const auditApi = {
  entries: (query: AuditQuery, signal?: AbortSignal) => http.get<Page<AuditEntry>>('/audit/entries', { query, signal }),
  verify: () => http.get<AuditVerifyResult>('/audit/verify'),
};
