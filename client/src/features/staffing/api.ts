import { http } from '../../lib/api/client';
import type {
  CreateExceptionRequest,
  CreatePlanRequest,
  CreateTransferRequest,
  ExceptionQuery,
  ExitRequest,
  HireRequest,
  LedgerPage,
  LedgerQuery,
  Page,
  PersonQuery,
  PostRequest,
  PostRequestAction,
  PostRequestActionRequest,
  PostRequestQuery,
  ResolveExceptionRequest,
  StaffingException,
  StaffingHealth,
  StaffingKpiMonth,
  StaffingPlan,
  StaffingTransfer,
  StaffPerson,
  StatementPage,
  StatementQuery,
  SubmitPostRequest,
  TransferQuery,
  TransferSummary,
} from '../../lib/api/types';

const base = '/staffing';
const enc = encodeURIComponent;

export const staffingKeys = {
  all: ['staffing'] as const,
  ledger: (q: Omit<LedgerQuery, 'cursor'>) => ['staffing', 'ledger', q] as const,
  statement: (id: string, q: Omit<StatementQuery, 'cursor'>) => ['staffing', 'statement', id, q] as const,
  transfers: (q: Omit<TransferQuery, 'cursor'>) => ['staffing', 'transfers', 'list', q] as const,
  transfer: (id: string) => ['staffing', 'transfers', 'detail', id] as const,
  transferSummary: ['staffing', 'transfers', 'summary'] as const,
  plans: (year: number) => ['staffing', 'plans', year] as const,
  requests: (q: Omit<PostRequestQuery, 'cursor'>) => ['staffing', 'requests', 'list', q] as const,
  request: (id: string) => ['staffing', 'requests', 'detail', id] as const,
  people: (q: Omit<PersonQuery, 'cursor'>) => ['staffing', 'people', 'list', q] as const,
  person: (id: string) => ['staffing', 'people', 'detail', id] as const,
  exceptions: (q: Omit<ExceptionQuery, 'cursor'>) => ['staffing', 'exceptions', q] as const,
  health: ['staffing', 'health'] as const,
  kpis: (from: string, to: string) => ['staffing', 'kpis', from, to] as const,
};

export const staffingApi = {
  ledger: (query: LedgerQuery, signal?: AbortSignal) => http.get<LedgerPage>(`${base}/ledger`, { query, signal }),
  statement: (establishmentId: string, query: StatementQuery, signal?: AbortSignal) =>
    http.get<StatementPage>(`${base}/establishments/${enc(establishmentId)}/statement`, { query, signal }),

  transfers: (query: TransferQuery, signal?: AbortSignal) =>
    http.get<Page<StaffingTransfer>>(`${base}/transfers`, { query, signal }),
  transfer: (id: string, signal?: AbortSignal) => http.get<StaffingTransfer>(`${base}/transfers/${enc(id)}`, { signal }),
  createTransfer: (body: CreateTransferRequest) => http.post<StaffingTransfer>(`${base}/transfers`, body),
  transferSummary: (signal?: AbortSignal) => http.get<TransferSummary>(`${base}/transfers/summary`, { signal }),

  plans: (year: number, signal?: AbortSignal) => http.get<StaffingPlan[]>(`${base}/plans`, { query: { year }, signal }),
  createPlan: (body: CreatePlanRequest) => http.post<StaffingPlan>(`${base}/plans`, body),

  requests: (query: PostRequestQuery, signal?: AbortSignal) =>
    http.get<Page<PostRequest>>(`${base}/post-requests`, { query, signal }),
  /** A request with its timeline, what this user may do next, and the ETag for If-Match. */
  request: (id: string, signal?: AbortSignal) => http.getTagged<PostRequest>(`${base}/post-requests/${enc(id)}`, { signal }),
  submitRequest: (body: SubmitPostRequest) => http.postTagged<PostRequest>(`${base}/post-requests`, body),
  requestAction: (id: string, action: PostRequestAction, body: PostRequestActionRequest, etag: string) =>
    http.postTagged<PostRequest>(`${base}/post-requests/${enc(id)}/${action}`, body, { ifMatch: etag }),

  people: (query: PersonQuery, signal?: AbortSignal) => http.get<Page<StaffPerson>>(`${base}/people`, { query, signal }),
  person: (id: string, signal?: AbortSignal) => http.getTagged<StaffPerson>(`${base}/people/${enc(id)}`, { signal }),
  hire: (body: HireRequest) => http.postTagged<StaffPerson>(`${base}/people`, body),
  exit: (id: string, body: ExitRequest, etag: string) =>
    http.postTagged<StaffPerson>(`${base}/people/${enc(id)}/exit`, body, { ifMatch: etag }),

  exceptions: (query: ExceptionQuery, signal?: AbortSignal) =>
    http.get<Page<StaffingException>>(`${base}/exceptions`, { query, signal }),
  createException: (body: CreateExceptionRequest) => http.postTagged<StaffingException>(`${base}/exceptions`, body),
  resolveException: (id: string, body: ResolveExceptionRequest, etag: string) =>
    http.postTagged<StaffingException>(`${base}/exceptions/${enc(id)}/resolve`, body, { ifMatch: etag }),

  health: (signal?: AbortSignal) => http.get<StaffingHealth>(`${base}/health`, { signal }),

  /** 编制指标 by month (YYYY-MM, both ends included). */
  kpis: (from: string, to: string, signal?: AbortSignal) =>
    http.get<StaffingKpiMonth[]>(`${base}/kpis`, { query: { from, to }, signal }),
};
