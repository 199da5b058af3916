import { downloadUrl, http } from '../../lib/api/client';
import type {
  Admission,
  AdmissionAction,
  AdmissionActionRequest,
  AdmissionCommentRequest,
  AdmissionQuery,
  Agreement,
  AgreementQuery,
  AssignItemsRequest,
  CreateAgreementRequest,
  CreatePowerItemRequest,
  EndEntryRequest,
  ExerciseAnswer,
  HealthQuery,
  HealthReport,
  ImportResult,
  ItemExportFormat,
  KpiReport,
  Page,
  PowerDomain,
  PowerItemDetail,
  PowerItemQuery,
  PowerItemVersion,
  PowerItemVersionRequest,
  PublicTownship,
  PublicListChange,
  PublishResult,
  RevokeAgreementRequest,
  SubmitAdmissionRequest,
  TownshipEntry,
  TownshipList,
  TownshipListQuery,
  WithdrawPowerItemRequest,
} from '../../lib/api/types';

const base = '/power-lists';
const enc = encodeURIComponent;

/**
 * A date far enough ahead that the latest version of any item is in force on it (to load an item's history): the
 * last day the API takes (its dates run 1900–2999).
 */
export const LATEST = '2999-12-31';

export const powersKeys = {
  all: ['powers'] as const,
  domains: ['powers', 'domains'] as const,
  items: (q: Omit<PowerItemQuery, 'cursor'>) => ['powers', 'items', 'list', q] as const,
  itemSearch: (q: string) => ['powers', 'items', 'search', q] as const,
  item: (id: string, asOf: string) => ['powers', 'items', 'detail', id, asOf] as const,
  itemAll: (id: string) => ['powers', 'items', 'detail', id] as const,
  township: (id: string, q: TownshipListQuery) => ['powers', 'townships', id, q] as const,
  townshipAll: ['powers', 'townships'] as const,
  agreements: (q: Omit<AgreementQuery, 'cursor'>) => ['powers', 'agreements', 'list', q] as const,
  agreement: (id: string) => ['powers', 'agreements', 'detail', id] as const,
  agreementsAll: ['powers', 'agreements'] as const,
  admissions: (q: Omit<AdmissionQuery, 'cursor'>) => ['powers', 'admissions', 'list', q] as const,
  admission: (id: string) => ['powers', 'admissions', 'detail', id] as const,
  admissionsAll: ['powers', 'admissions'] as const,
  health: (q: HealthQuery) => ['powers', 'health', q] as const,
  kpis: (from: string, to: string) => ['powers', 'kpis', from, to] as const,
  publicTownships: ['public', 'power-lists', 'townships'] as const,
  publicTownship: (id: string, asOf: string) => ['public', 'power-lists', 'township', id, asOf] as const,
  publicHistory: (id: string) => ['public', 'power-lists', 'history', id] as const,
};

export const powersApi = {
  domains: (signal?: AbortSignal) => http.get<PowerDomain[]>(`${base}/domains`, { signal }),

  items: (query: PowerItemQuery, signal?: AbortSignal) =>
    http.get<Page<PowerItemVersion>>(`${base}/items`, { query, signal }),
  /** An item as in force on `asOf`, with its whole history and the ETag for If-Match. */
  item: (id: string, asOf: string | undefined, signal?: AbortSignal) =>
    http.getTagged<PowerItemDetail>(`${base}/items/${enc(id)}`, { query: { asOf }, signal }),
  createItem: (body: CreatePowerItemRequest) => http.postTagged<PowerItemDetail>(`${base}/items`, body),
  reviseItem: (id: string, body: PowerItemVersionRequest, etag: string) =>
    http.postTagged<PowerItemDetail>(`${base}/items/${enc(id)}/versions`, body, { ifMatch: etag }),
  withdrawItem: (id: string, body: WithdrawPowerItemRequest, etag: string) =>
    http.postTagged<PowerItemDetail>(`${base}/items/${enc(id)}/withdraw`, body, { ifMatch: etag }),

  township: (townshipId: string, query: TownshipListQuery, signal?: AbortSignal) =>
    http.get<TownshipList>(`${base}/townships/${enc(townshipId)}/entries`, { query, signal }),
  assign: (body: AssignItemsRequest) => http.post<TownshipEntry[]>(`${base}/entries`, body),
  endEntry: (id: string, body: EndEntryRequest) => http.post<TownshipEntry>(`${base}/entries/${enc(id)}/end`, body),
  publish: (townshipId: string) => http.post<PublishResult>(`${base}/townships/${enc(townshipId)}/publish`),
  canExercise: (q: { townshipId: string; itemId: string; date?: string }, signal?: AbortSignal) =>
    http.get<ExerciseAnswer>(`${base}/can-exercise`, { query: q, signal }),

  agreements: (query: AgreementQuery, signal?: AbortSignal) =>
    http.get<Page<Agreement>>(`${base}/agreements`, { query, signal }),
  agreement: (id: string, signal?: AbortSignal) => http.getTagged<Agreement>(`${base}/agreements/${enc(id)}`, { signal }),
  createAgreement: (body: CreateAgreementRequest) => http.post<Agreement>(`${base}/agreements`, body),
  revokeAgreement: (id: string, body: RevokeAgreementRequest, etag: string) =>
    http.postTagged<Agreement>(`${base}/agreements/${enc(id)}/revoke`, body, { ifMatch: etag }),

  admissions: (query: AdmissionQuery, signal?: AbortSignal) =>
    http.get<Page<Admission>>(`${base}/admissions`, { query, signal }),
  /** A request with its timeline, what this user may do next, and the ETag for If-Match. */
  admission: (id: string, signal?: AbortSignal) => http.getTagged<Admission>(`${base}/admissions/${enc(id)}`, { signal }),
  submitAdmission: (body: SubmitAdmissionRequest) => http.post<Admission>(`${base}/admissions`, body),
  admissionAction: (id: string, action: AdmissionAction, body: AdmissionActionRequest, etag: string) =>
    http.postTagged<Admission>(`${base}/admissions/${enc(id)}/${action}`, body, { ifMatch: etag }),
  /** 意见: a note on the timeline that does not move the request. */
  commentAdmission: (id: string, body: AdmissionCommentRequest) =>
    http.postTagged<Admission>(`${base}/admissions/${enc(id)}/comments`, body),

  health: (query: HealthQuery, signal?: AbortSignal) => http.get<HealthReport>(`${base}/health`, { query, signal }),
  healthExportUrl: (query: HealthQuery) => downloadUrl(`${base}/health/export`, query),

  kpis: (from: string, to: string, signal?: AbortSignal) => http.get<KpiReport>(`${base}/kpis`, { query: { from, to }, signal }),
  kpisCsvUrl: (from: string, to: string) => downloadUrl(`${base}/kpis`, { from, to, format: 'csv' }),

  /** The catalogue as a file, with the list's filters. */
  itemsExportUrl: (format: ItemExportFormat, query: Pick<PowerItemQuery, 'asOf' | 'type' | 'domain' | 'q'>) =>
    downloadUrl(`${base}/items/export`, { format, ...query }),
  /** All or nothing: a 400 carries `report` (row, column, message) and nothing is imported. */
  importItems: (file: Blob, contentType: string, dryRun: boolean) =>
    http.post<ImportResult>(`${base}/items/import`, undefined, {
      query: { dryRun },
      raw: { data: file, contentType },
    }),
};

/** No login: the published lists. A 401 here must never end a session or send anybody to /login. */
export const publicPowersApi = {
  townships: (signal?: AbortSignal) =>
    http.get<PublicTownship[]>('/public/power-lists/townships', { signal, allowUnauthorized: true }),
  township: (townshipId: string, asOf: string | undefined, signal?: AbortSignal) =>
    http.get<TownshipList>(`/public/power-lists/townships/${enc(townshipId)}`, {
      query: { asOf },
      signal,
      allowUnauthorized: true,
    }),
  history: (townshipId: string, signal?: AbortSignal) =>
    http.get<PublicListChange[]>(`/public/power-lists/townships/${enc(townshipId)}/history`, { signal, allowUnauthorized: true }),
};
