import { API_BASE, buildHeaders, http, parseProblem } from '../../lib/api/client';
import type {
  Assessment,
  AssessmentAction,
  AssessmentActionRequest,
  AssessmentSummary,
  CorrectGradeRequest,
  Campaign,
  CampaignAction,
  CampaignActionRequest,
  CampaignNotice,
  ChoiceRequest,
  CreateAssessmentRequest,
  CreateCampaignRequest,
  DecideObjectionRequest,
  ExcellentNotice,
  GradeLine,
  Objection,
  ObjectionRequest,
  OutcomePreview,
  QualifyRequest,
  RankedCandidate,
  Registration,
  ScoreLine,
  ScoreRowError,
  Secondee,
  SecondeeQuery,
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
  campaigns: ['staffing', 'campaigns', 'list'] as const,
  campaign: (id: string) => ['staffing', 'campaigns', 'detail', id] as const,
  objections: (id: string) => ['staffing', 'campaigns', 'detail', id, 'objections'] as const,
  registrations: (id: string) => ['staffing', 'campaigns', 'detail', id, 'registrations'] as const,
  ranking: (id: string) => ['staffing', 'campaigns', 'detail', id, 'ranking'] as const,
  secondees: (q: Omit<SecondeeQuery, 'cursor'>) => ['staffing', 'secondees', 'list', q] as const,
  secondee: (id: string) => ['staffing', 'secondees', 'detail', id] as const,
  assessments: ['staffing', 'assessments', 'list'] as const,
  assessment: (id: string) => ['staffing', 'assessments', 'detail', id] as const,
  preview: (id: string) => ['staffing', 'assessments', 'detail', id, 'preview'] as const,
  campaignNotice: (id: string) => ['public', 'staffing', 'campaign-notice', id] as const,
  excellentNotice: (id: string) => ['public', 'staffing', 'excellent-notice', id] as const,
};

/** The score import refused some rows (400 with a `report`): nothing was saved; each row's problem is listed. */
export class ScoreImportRejected extends Error {
  readonly rows: ScoreRowError[];
  constructor(rows: ScoreRowError[]) {
    super(`${rows.length} row(s) refused`);
    this.name = 'ScoreImportRejected';
    this.rows = rows;
  }
}

/** The upload's content type: XLSX by name, else CSV. */
export function scoreFileType(file: { name: string }): string {
  return /\.xlsx$/i.test(file.name) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
}

/**
 * 成绩导入: a refused file is a 400 problem whose `report` lists the rows (as the catalogue imports'), thrown here as
 * ScoreImportRejected; any other failure is the usual ApiProblem.
 */
async function importScores(id: string, file: File): Promise<Registration[]> {
  const headers = buildHeaders('POST', false);
  headers.set('Content-Type', scoreFileType(file));
  const res = await fetch(`${API_BASE}${base}/campaigns/${enc(id)}/scores/import`, {
    method: 'POST',
    headers,
    body: file,
    credentials: 'same-origin',
  });
  if (!res.ok) {
    const problem = await parseProblem(res);
    const report = problem.extensions.report;
    if (Array.isArray(report)) throw new ScoreImportRejected(report as ScoreRowError[]);
    throw problem;
  }
  return (await res.json()) as Registration[];
}

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

  campaigns: (signal?: AbortSignal) => http.get<Page<Campaign>>(`${base}/campaigns`, { query: { limit: 200 }, signal }),
  /** A campaign with its posts, timeline, what this user may do next, and the ETag for If-Match. */
  campaign: (id: string, signal?: AbortSignal) => http.getTagged<Campaign>(`${base}/campaigns/${enc(id)}`, { signal }),
  createCampaign: (body: CreateCampaignRequest) => http.postTagged<Campaign>(`${base}/campaigns`, body),
  campaignAction: (id: string, action: CampaignAction, body: CampaignActionRequest, etag: string) =>
    http.postTagged<Campaign>(`${base}/campaigns/${enc(id)}/${action}`, body, { ifMatch: etag }),
  ranking: (id: string, signal?: AbortSignal) => http.get<RankedCandidate[]>(`${base}/campaigns/${enc(id)}/ranking`, { signal }),
  registrations: (id: string, signal?: AbortSignal) =>
    http.get<Registration[]>(`${base}/campaigns/${enc(id)}/registrations`, { signal }),
  register: (id: string, personId: string) =>
    http.post<Registration>(`${base}/campaigns/${enc(id)}/registrations`, { personId }),
  qualify: (id: string, registrationId: string, body: QualifyRequest) =>
    http.post<Registration>(`${base}/campaigns/${enc(id)}/registrations/${enc(registrationId)}/qualify`, body),
  scores: (id: string, lines: ScoreLine[]) => http.post<Registration[]>(`${base}/campaigns/${enc(id)}/scores`, lines),
  importScores,
  choose: (id: string, body: ChoiceRequest) => http.post<RankedCandidate[]>(`${base}/campaigns/${enc(id)}/choices`, body),
  objections: (id: string, signal?: AbortSignal) =>
    http.get<Objection[]>(`${base}/campaigns/${enc(id)}/objections`, { signal }),
  object: (id: string, body: ObjectionRequest) => http.post<Objection>(`${base}/campaigns/${enc(id)}/objections`, body),
  decide: (id: string, objectionId: string, body: DecideObjectionRequest) =>
    http.post<Objection>(`${base}/campaigns/${enc(id)}/objections/${enc(objectionId)}/decide`, body),

  secondees: (query: SecondeeQuery, signal?: AbortSignal) =>
    http.get<Page<Secondee>>(`${base}/secondees`, { query, signal }),
  secondee: (id: string, signal?: AbortSignal) => http.get<Secondee>(`${base}/secondees/${enc(id)}`, { signal }),

  assessments: (signal?: AbortSignal) =>
    http.get<Page<AssessmentSummary>>(`${base}/assessments`, { query: { limit: 200 }, signal }),
  assessment: (id: string, signal?: AbortSignal) => http.getTagged<Assessment>(`${base}/assessments/${enc(id)}`, { signal }),
  createAssessment: (body: CreateAssessmentRequest) => http.postTagged<Assessment>(`${base}/assessments`, body),
  grade: (id: string, grades: GradeLine[], etag: string) =>
    http.postTagged<Assessment>(`${base}/assessments/${enc(id)}/grades`, { grades }, { ifMatch: etag }),
  preview: (id: string, signal?: AbortSignal) =>
    http.get<OutcomePreview[]>(`${base}/assessments/${enc(id)}/preview`, { signal }),
  correctOutcome: (id: string, secondeeId: string, body: CorrectGradeRequest) =>
    http.postTagged<Assessment>(`${base}/assessments/${enc(id)}/grades/${enc(secondeeId)}/correction`, body),
  assessmentAction: (id: string, action: AssessmentAction, body: AssessmentActionRequest, etag: string) =>
    http.postTagged<Assessment>(`${base}/assessments/${enc(id)}/${action}`, body, { ifMatch: etag }),

  campaignNotice: (id: string, signal?: AbortSignal) =>
    http.get<CampaignNotice>(`/public${base}/campaigns/${enc(id)}/notice`, { signal, allowUnauthorized: true }),
  excellentNotice: (id: string, signal?: AbortSignal) =>
    http.get<ExcellentNotice>(`/public${base}/assessments/${enc(id)}/notice`, { signal, allowUnauthorized: true }),
};
