import { downloadUrl, http } from '../../lib/api/client';
import type {
  ServiceKpiCoverage,
  ServiceKpiLevel,
  ServiceKpiQuery,
  ServiceKpiReport,
  ServiceKpiRevision,
  ServiceKpiRevisionResult,
} from '../../lib/api/types';

const base = '/service-centre/kpis';

export const serviceKpisKeys = {
  all: ['serviceKpis'] as const,
  reports: ['serviceKpis', 'report'] as const,
  report: (q: ServiceKpiQuery) => ['serviceKpis', 'report', q] as const,
  coverage: (level: ServiceKpiLevel) => ['serviceKpis', 'coverage', level] as const,
  revisions: (month: string) => ['serviceKpis', 'revisions', month] as const,
};

/** `all` is the API's default: not sent (the coverage endpoint does not know it). */
const tier = (level: ServiceKpiLevel | undefined) => (level === 'all' ? undefined : level);

export const serviceKpisApi = {
  report: (q: ServiceKpiQuery, signal?: AbortSignal) =>
    http.get<ServiceKpiReport>(base, { query: { ...q, level: tier(q.level), format: 'json' }, signal }),
  /** The same report as a CSV file (a plain link: downloaded with the session cookie). */
  csvUrl: (q: ServiceKpiQuery) => downloadUrl(base, { ...q, level: tier(q.level), format: 'csv' }),
  coverage: (level: ServiceKpiLevel, signal?: AbortSignal) =>
    http.get<ServiceKpiCoverage>(`${base}/coverage`, { query: { level: tier(level) }, signal }),
  revisions: (month: string, signal?: AbortSignal) =>
    http.get<ServiceKpiRevision[]>(`${base}/revisions`, { query: { month }, signal }),
  /** 修订 (services.manage): records the next revision, with its reason, of every unit whose live figures differ from its frozen ones. */
  revise: (month: string, reason: string) =>
    http.post<ServiceKpiRevisionResult>(`${base}/revisions`, undefined, { query: { month, reason } }),
};
