import { downloadUrl, http } from '../../lib/api/client';
import type {
  Application,
  ApplicationAction,
  ApplicationActionRequest,
  ApplicationExportFormat,
  ApplicationFilter,
  ApplicationItemDetail,
  ApplicationItemOption,
  ApplicationItemQuery,
  ApplicationListItem,
  ApplicationQuery,
  ApplicationSummary,
  Page,
  RegisterApplicationRequest,
} from '../../lib/api/types';

const base = '/service-centre';
const enc = encodeURIComponent;

export const applicationsKeys = {
  all: ['applications'] as const,
  lists: ['applications', 'list'] as const,
  list: (q: ApplicationFilter) => ['applications', 'list', q] as const,
  summary: ['applications', 'summary'] as const,
  detail: (id: string) => ['applications', 'detail', id] as const,
  /** The revealed view (full ID number and phone) is its own cache entry: it is asked for on purpose, and audited. */
  revealed: (id: string) => ['applications', 'detail', id, 'revealed'] as const,
  itemSearch: (q: string) => ['applications', 'items', 'search', q] as const,
  item: (id: string, asOf: string) => ['applications', 'items', 'detail', id, asOf] as const,
};

export const applicationsApi = {
  /** 登记: the key makes a retried or double-clicked submit give back the first application instead of a second one. */
  register: (body: RegisterApplicationRequest, idempotencyKey: string) =>
    http.postTagged<Application>(`${base}/applications`, body, { idempotencyKey }),

  list: (query: ApplicationQuery, signal?: AbortSignal) =>
    http.get<Page<ApplicationListItem>>(`${base}/applications`, { query, signal }),
  summary: (signal?: AbortSignal) => http.get<ApplicationSummary>(`${base}/applications/summary`, { signal }),
  /** The filtered list as a file (a plain link: the browser downloads it with the session cookie). */
  exportUrl: (format: ApplicationExportFormat, filter: ApplicationFilter) =>
    downloadUrl(`${base}/applications/export`, { format, ...filter }),

  /** One application with its timeline and ETag; `reveal` shows the full ID number and phone (clerks and agents, audited). */
  get: (id: string, reveal: boolean, signal?: AbortSignal) =>
    http.getTagged<Application>(`${base}/applications/${enc(id)}`, { query: { reveal: reveal || undefined }, signal }),
  act: (id: string, action: ApplicationAction, body: ApplicationActionRequest, etag: string) =>
    http.postTagged<Application>(`${base}/applications/${enc(id)}/${action}`, body, { ifMatch: etag }),

  items: (query: ApplicationItemQuery, signal?: AbortSignal) =>
    http.get<Page<ApplicationItemOption>>(`${base}/items`, { query, signal }),
  item: (id: string, asOf: string | undefined, signal?: AbortSignal) =>
    http.get<ApplicationItemDetail>(`${base}/items/${enc(id)}`, { query: { asOf }, signal }),
};
