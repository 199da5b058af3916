import { downloadUrl, http } from '../../lib/api/client';
import type {
  AddOfficerRequest,
  AssessmentRankings,
  AssessmentRound,
  AssessmentRoundRequest,
  AssessmentSheet,
  AssessmentSheetRequest,
  Complaint,
  ComplaintHandling,
  ComplaintQuery,
  ComplaintRequest,
  FaultRecord,
  FaultRecordQuery,
  FaultRecordRequest,
  RoundAction,
  RoundQuery,
  RoundStepRequest,
  BenchmarkSet,
  CaseAction,
  CaseActionBodies,
  CaseQuery,
  CertificateRequest,
  CreateTeamRequest,
  Disclosure,
  DisclosureAction,
  DisclosureQuery,
  DisclosureRequest,
  EnforcementCase,
  EnforcementDomain,
  EnforcementTeam,
  LeaveRequest,
  OfficerDetail,
  Officer,
  OfficerQuery,
  Page,
  PowerItemDetail,
  PowerItemVersion,
  PublicDisclosure,
  PublicDisclosureQuery,
  PublicTeam,
  RegisterLeadRequest,
  StoredFile,
  TeamHealthReport,
  BenchmarkSetRequest,
  TownshipList,
  UpdateOfficerRequest,
  UpdateTeamRequest,
} from '../../lib/api/types';

const base = '/enforcement';
const enc = encodeURIComponent;

export const enforcementKeys = {
  all: ['enforcement'] as const,
  domains: ['enforcement', 'domains'] as const,
  teams: ['enforcement', 'teams', 'list'] as const,
  team: (id: string) => ['enforcement', 'teams', 'detail', id] as const,
  officers: (q: Omit<OfficerQuery, 'cursor'>) => ['enforcement', 'officers', 'list', q] as const,
  officer: (id: string) => ['enforcement', 'officers', 'detail', id] as const,
  health: ['enforcement', 'health'] as const,
  caseLists: ['enforcement', 'cases', 'list'] as const,
  cases: (q: Omit<CaseQuery, 'cursor'>) => ['enforcement', 'cases', 'list', q] as const,
  case: (id: string) => ['enforcement', 'cases', 'detail', id] as const,
  teamOfficers: (teamId: string) => ['enforcement', 'officers', 'team', teamId] as const,
  benchmarks: (itemCode: string) => ['enforcement', 'benchmarks', itemCode] as const,
  allBenchmarks: ['enforcement', 'benchmarks'] as const,
  disclosureLists: ['enforcement', 'disclosures', 'list'] as const,
  disclosures: (q: Omit<DisclosureQuery, 'cursor'>) => ['enforcement', 'disclosures', 'list', q] as const,
  publicDisclosures: (q: Omit<PublicDisclosureQuery, 'cursor'>) => ['public', 'enforcement', 'disclosures', q] as const,
  publicTeam: (townshipId: string) => ['public', 'enforcement', 'teams', townshipId] as const,
  /** The county's 行政处罚 items (the names on the 裁量基准 page, the editor's choice of item). */
  penaltyItems: ['enforcement', 'penalty-items'] as const,
  /** The township's list of powers (PowerLists) as of today: the items a case may rest on. */
  townshipItems: (townshipId: string) => ['enforcement', 'township-items', townshipId] as const,
  /** A power item as of a date (the legal basis a case's documents cite). */
  powerItem: (itemId: string, asOf: string) => ['enforcement', 'power-item', itemId, asOf] as const,
  complaintLists: ['enforcement', 'complaints', 'list'] as const,
  complaints: (q: Omit<ComplaintQuery, 'cursor'>) => ['enforcement', 'complaints', 'list', q] as const,
  complaint: (id: string) => ['enforcement', 'complaints', 'detail', id] as const,
  faultLists: ['enforcement', 'fault-records', 'list'] as const,
  faults: (q: Omit<FaultRecordQuery, 'cursor'>) => ['enforcement', 'fault-records', 'list', q] as const,
  roundLists: ['enforcement', 'assessments', 'list'] as const,
  rounds: (q: Omit<RoundQuery, 'cursor'>) => ['enforcement', 'assessments', 'list', q] as const,
  round: (id: string) => ['enforcement', 'assessments', 'detail', id] as const,
  sheet: (id: string, scorerId: string) => ['enforcement', 'assessments', 'sheet', id, scorerId] as const,
  rankings: (id: string) => ['enforcement', 'assessments', 'rankings', id] as const,
  /** Cases found by text (the pickers of complaints and fault records). */
  caseSearch: (q: string) => ['enforcement', 'cases', 'search', q] as const,
  officerSearch: (q: string) => ['enforcement', 'officers', 'search', q] as const,
};

export type ExportFormat = 'csv' | 'xlsx';

export const enforcementApi = {
  domains: (signal?: AbortSignal) => http.get<EnforcementDomain[]>(`${base}/domains`, { signal }),

  /** Every team in scope (one per township: a county has a few dozen at most). */
  teams: (signal?: AbortSignal) => http.get<Page<EnforcementTeam>>(`${base}/teams`, { query: { limit: 200 }, signal }),
  /** A team with its strength today and the ETag for If-Match. */
  team: (id: string, signal?: AbortSignal) => http.getTagged<EnforcementTeam>(`${base}/teams/${enc(id)}`, { signal }),
  createTeam: (body: CreateTeamRequest) => http.postTagged<EnforcementTeam>(`${base}/teams`, body),
  updateTeam: (id: string, body: UpdateTeamRequest, etag: string) =>
    http.putTagged<EnforcementTeam>(`${base}/teams/${enc(id)}`, body, { ifMatch: etag }),
  addOfficer: (teamId: string, body: AddOfficerRequest) =>
    http.postTagged<OfficerDetail>(`${base}/teams/${enc(teamId)}/officers`, body),

  officers: (query: OfficerQuery, signal?: AbortSignal) =>
    http.get<Page<Officer>>(`${base}/officers`, { query, signal }),
  exportUrl: (query: Omit<OfficerQuery, 'cursor' | 'limit'>, format: ExportFormat) =>
    downloadUrl(`${base}/officers/export`, { ...query, format }),
  /** An officer with every certificate held and the ETag for If-Match. */
  officer: (id: string, signal?: AbortSignal) =>
    http.getTagged<OfficerDetail>(`${base}/officers/${enc(id)}`, { signal }),
  updateOfficer: (id: string, body: UpdateOfficerRequest, etag: string) =>
    http.putTagged<OfficerDetail>(`${base}/officers/${enc(id)}`, body, { ifMatch: etag }),
  /** 换证: a new certificate beside the old ones. */
  renew: (id: string, body: CertificateRequest, etag: string) =>
    http.postTagged<OfficerDetail>(`${base}/officers/${enc(id)}/certificates`, body, { ifMatch: etag }),
  /** 调离 from a date. */
  leave: (id: string, body: LeaveRequest, etag: string) =>
    http.postTagged<OfficerDetail>(`${base}/officers/${enc(id)}/leave`, body, { ifMatch: etag }),

  health: (signal?: AbortSignal) => http.get<TeamHealthReport>(`${base}/health`, { signal }),

  /** 案件 in scope, newest first (the items have no officers, reviews or timeline: read the case for them). */
  cases: (query: CaseQuery, signal?: AbortSignal) =>
    http.get<Page<EnforcementCase>>(`${base}/cases`, { query, signal }),
  /** One case with its officers, reviews, discussions, timeline, allowed actions and the ETag for If-Match. */
  case: (id: string, signal?: AbortSignal) =>
    http.getTagged<EnforcementCase>(`${base}/cases/${enc(id)}`, { signal }),
  /** 线索登记 (a township user's own township unless `townshipId` names another in scope). */
  registerLead: (body: RegisterLeadRequest) => http.postTagged<EnforcementCase>(`${base}/cases`, body),
  /** One step of the case's workflow, based on the ETag the case was read with. */
  act: <A extends CaseAction>(id: string, action: A, body: CaseActionBodies[A], etag: string) =>
    http.postTagged<EnforcementCase>(`${base}/cases/${enc(id)}/${action}`, body, { ifMatch: etag }),
  /**
   * Stores an evidence file (the body is the file itself, with its type): the answer names it by SHA-256, which
   * 收集证据 then refers to. 413 when too large, 415 for a type the API does not keep.
   */
  uploadEvidence: (file: Blob, contentType: string) =>
    http.post<StoredFile>(`${base}/files`, undefined, { raw: { data: file, contentType } }),
  /** The address of a piece of evidence's file (a plain link: the browser downloads it with the session cookie). */
  evidenceFileUrl: (caseId: string, evidenceId: string) =>
    downloadUrl(`${base}/cases/${enc(caseId)}/evidence/${enc(evidenceId)}/file`),
  /** 裁量基准 of the caller's county for one power item (an empty list when the county has set none). */
  benchmarks: (itemCode: string, signal?: AbortSignal) =>
    http.get<BenchmarkSet[]>(`${base}/benchmarks`, { query: { itemCode }, signal }),
  /** Every 裁量基准 of the caller's county, by item code. */
  allBenchmarks: (signal?: AbortSignal) => http.get<BenchmarkSet[]>(`${base}/benchmarks`, { signal }),
  /** Replaces an item's 裁量基准 (If-Match once the set exists, i.e. from version 1 on). */
  putBenchmarks: (itemCode: string, body: BenchmarkSetRequest, etag: string | null) =>
    http.putTagged<BenchmarkSet>(`${base}/benchmarks/${enc(itemCode)}`, body, { ifMatch: etag }),
  /** The county catalogue's 行政处罚 items in force today (one page of the most the API gives: 200). */
  penaltyItems: (signal?: AbortSignal) =>
    http.get<Page<PowerItemVersion>>('/power-lists/items', { query: { type: 'CF', limit: 200 }, signal }),

  /** 行政执法公示 in scope, newest decision first (`late`: published after the due day or pending past it). */
  disclosures: (query: DisclosureQuery, signal?: AbortSignal) =>
    http.get<Page<Disclosure>>(`${base}/disclosures`, { query, signal }),
  /** One disclosure with its ETag. */
  disclosure: (id: string, signal?: AbortSignal) =>
    http.getTagged<Disclosure>(`${base}/disclosures/${enc(id)}`, { signal }),
  /** 公示 or 撤回, based on the ETag the disclosure was read with. */
  actDisclosure: (id: string, action: DisclosureAction, body: DisclosureRequest, etag: string) =>
    http.postTagged<Disclosure>(`${base}/disclosures/${enc(id)}/${action}`, body, { ifMatch: etag }),

  /** 公开：行政处罚决定公示 of a county or township (no login). */
  publicDisclosures: (query: PublicDisclosureQuery, signal?: AbortSignal) =>
    http.get<Page<PublicDisclosure>>('/public/enforcement/disclosures', { query, signal, allowUnauthorized: true }),
  /** 公开：a township's team, its certified officers, powers and complaint channel (no login). */
  publicTeam: (townshipId: string, signal?: AbortSignal) =>
    http.get<PublicTeam>(`/public/enforcement/teams/${enc(townshipId)}`, { signal, allowUnauthorized: true }),

  /** The township's 权责清单 today (PowerLists' own endpoint: the items a case may be filed on). */
  townshipItems: (townshipId: string, signal?: AbortSignal) =>
    http.get<TownshipList>(`/power-lists/townships/${enc(townshipId)}/entries`, { signal }),
  /** A power item with the version in force on `asOf` (PowerLists' own endpoint: the legal basis of a filed case). */
  powerItem: (itemId: string, asOf: string, signal?: AbortSignal) =>
    http.get<PowerItemDetail>(`/power-lists/items/${enc(itemId)}`, { query: { asOf }, signal }),

  /** 投诉举报 in scope, newest first (by state, team, case or officer). */
  complaints: (query: ComplaintQuery, signal?: AbortSignal) =>
    http.get<Page<Complaint>>(`${base}/complaints`, { query, signal }),
  /** One complaint with its ETag. */
  complaint: (id: string, signal?: AbortSignal) =>
    http.getTagged<Complaint>(`${base}/complaints/${enc(id)}`, { signal }),
  /** 登记投诉 (supervisors: enforcement.supervise). */
  recordComplaint: (body: ComplaintRequest) => http.postTagged<Complaint>(`${base}/complaints`, body),
  /** 办结投诉, based on the ETag the complaint was read with. */
  handleComplaint: (id: string, body: ComplaintHandling, etag: string) =>
    http.postTagged<Complaint>(`${base}/complaints/${enc(id)}/handle`, body, { ifMatch: etag }),

  /** 过错责任追究 records in scope, newest first (by team, officer, case or complaint; all by default). */
  faultRecords: (query: FaultRecordQuery, signal?: AbortSignal) =>
    http.get<Page<FaultRecord>>(`${base}/fault-records`, { query, signal }),
  /** Records a fault (append-only: there is no edit). */
  recordFault: (body: FaultRecordRequest) => http.post<FaultRecord>(`${base}/fault-records`, body),

  /** 双向考核 rounds the caller sees, latest period first. */
  rounds: (query: RoundQuery, signal?: AbortSignal) =>
    http.get<Page<AssessmentRound>>(`${base}/assessments`, { query, signal }),
  /** One round with its indicators, scorers, scored units, timeline and ETag. */
  round: (id: string, signal?: AbortSignal) =>
    http.getTagged<AssessmentRound>(`${base}/assessments/${enc(id)}`, { signal }),
  /** 创建考核 (county users with enforcement.assess). */
  createRound: (body: AssessmentRoundRequest) => http.postTagged<AssessmentRound>(`${base}/assessments`, body),
  /** 开始评分, 锁定 or 公布, based on the ETag the round was read with. */
  actRound: (id: string, action: RoundAction, body: RoundStepRequest, etag: string) =>
    http.postTagged<AssessmentRound>(`${base}/assessments/${enc(id)}/${action}`, body, { ifMatch: etag }),
  /** A scorer's sheet with its ETag (version 0 before the first submission). */
  sheet: (id: string, scorerId: string, signal?: AbortSignal) =>
    http.getTagged<AssessmentSheet>(`${base}/assessments/${enc(id)}/sheets/${enc(scorerId)}`, { signal }),
  /** Submits the whole sheet (If-Match once it has been submitted, i.e. from version 1 on). */
  putSheet: (id: string, scorerId: string, body: AssessmentSheetRequest, etag: string | null) =>
    http.putTagged<AssessmentSheet>(`${base}/assessments/${enc(id)}/sheets/${enc(scorerId)}`, body, {
      ifMatch: etag,
    }),
  /** 考核结果 (published, or a preview for the county's managers). */
  rankings: (id: string, signal?: AbortSignal) =>
    http.get<AssessmentRankings>(`${base}/assessments/${enc(id)}/rankings`, { signal }),
};
