import { downloadUrl, http } from '../../lib/api/client';
import type { AuditCodes, AuditEntry, AuditQuery, AuditVerifyResult, Page } from '../../lib/api/types';

export const auditKeys = {
  entries: (q: Omit<AuditQuery, 'cursor'>) => ['audit', 'entries', q] as const,
  codes: ['audit', 'codes'] as const,
};

export const auditApi = {
  entries: (query: AuditQuery, signal?: AbortSignal) => http.get<Page<AuditEntry>>('/audit/entries', { query, signal }),
  codes: (signal?: AbortSignal) => http.get<AuditCodes>('/audit/codes', { signal }),
  verify: () => http.get<AuditVerifyResult>('/audit/verify'),
  /** The filtered trail as a file (the list's filters; the API audits the export). */
  exportUrl: (format: 'csv' | 'xlsx', query: Omit<AuditQuery, 'cursor'>) =>
    downloadUrl('/audit/entries/export', { format, ...query }),
};
