import { downloadUrl, http } from '../../lib/api/client';
import type {
  Finding,
  FindingAction,
  FindingCount,
  FindingExportFormat,
  FindingNote,
  FindingQuery,
  FindingRecordKind,
  FindingRequest,
  Page,
} from '../../lib/api/types';

const base = '/evaluation/findings';
const enc = encodeURIComponent;

/** The list's filters (what the export takes too). */
export type FindingFilter = Omit<FindingQuery, 'cursor' | 'limit'>;

export const findingsKeys = {
  all: ['findings'] as const,
  lists: ['findings', 'list'] as const,
  list: (f: FindingFilter) => ['findings', 'list', f] as const,
  summary: ['findings', 'summary'] as const,
  finding: (id: string) => ['findings', 'detail', id] as const,
  recordKinds: ['findings', 'record-kinds'] as const,
};

export const findingsApi = {
  list: (query: FindingQuery, signal?: AbortSignal) => http.get<Page<Finding>>(base, { query, signal }),

  /** The kinds of record a finding may name: those of the modules the caller's grant opens. */
  recordKinds: (signal?: AbortSignal) => http.get<FindingRecordKind[]>('/evaluation/record-kinds', { signal }),

  /** By township and module: how many wait for an answer. */
  summary: (signal?: AbortSignal) => http.get<FindingCount[]>(`${base}/summary`, { signal }),

  /** The export takes the list's filters (downloaded with the session cookie). */
  exportUrl: (format: FindingExportFormat, filter: FindingFilter) =>
    downloadUrl(`${base}/export`, { format, ...filter }),

  /** One finding with its thread and ETag (`"v3"`). */
  finding: (id: string, signal?: AbortSignal) => http.getTagged<Finding>(`${base}/${enc(id)}`, { signal }),

  post: (body: FindingRequest) => http.postTagged<Finding>(base, body),

  act: (id: string, action: FindingAction, body: FindingNote, etag: string) =>
    http.postTagged<Finding>(`${base}/${enc(id)}/${action}`, body, { ifMatch: etag }),
};
