// Request and response types of the Governance API.
//
// Every shape the API describes comes from its OpenAPI document: `npm run gen:api` writes schema.d.ts from
// ../docs/openapi/v1.json and the declarations below are aliases of `components['schemas'][…]`. They are narrowed
// only where the client needs more than the document says (a literal union where the document has `string`),
// with `Narrow<>`; request bodies go through `RequestBody<>` (see there). Hand-written types remain only for what
// the document has no schema for: problem details as the API really sends them, the generic page, query
// parameters and the literal unions themselves.
// Keep every API type in this one file: nothing else imports from schema.d.ts.

import type { components } from './schema';

type Schemas = components['schemas'];

/**
 * `T` with some fields replaced by narrower types (e.g. `level: string` → `level: RegionLevel`).
 * Each replacement must be assignable to the original field, so this can only narrow, never change, a type.
 */
export type Narrow<T, N extends { [K in keyof N]: K extends keyof T ? T[K] : never }> = Omit<T, keyof N> & N;

/**
 * A request body. The generator marks every field of the API's request records required and `| null` (they are
 * all nullable on the server, which validates them itself and answers 400 with field errors), so here every field
 * may also be left out.
 */
export type RequestBody<T> = { [K in keyof T]?: T[K] };

/** RFC 9457 problem details as the API sends them (title/detail already in Chinese), extension members included. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  /** Field name (camelCase, as in the request body; indexed like `legalBasis[0].law`) → messages. */
  errors?: Record<string, string[]>;
  traceId?: string;
  /** Extension members, e.g. `overlaps` of powers.entry_overlap. */
  [extension: string]: unknown;
}

/** A keyset-paginated list (the document has one `PageOfX` schema per item type). `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageQuery {
  cursor?: string | null;
  limit?: number;
}

/**
 * One line of a workflow's timeline (applications, admissions, rectifications, queue tickets all have this shape):
 * `action` is the step taken (or how the record began, e.g. `register`, `open`), `note` what was written with it.
 */
export type WorkflowEvent = Schemas['WorkflowEvent'];

// ---------- auth ----------

/** Exactly the server's permissions (Roles.AllPermissions); ClientContractTests keeps the two in step. */
export type Permission =
  | 'users.read'
  | 'users.manage'
  | 'tokens.manage'
  | 'grants.manage'
  | 'findings.read'
  | 'findings.post'
  | 'findings.answer'
  | 'calendar.manage'
  | 'audit.read'
  | 'powers.manage'
  | 'agreements.manage'
  | 'admissions.submit'
  | 'admissions.review'
  | 'admissions.decide'
  | 'admissions.comment'
  | 'services.manage'
  | 'ratings.rectify'
  | 'applications.register'
  | 'applications.handle'
  | 'queue.call'
  | 'kpis.revise'
  | 'staffing.manage'
  | 'staffing.request'
  | 'enforcement.teams'
  | 'enforcement.leads'
  | 'enforcement.file'
  | 'enforcement.investigate'
  | 'enforcement.review'
  | 'enforcement.benchmarks'
  | 'enforcement.assess'
  | 'enforcement.assess_score'
  | 'enforcement.supervise';

/** `province` is not in the written contract but the API knows the level; tolerated for display. */
export type RegionLevel = 'province' | 'county' | 'township' | 'village';

export type RegionKind = 'county' | 'township' | 'street' | 'village' | 'community';

export type LoginRequest = RequestBody<Schemas['LoginRequest']>;

/** An evaluator's grant as /auth/me shows it: what it may read, and the regions it may switch between. */
export type MyGrant = Narrow<Schemas['MyGrantResponse'], { modules: EvaluationModule[]; regions: GrantRegion[] }>;

export type Me = Narrow<Schemas['MeResponse'], { regionLevel: RegionLevel; grant?: MyGrant | null }>;

export type SwitchScopeRequest = RequestBody<Schemas['SwitchScopeRequest']>;

// ---------- organization ----------

export type RoleOption = Narrow<Schemas['RoleResponse'], { levels: RegionLevel[] }>;

export type Region = Narrow<Schemas['RegionResponse'], { level: RegionLevel; kind: RegionKind }>;

export type RegionAncestor = Narrow<Schemas['RegionRef'], { level: RegionLevel }>;

export type RegionDetail = Narrow<
  Schemas['RegionDetailResponse'],
  { level: RegionLevel; kind: RegionKind; ancestors: RegionAncestor[] }
>;

export type Unit = Schemas['UnitResponse'];

export interface UnitQuery extends PageQuery {
  regionId?: string;
  q?: string;
  /** e.g. county_department */
  kind?: string;
}

export type User = Schemas['UserResponse'];

export interface UserQuery extends PageQuery {
  q?: string;
  regionId?: string;
  role?: string;
}

export type CreateUserRequest = RequestBody<Schemas['CreateUserRequest']>;

// ---------- API tokens ----------

export type ApiToken = Schemas['ApiTokenResponse'];

export type CreateApiTokenRequest = RequestBody<Schemas['IssueApiTokenRequest']>;

/** Only the create response carries the plain token; it is never shown again. */
export type CreatedApiToken = Schemas['IssuedApiTokenResponse'];

// ---------- evaluation grants (评估任务) ----------

/** The business modules a grant can open to an evaluator (EvaluationModules on the server). */
export type EvaluationModule = 'power_lists' | 'service_centre' | 'staffing' | 'enforcement';

/** active (有效), expired (已到期), revoked (已撤销). */
export type GrantStatus = 'active' | 'expired' | 'revoked';

export type GrantRegion = Narrow<Schemas['GrantRegionResponse'], { level: RegionLevel }>;

export type GrantUser = Schemas['GrantUserResponse'];

export type GrantToken = Schemas['GrantTokenResponse'];

export type EvaluationGrant = Narrow<
  Schemas['EvaluationGrantResponse'],
  { townships: GrantRegion[]; modules: EvaluationModule[]; status: GrantStatus }
>;

export type EvaluationGrantRequest = Narrow<
  RequestBody<Schemas['EvaluationGrantRequest']>,
  { modules?: EvaluationModule[] }
>;

export type RevokeGrantRequest = RequestBody<Schemas['RevokeGrantRequest']>;

export interface GrantQuery extends PageQuery {
  status?: GrantStatus;
  /** Part of the organisation or the purpose. */
  q?: string;
}

// ---------- calendar ----------

/** off = statutory holiday (休), work = make-up working day (班, 调休上班). */
export type CalendarDayKind = 'off' | 'work';

export type CalendarDay = Narrow<Schemas['CalendarDayResponse'], { kind: CalendarDayKind }>;

/** Only the exceptions to the Monday–Friday rule. */
export type CalendarYear = Narrow<Schemas['CalendarYearResponse'], { days: CalendarDay[] }>;

export type MarkDayRequest = Narrow<RequestBody<Schemas['MarkDayRequest']>, { kind?: CalendarDayKind }>;

/** seed = shipped with the product, upload = loaded by a county admin. */
export type CalendarYearSource = 'seed' | 'upload';

/** A year whose official arrangement (国务院办公厅通知) is loaded; other years are judged Monday–Friday (provisional). */
export type LoadedYear = Narrow<Schemas['LoadedYearResponse'], { source: CalendarYearSource }>;

/** The loaded years, the county's today and the admin's warning (this year, or from 1 November next year, missing). */
export type LoadedYears = Narrow<Schemas['LoadedYearsResponse'], { years: LoadedYear[] }>;

export type CalendarWarning = Schemas['CalendarWarningResponse'];

export type CalendarYearUploadResult = Schemas['CalendarYearUploadResult'];

// ---------- audit ----------

export type AuditOutcome = 'success' | 'denied' | 'failed';

export type AuditEntry = Narrow<Schemas['AuditEntryResponse'], { outcome: AuditOutcome }>;

export interface AuditQuery extends PageQuery {
  /** ISO date-time, inclusive. */
  from?: string;
  /** ISO date-time, exclusive. */
  to?: string;
  /** Actor: a username, a user id, or part of a display name. */
  actor?: string;
  recordType?: string;
  recordId?: string;
  action?: string;
  outcome?: AuditOutcome;
}

export type AuditVerifyResult = Schemas['ChainVerification'];

/** A code of the trail (module, action or record type) with its Chinese and English labels. */
export type AuditCode = Schemas['AuditCode'];

export type AuditCodes = Schemas['AuditCodes'];

// ---------- power lists (权责清单) ----------

/** The ten kinds of administrative power; the first two letters of an item's code. */
export type PowerType = 'XK' | 'CF' | 'QZ' | 'ZS' | 'JF' | 'JC' | 'QR' | 'JL' | 'CJ' | 'QT';

/** 法定 / 赋权 / 委托 */
export type ExerciseMode = 'statutory' | 'granted' | 'entrusted';

/** 基本履职事项 / 配合履职事项 / 上级部门收回事项 */
export type ListKind = 'basic' | 'supporting' | 'withdrawn';

/** `pending` (term not started yet) is sent but cannot be filtered on. */
export type AgreementStatus = 'pending' | 'in_force' | 'expiring' | 'expired' | 'revoked';

export type PowerDomain = Schemas['DomainResponse'];

export type LegalBasis = Schemas['LegalBasis'];

/** One version of a catalogue item (the one in force on the asked date in lists). */
export type PowerItemVersion = Narrow<Schemas['ItemVersionResponse'], { type: PowerType }>;

export type PowerItemDetail = Narrow<
  Schemas['ItemDetailResponse'],
  { current: PowerItemVersion | null; versions: PowerItemVersion[] }
>;

export interface PowerItemQuery extends PageQuery {
  q?: string;
  type?: PowerType;
  domain?: string;
  departmentId?: string;
  /** YYYY-MM-DD; the API's default is today in the county. */
  asOf?: string;
  includeWithdrawn?: boolean;
}

export type CreatePowerItemRequest = Narrow<RequestBody<Schemas['CreateItemRequest']>, { type?: PowerType }>;

export type PowerItemVersionRequest = Narrow<RequestBody<Schemas['ItemVersionRequest']>, { type?: PowerType }>;

export type WithdrawPowerItemRequest = RequestBody<Schemas['WithdrawItemRequest']>;

export type TownshipEntry = Narrow<Schemas['EntryResponse'], { mode: ExerciseMode; listKind: ListKind }>;

export type TownshipList = Narrow<Schemas['TownshipListResponse'], { entries: TownshipEntry[] }>;

export interface TownshipListQuery {
  asOf?: string;
  domain?: string;
  mode?: ExerciseMode;
  listKind?: ListKind;
}

export type AssignItemsRequest = Narrow<
  RequestBody<Schemas['AssignItemsRequest']>,
  { mode?: ExerciseMode; listKind?: ListKind }
>;

export type EndEntryRequest = RequestBody<Schemas['EndEntryRequest']>;

export type PublishResult = Schemas['PublishResponse'];

export type ExerciseAnswer = Narrow<Schemas['ExerciseAnswer'], { mode: ExerciseMode | null; listKind: ListKind | null }>;

export type AgreementItem = Schemas['AgreementItem'];

export type Agreement = Narrow<Schemas['AgreementResponse'], { status: AgreementStatus }>;

export interface AgreementQuery extends PageQuery {
  townshipId?: string;
  status?: Exclude<AgreementStatus, 'pending'>;
}

export type CreateAgreementRequest = RequestBody<Schemas['CreateAgreementRequest']>;

export type RevokeAgreementRequest = RequestBody<Schemas['RevokeAgreementRequest']>;

/** A township with a published list (public index, no login). */
export type PublicTownship = Schemas['PublicTownship'];
export type PublicCounty = Schemas['PublicCounty'];
/** One change of a published township list: 调入 (added) or 调出 (ended) on a day. */
export type PublicListChange = Narrow<Schemas['PublicListChange'], { change: 'added' | 'ended'; mode: ExerciseMode }>;

// ---------- admissions (职责准入 / 收回) ----------

/** admission = 准入 (a county department hands a duty to townships), withdrawal = 收回 (takes it back). */
export type AdmissionKind = 'admission' | 'withdrawal';

/** 待编办审核 / 已退回补充 / 待县领导决定 / 已批准 / 不予批准 */
export type AdmissionState = 'submitted' | 'returned' | 'under_decision' | 'approved' | 'rejected';

export type AdmissionAction = 'return' | 'forward' | 'resubmit' | 'approve' | 'reject';

export type AdmissionTownship = Schemas['AdmissionTownship'];

/** One line of an admission's timeline; `action` is `submit`, `comment` (意见) or one of the actions. */
export type AdmissionEvent = WorkflowEvent;

export type Admission = Narrow<
  Schemas['AdmissionResponse'],
  {
    kind: AdmissionKind;
    state: AdmissionState;
    mode: ExerciseMode;
    listKind: ListKind;
    /** What THIS user may do next (the API decides by role and state). */
    allowedActions: AdmissionAction[];
  }
>;

export interface AdmissionQuery extends PageQuery {
  state?: AdmissionState;
  kind?: AdmissionKind;
}

export type SubmitAdmissionRequest = Narrow<
  RequestBody<Schemas['SubmitAdmissionRequest']>,
  { kind?: AdmissionKind; mode?: ExerciseMode; listKind?: ListKind }
>;

export type AdmissionActionRequest = RequestBody<Schemas['AdmissionActionRequest']>;

export type AdmissionCommentRequest = RequestBody<Schemas['AdmissionCommentRequest']>;

// ---------- 清单体检 (health check) ----------

export type HealthSeverity = 'error' | 'warning';

export type HealthFlag = Narrow<Schemas['HealthFlag'], { severity: HealthSeverity }>;

export type HealthKindCount = Narrow<Schemas['HealthKindCount'], { severity: HealthSeverity }>;

export type HealthTownshipCount = Schemas['HealthTownshipCount'];

export type HealthReport = Narrow<Schemas['HealthReport'], { byKind: HealthKindCount[]; flags: HealthFlag[] }>;

export interface HealthQuery {
  townshipId?: string;
  asOf?: string;
}

// ---------- catalogue import / export ----------

export type ImportResult = Schemas['ImportResult'];

/** One bad cell of an import file: the `report` extension member of the 400 (nothing is imported then). */
export interface ImportReportRow {
  row: number;
  column: string;
  message: string;
}

export type ItemExportFormat = 'csv' | 'xlsx';

// ---------- KPIs (the document has no schema for this response) ----------

export interface KpiDefinition {
  code: string;
  name: string;
  numerator: string;
  denominator: string;
  unit: string;
  target: number | null;
  direction: 'higher' | 'lower' | 'none';
}

export interface KpiRate {
  numerator: number;
  denominator: number;
  /** 0..1, null when the denominator is 0 */
  rate: number | null;
  target: number | null;
}

export interface KpiCount {
  key: string;
  name: string;
  value: number;
}

export interface KpiMonth {
  /** YYYY-MM */
  month: string;
  asOf: string;
  completeness: KpiRate;
  churn: KpiRate;
  itemsByType: KpiCount[];
  entriesByMode: KpiCount[];
  entriesByListKind: KpiCount[];
  entriesByTownship: KpiCount[];
}

export interface KpiReport {
  definitions: KpiDefinition[];
  months: KpiMonth[];
}

// ---------- notifications (站内通知) ----------

export type Notice = Schemas['NoticeResponse'];

export type UnreadCount = Schemas['UnreadCount'];
export type TodoCount = Schemas['TodoCount'];
export type TodoResponse = Schemas['TodoResponse'];

export interface NoticeQuery extends PageQuery {
  unreadOnly?: boolean;
}

// ---------- service centre applications (便民服务中心: 办件) ----------

/** 已接件 / 已受理 / 不予受理 / 补正中 / 已办结 / 已送达 */
export type ApplicationState = 'received' | 'accepted' | 'refused' | 'suspended' | 'completed' | 'delivered';

/** The steps of an application (POST /applications/{id}/accept … /deliver, each its own route, with If-Match). */
export type ApplicationAction = 'accept' | 'refuse' | 'suspend' | 'resume' | 'complete' | 'forward' | 'deliver';

/** 窗口 / 网上 / 掌上(APP) / 自助一体机 / 村代办点 */
export type ApplicationChannel = 'window' | 'online' | 'mobile' | 'kiosk' | 'village_point';

/** 个人 / 法人或其他组织 */
export type ApplicantKind = 'person' | 'organisation';

/** 准予 / 不予 (办结) */
export type ApplicationOutcome = 'approved' | 'rejected';

/** 窗口领取 / 邮寄 (送达) */
export type DeliveryMethod = 'pickup' | 'post';

/** One line of an application's timeline; `action` is `register` or one of the steps. */
export type ApplicationEvent = WorkflowEvent;

/** 已收 / 缺少 / 待补正 (asked for in a 补正 until the application resumes) */
export type MaterialStatus = 'received' | 'missing' | 'requested';

/** 原件 / 复印件: how a received material was handed in. */
export type ReceivedForm = 'original' | 'copy';

/** A line of an application's 收件清单: the guide's material (as of its item version) and what became of it. */
export type ApplicationMaterial = Narrow<
  Schemas['ApplicationMaterialResponse'],
  { form: MaterialForm; status: MaterialStatus; receivedForm: ReceivedForm | null }
>;

/** A material of the guide as the clerk ticked it at registration (not ticked: missing). */
export type MaterialCheck = Narrow<
  Schemas['MaterialCheck'],
  { status: 'received' | 'missing'; receivedForm: ReceivedForm | null }
>;

/** An application with its timeline and what THIS user may do next (`allowedActions`); personal data masked unless revealed. */
export type Application = Narrow<
  Schemas['ApplicationResponse'],
  {
    materials: ApplicationMaterial[];
    state: ApplicationState;
    channel: ApplicationChannel;
    applicantKind: ApplicantKind;
    outcome: ApplicationOutcome | null;
    deliveryMethod: DeliveryMethod | null;
    allowedActions: ApplicationAction[];
  }
>;

/** A row of 办件查询 (personal data always masked). */
export type ApplicationListItem = Narrow<
  Schemas['ApplicationListItem'],
  { state: ApplicationState; channel: ApplicationChannel; applicantKind: ApplicantKind; outcome: ApplicationOutcome | null }
>;

/** The workbench's figures (一屏掌握). */
export type ApplicationSummary = Schemas['ApplicationSummary'];

export type RegisterApplicationRequest = Narrow<
  RequestBody<Schemas['RegisterApplicationRequest']>,
  { channel?: ApplicationChannel; applicantKind?: ApplicantKind; materials?: MaterialCheck[] | null }
>;

export type ApplicationActionRequest = Narrow<
  RequestBody<Schemas['ApplicationActionRequest']>,
  { outcome?: ApplicationOutcome | null; deliveryMethod?: DeliveryMethod | null }
>;

/** Filters of 办件查询 and its export (the API binds the names case-insensitively). */
export interface ApplicationFilter {
  state?: ApplicationState;
  itemId?: string;
  regionId?: string;
  /** YYYY-MM-DD, received on or after */
  from?: string;
  /** YYYY-MM-DD, received on or before */
  to?: string;
  /** The start of a name, or a whole ID number or phone. */
  applicant?: string;
  overdue?: boolean;
  dueSoon?: boolean;
}

export interface ApplicationQuery extends ApplicationFilter, PageQuery {}

export type ApplicationExportFormat = 'csv' | 'xlsx';

/** A service item as the register form offers it (the version in force today, with its 办事指南). */
export type ApplicationItemOption = Schemas['ServiceItemVersionResponse'];

/** A service item with its versions (the receipt reads the consultation phone of the version it was received under). */
export type ApplicationItemDetail = Schemas['ServiceItemDetailResponse'];

export interface ApplicationItemQuery extends PageQuery {
  q?: string;
}


// ---------- service centre (便民服务中心: 事项目录 / 办事指南) ----------

/** 乡镇 / 村级 */
export type ServiceLevel = 'township' | 'village';

/** 即办件 (completed on the spot) / 承诺件 (completed within the promised working days) */
export type ServiceKind = 'immediate' | 'promised';

/** 原件 / 复印件 / 原件和复印件 */
export type MaterialForm = 'original' | 'copy' | 'both';

/** 窗口, 网上, 掌上/APP, 自助一体机, 村代办点 */
export type ServiceChannel = 'window' | 'online' | 'mobile' | 'kiosk' | 'village_point';

export type ServiceMaterial = Narrow<Schemas['Material'], { form: MaterialForm }>;

/** One version of a service item with its guide (办事指南). */
export type ServiceItemVersion = Narrow<
  Schemas['ServiceItemVersionResponse'],
  { level: ServiceLevel; kind: ServiceKind; materials: ServiceMaterial[]; channels: ServiceChannel[] }
>;

export type ServiceItemDetail = Narrow<
  Schemas['ServiceItemDetailResponse'],
  { current: ServiceItemVersion | null; versions: ServiceItemVersion[] }
>;

export interface ServiceItemQuery extends PageQuery {
  /** Part of the code or the name. */
  q?: string;
  level?: ServiceLevel;
  kind?: ServiceKind;
  /** YYYY-MM-DD; the API's default is today in the county. */
  asOf?: string;
}

/** The public list of a county's published guides (not paginated: at most 500). */
export interface PublicServiceItemQuery {
  /** Part of the name. */
  q?: string;
  level?: ServiceLevel;
}

/** Create (with `code`) and revise (without) take the same body. */
export type ServiceItemRequest = Narrow<
  RequestBody<Schemas['ServiceItemRequest']>,
  { level?: ServiceLevel; kind?: ServiceKind; materials?: ServiceMaterial[]; channels?: ServiceChannel[] }
>;

// ---------- service network and queue (服务网点、排队叫号) ----------

/** 县行政服务中心 / 乡镇（街道）便民服务中心 / 村（社区）代办点 */
export type CentreTier = 'county' | 'township' | 'village';

/** 等候中 / 已叫号 / 办理中 / 已完成 / 过号 */
export type TicketState = 'waiting' | 'called' | 'serving' | 'done' | 'no_show';

/** The steps of a called ticket (POST /tickets/{ticketId}/serve|done|no-show, with If-Match). */
export type TicketAction = 'serve' | 'done' | 'no-show';

export type Centre = Narrow<Schemas['CentreResponse'], { tier: CentreTier }>;

/** A window of a centre; no `itemIds` means a general window (综合窗口) that serves every item. */
export type CentreWindow = Schemas['WindowResponse'];

/** An item a centre offers (事项进驻), named as in its latest version. */
export type OfferedItem = Schemas['OfferedItem'];

export type CentreDetail = Narrow<Schemas['CentreDetailResponse'], { centre: Centre }>;

export interface CentreQuery extends PageQuery {
  tier?: CentreTier;
  /** Part of the name. */
  q?: string;
}

export type CreateCentreRequest = RequestBody<Schemas['CentreRequest']>;

export type OfferedItemsRequest = RequestBody<Schemas['OfferedItemsRequest']>;

export type CreateWindowRequest = RequestBody<Schemas['WindowRequest']>;

/**
 * A queue ticket (A001 …), numbered per centre and day, with what THIS user may do with it now (`allowedActions`;
 * none on the public side) and its `version` for If-Match.
 */
export type Ticket = Narrow<Schemas['TicketResponse'], { state: TicketState; allowedActions: TicketAction[] }>;

export type TakeTicketRequest = RequestBody<Schemas['TakeTicketRequest']>;

/** The signed-in clerk's window (remembered per user; all null before they pick one) and the ticket it handles now. */
export type ClerkWindow = Schemas['ClerkWindowResponse'];

/** One call on the hall display. */
export type QueueCall = Schemas['QueueCall'];

/** The hall display (叫号屏): latest calls (newest first), who waits, today's figures. */
export type QueueBoard = Schemas['QueueResponse'];

/** A centre as the public sees it (county hall and township centres only). */
export type PublicCentre = Narrow<Schemas['PublicCentre'], { tier: CentreTier }>;

// ---------- 好差评 and 差评整改 (ratings and rectifications) ----------

/** 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意 (1 and 2 are bad ratings: each opens a rectification). */
export type RatingLevel = 1 | 2 | 3 | 4 | 5;

/** 窗口评价器 / 网上 / 掌上 / 短信 / 二维码 */
export type RatingChannel = 'window' | 'online' | 'mobile' | 'sms' | 'qr';

/** What the applicant rates through without a login (the public endpoint refuses `window`). */
export type PublicRatingChannel = Exclude<RatingChannel, 'window'>;

export type Rating = Narrow<Schemas['RatingResponse'], { channel: RatingChannel }>;

export type RateRequest = RequestBody<Schemas['RateRequest']>;

export type PublicRateRequest = Narrow<RequestBody<Schemas['PublicRateRequest']>, { channel?: PublicRatingChannel | null }>;

export interface RatingQuery extends PageQuery {
  /** true: only 不满意 and 非常不满意 */
  bad?: boolean;
  /** YYYY-MM-DD, rated on or after */
  from?: string;
  /** YYYY-MM-DD, rated on or before */
  to?: string;
  applicationId?: string;
}

/** 待整改 / 已回访 / 已整改 / 已办结 / 申诉中 / 申诉成立 */
export type RectificationState = 'open' | 'called_back' | 'rectified' | 'closed' | 'appealed' | 'voided';

/** 回访 / 整改 / 评价人反馈 / 申诉 / 裁定 (POST /rectifications/{id}/callback … /decide, with If-Match) */
export type RectificationAction = 'callback' | 'rectify' | 'respond' | 'appeal' | 'decide';

export type RaterResponse = 'satisfied' | 'unsatisfied';

/** 申诉成立 / 申诉不成立 */
export type AppealDecision = 'upheld' | 'rejected';

/** One line of a rectification's timeline; `action` is `open` (the system) or one of the actions. */
export type RectificationEvent = WorkflowEvent;

/** A rectification with its timeline and what THIS user may do next (`allowedActions`). */
export type Rectification = Narrow<
  Schemas['RectificationResponse'],
  {
    state: RectificationState;
    raterResponse: RaterResponse | null;
    appealDecision: AppealDecision | null;
    allowedActions: RectificationAction[];
  }
>;

export type RectificationActionRequest = Narrow<
  RequestBody<Schemas['RectificationActionRequest']>,
  { response?: RaterResponse | null; decision?: AppealDecision | null }
>;

export interface RectificationQuery extends PageQuery {
  state?: RectificationState;
  /** The centre answering for the rectifications (one the caller can see). */
  centreId?: string;
  overdue?: boolean;
}

export type RectificationExportFormat = 'csv' | 'xlsx';

/** The applicant to call back (回访): masked unless `revealed`; `mayReveal` says whether this user may ask (audited). */
export type ApplicantContact = Schemas['ApplicantContact'];

// ---------- 便民服务指标 (service-centre KPIs; the document has no schema for the report) ----------

/** The tier of the centres counted: 县行政服务中心 / 乡镇便民服务中心 / 村代办点, or all of them. */
export type ServiceKpiLevel = 'county' | 'township' | 'village' | 'all';

export type ServiceKpiGroupBy = 'none' | 'township';

export interface ServiceKpiDefinition {
  /** SC_RECEIVED, SC_ON_THE_SPOT, SC_ON_TIME, SC_VISITS, SC_SATISFACTION, SC_RECTIFICATION, SC_FORWARDED */
  code: string;
  name: string;
  numerator: string;
  denominator: string;
  /** `%` (value is a fraction 0..1), `次` (a plain number), `件` (a count) */
  unit: string;
  target: number | null;
  direction: 'higher' | 'lower' | 'none';
}

export interface ServiceKpiValue {
  code: string;
  /** null when the denominator is 0 */
  value: number | null;
  numerator: number;
  denominator: number;
  /** null: no target, or no value */
  met: boolean | null;
}

/** One month of one region (the caller's scope, or one township when grouped) at one tier. */
export interface ServiceKpiRow {
  /** YYYY-MM */
  month: string;
  regionName: string;
  level: ServiceKpiLevel;
  /** A closed month: its figures are a frozen revision. */
  frozen: boolean;
  /** 0 for the open month (live), 1 for the first freeze, 2… for each revision */
  revision: number;
  frozenAt: string | null;
  kpis: ServiceKpiValue[];
}

export interface ServiceKpiReport {
  definitionVersion: string;
  definitions: ServiceKpiDefinition[];
  rows: ServiceKpiRow[];
}

export interface ServiceKpiQuery {
  /** YYYY-MM */
  from?: string;
  /** YYYY-MM */
  to?: string;
  level?: ServiceKpiLevel;
  groupBy?: ServiceKpiGroupBy;
}

/** 事项覆盖率 as of today. */
export type ServiceKpiCoverage = Schemas['CoverageResponse'];

/** One frozen revision of one unit's month (revision history). */
export type ServiceKpiRevision = Schemas['ServiceKpiRevision'];

export type ServiceKpiRevisionResult = Schemas['RevisionResult'];

// ---------- 指标 (the one KPI query across modules: /kpis/values; the document has no schema for its rows) ----------

/** The catalogue's KPI (GET /kpis/definitions): numerator and denominator in words, target and its direction. */
export type KpiCatalogueEntry = Narrow<Schemas['KpiDefinitionResponse'], { direction: 'higher' | 'lower' | 'none' }>;

/** `self`: the region itself (default); `county` / `township`: each county or township under it. */
export type KpiValuesLevel = 'self' | 'county' | 'township';

export interface KpiValuesQuery {
  /** comma-separated KPI codes (default: every KPI of `module`) */
  codes?: string;
  module?: string;
  /** default: the caller's region */
  regionId?: string;
  level?: KpiValuesLevel;
  /** YYYY-MM (default: January of this year) */
  from?: string;
  /** YYYY-MM (default: this month) */
  to?: string;
  /** `latest` (default), `original` or a revision number */
  revision?: string;
}

/** One KPI figure of one region and month (GET /kpis/values, JSON): `unit` `%` is a fraction 0..1; `revision` 0 and
 * `computedAt` for the open month's provisional figure, 1… (修订) with `frozenAt` for a closed month's. */
export type KpiValueRow = Schemas['KpiValueRow'];

// ---------- 综合行政执法: 执法满意度 (the surveys EN_SATISFACTION is computed from) ----------

/** 问卷调查 / 电话回访 / 网上评议 */
export type SurveyMethod = 'questionnaire' | 'phone' | 'online';

export type EnforcementSurvey = Narrow<Schemas['SurveyResponse'], { method: SurveyMethod }>;

export type SurveyRequest = Narrow<RequestBody<Schemas['SurveyRequest']>, { method?: SurveyMethod | null }>;

export interface SurveyQuery extends PageQuery {
  teamId?: string;
  /** YYYY-MM-DD */
  from?: string;
  /** YYYY-MM-DD */
  to?: string;
}

export type SurveyPageMatchesDocument = Assert<Same<Page<Schemas['SurveyResponse']>, Schemas['PageOfSurveyResponse']>>;

// ---------- compile-time checks of the hand-written generic page against the document ----------

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type PageMatchesDocument = Assert<
  [
    Same<Page<Unit>, Schemas['PageOfUnitResponse']>,
    Same<Page<Schemas['ItemVersionResponse']>, Schemas['PageOfItemVersionResponse']>,
    Same<Page<Schemas['AgreementResponse']>, Schemas['PageOfAgreementResponse']>,
    Same<Page<Schemas['AdmissionResponse']>, Schemas['PageOfAdmissionResponse']>,
    Same<Page<Notice>, Schemas['PageOfNoticeResponse']>,
    Same<Page<Schemas['ServiceItemVersionResponse']>, Schemas['PageOfServiceItemVersionResponse']>,
  ] extends [true, true, true, true, true, true]
    ? true
    : false
>;

export type ApplicationPageMatchesDocument = Assert<
  [
    Same<Page<Schemas['ApplicationListItem']>, Schemas['PageOfApplicationListItem']>,
    Same<Page<ApplicationItemOption>, Schemas['PageOfServiceItemVersionResponse']>,
  ] extends [true, true]
    ? true
    : false
>;

export type CentrePageMatchesDocument = Assert<Same<Page<Schemas['CentreResponse']>, Schemas['PageOfCentreResponse']>>;

export type RatingPageMatchesDocument = Assert<
  [
    Same<Page<Schemas['RatingResponse']>, Schemas['PageOfRatingResponse']>,
    Same<Page<Schemas['RectificationResponse']>, Schemas['PageOfRectificationResponse']>,
  ] extends [true, true]
    ? true
    : false
>;

// ---------- 编制 (staffing: the establishment ledger) ----------

/** 行政编制 / 事业编制 */
export type PostKind = 'administrative' | 'institution';

/** 全额拨款 / 差额拨款 / 自收自支 */
export type PostFunding = 'full' | 'partial' | 'self';

/** 待编办审批 / 已批准 / 不予批准 / 已撤回 / 已注销 */
export type PostRequestState = 'submitted' | 'approved' | 'rejected' | 'withdrawn' | 'cancelled';

/** The steps of a 编制使用申请 (POST /post-requests/{id}/approve … /cancel, with If-Match). */
export type PostRequestAction = 'approve' | 'reject' | 'withdraw' | 'cancel';

/** 招录（聘） / 调入 / 选调 / 转任 */
export type EntryKind = 'recruitment' | 'transfer_in' | 'selection' | 'reassignment';

/** 调出 / 退休 / 辞职 / 辞退 / 死亡 */
export type ExitKind = 'transfer_out' | 'retirement' | 'resignation' | 'dismissal' | 'death';

export type Education = 'postgraduate' | 'bachelor' | 'college' | 'secondary' | 'other';

/** 划转用途 */
export type TransferPurpose = 'enforcement' | 'service' | 'agriculture' | 'governance' | 'other';

/** Posts a township received against the guidance range (Staffing:TownshipPostsMin/Max). */
export type TransferGuidance = 'below' | 'within' | 'above';

/** 在编 / 已出编 */
export type PersonState = 'serving' | 'exited';

/** 执行中 / 逾期未消化 / 已消化 */
export type ExceptionStatus = 'in_force' | 'overdue' | 'resolved';

/** One unit's establishment (unit × kind × funding) as of a date. */
export type LedgerRow = Schemas['LedgerRow'];

export type LedgerTotal = Schemas['LedgerTotal'];

export type LedgerPage = Schemas['LedgerPage'];

export interface LedgerQuery extends PageQuery {
  regionId?: string;
  unitId?: string;
  /** YYYY-MM-DD; the API's default is today in the county. */
  asOf?: string;
  kind?: PostKind;
  funding?: PostFunding;
}

export type StatementLine = Schemas['StatementLine'];

/** 对账单: an establishment's lines with running figures, after its opening figures. */
export type StatementPage = Schemas['StatementPage'];

export interface StatementQuery extends PageQuery {
  from?: string;
  to?: string;
}

export type StaffingApproval = Schemas['ApprovalResponse'];

export type StaffingTransfer = Schemas['TransferResponse'];

export type StaffingTransferLine = Schemas['TransferLineResponse'];

export type CreateTransferRequest = RequestBody<Schemas['CreateTransferRequest']>;

export type TransferLineRequest = Narrow<
  RequestBody<Schemas['TransferLineRequest']>,
  { kind?: PostKind | null; funding?: PostFunding | null; purpose?: TransferPurpose | null }
>;

export interface TransferQuery extends PageQuery {
  q?: string;
}

export type TownshipTransfers = Narrow<Schemas['TownshipTransfers'], { guidance: TransferGuidance }>;

/** 下沉编制: posts moved to each township, by year, against the guidance range. */
export type TransferSummary = Narrow<Schemas['TransferSummary'], { townships: TownshipTransfers[] }>;

/** 用编计划 of a unit's establishment for a year, with the posts already requested against it. */
export type StaffingPlan = Schemas['PlanResponse'];

export type CreatePlanRequest = RequestBody<Schemas['CreatePlanRequest']>;

/** A 编制使用申请 with its timeline and what THIS user may do next. */
export type PostRequest = Narrow<
  Schemas['PostRequestResponse'],
  { state: PostRequestState; allowedActions: PostRequestAction[] }
>;

export type SubmitPostRequest = RequestBody<Schemas['SubmitPostRequest']>;

export type PostRequestActionRequest = RequestBody<Schemas['PostRequestActionRequest']>;

export interface PostRequestQuery extends PageQuery {
  state?: PostRequestState;
  unitId?: string;
  year?: number;
}

export type Holding = Schemas['HoldingResponse'];

/** A person on the ledger (ID number always masked) with the posts they held. */
export type StaffPerson = Narrow<Schemas['PersonResponse'], { state: PersonState }>;

export type HireRequest = RequestBody<Schemas['HireRequest']>;

export type ExitRequest = RequestBody<Schemas['ExitRequest']>;

export interface PersonQuery extends PageQuery {
  unitId?: string;
  state?: PersonState;
  /** The start of a name, or a whole ID number. */
  q?: string;
}

/** 超编例外: extra occupants allowed on an establishment until it is resolved (消化). */
export type StaffingException = Narrow<Schemas['ExceptionResponse'], { status: ExceptionStatus }>;

export type CreateExceptionRequest = RequestBody<Schemas['CreateExceptionRequest']>;

export type ResolveExceptionRequest = RequestBody<Schemas['ResolveExceptionRequest']>;

export interface ExceptionQuery extends PageQuery {
  /** open (default: in force and overdue) or resolved */
  status?: 'open' | 'resolved';
}

export type StaffingBreach = Schemas['StaffingBreach'];

export type StaffingMismatch = Schemas['StaffingMismatch'];

/** 编制健康检查: exceptions in force and overdue, establishments over their posts, figures that do not reconcile. */
export type StaffingHealth = Schemas['StaffingHealth'];
export type RepeatedBasicGrade = Schemas['RepeatedBasicGrade'];

export type StaffingPageMatchesDocument = Assert<
  [
    Same<Page<Schemas['TransferResponse']>, Schemas['PageOfTransferResponse']>,
    Same<Page<Schemas['PostRequestResponse']>, Schemas['PageOfPostRequestResponse']>,
    Same<Page<Schemas['PersonResponse']>, Schemas['PageOfPersonResponse']>,
    Same<Page<Schemas['ExceptionResponse']>, Schemas['PageOfExceptionResponse']>,
  ] extends [true, true, true, true]
    ? true
    : false
>;

export type StaffingKpiValue = Schemas['StaffingKpiValue'];

/** One month of the staffing KPIs (编制指标) with the figures of the county and each township. */
export type StaffingKpiMonth = Schemas['StaffingKpiMonth'];

// ---------- 选派 and 年度考核 (staffing: secondment to townships and its annual assessment) ----------

/** 已公告 / 报名中 / 资格审核 / 笔试 / 面试 / 选岗 / 公示中 / 已聘用 */
export type CampaignState =
  | 'announced'
  | 'registration'
  | 'qualification'
  | 'written'
  | 'interview'
  | 'choosing'
  | 'publicity'
  | 'hired';

/** The stages of a 选派批次 (POST /campaigns/{id}/{action}, with If-Match). */
export type CampaignAction = 'open-registration' | 'review' | 'written' | 'interview' | 'choose' | 'publish' | 'hire';

/** 脱贫攻坚/乡村振兴 … 综合行政执法 (选派 work areas). */
export type WorkArea = 'revitalization' | 'agriculture' | 'construction' | 'service' | 'public_security' | 'enforcement';

/** 已报名 / 资格审核通过 / 资格审核未通过 */
export type RegistrationState = 'registered' | 'qualified' | 'disqualified';

/** 在岗 / 已转编 (优秀) / 已退回 (不合格) */
export type SecondeeState = 'active' | 'converted' | 'returned' | 'ended';

/** 优秀 / 合格 / 基本合格 / 不合格 / 不确定档次 */
export type Grade = 'excellent' | 'competent' | 'basic' | 'incompetent' | 'none';

/** 评定中 / 优秀等次公示中 / 已确定 */
export type AssessmentState = 'draft' | 'publicity' | 'final';

export type AssessmentAction = 'publish' | 'finalize';

export type CampaignPost = Schemas['CampaignPostResponse'];

/** A 选派批次 with its posts (taken counts), timeline and what THIS user may do next. */
export type Campaign = Narrow<
  Schemas['CampaignResponse'],
  { state: CampaignState; allowedActions: CampaignAction[]; posts: CampaignPost[] }
>;

export type CreateCampaignRequest = RequestBody<Schemas['CreateCampaignRequest']>;

export type CampaignPostRequest = RequestBody<Schemas['CampaignPostRequest']>;

export type CampaignActionRequest = RequestBody<Schemas['CampaignActionRequest']>;

export type Registration = Narrow<Schemas['RegistrationResponse'], { state: RegistrationState }>;

export type QualifyRequest = RequestBody<Schemas['QualifyRequest']>;

export type ScoreLine = RequestBody<Schemas['ScoreLine']>;

/** One row the score import refused (422: all rows or none). */
/** A row of a refused score import: the `report` extension of its 400 problem (not in the document's schemas). */
export interface ScoreRowError {
  row: number;
  column: string;
  message: string;
}

/** 成绩排名: total = written × weight + interview × (1 − weight), ties by written, then registration. */
export type RankedCandidate = Schemas['RankedCandidate'];

export type ChoiceRequest = RequestBody<Schemas['ChoiceRequest']>;

export type Objection = Schemas['ObjectionResponse'];

export type ObjectionRequest = RequestBody<Schemas['ObjectionRequest']>;

export type DecideObjectionRequest = RequestBody<Schemas['DecideObjectionRequest']>;

export type Secondee = Narrow<Schemas['SecondeeResponse'], { state: SecondeeState }>;

export interface SecondeeQuery extends PageQuery {
  state?: SecondeeState;
  workArea?: WorkArea;
}

export type AssessmentSummary = Narrow<Schemas['AssessmentSummary'], { state: AssessmentState }>;

export type GradeRow = Narrow<Schemas['GradeResponse'], { grade: Grade | null; secondmentState: SecondeeState }>;
export type CorrectGradeRequest = Schemas['CorrectGradeRequest'];

/** 年度考核 with its grades, the 优秀 quota and its use, and what THIS user may do next. */
export type Assessment = Narrow<
  Schemas['AssessmentResponse'],
  { state: AssessmentState; allowedActions: AssessmentAction[]; grades: GradeRow[] }
>;

export type CreateAssessmentRequest = RequestBody<Schemas['CreateAssessmentRequest']>;

export type GradeLine = RequestBody<Schemas['GradeLine']>;

export type AssessmentActionRequest = RequestBody<Schemas['AssessmentActionRequest']>;

export type Vacancy = Schemas['Vacancy'];

/** What finalizing would do to one secondee: convert (into target), return (barred until), or keep. */
export type OutcomePreview = Narrow<Schemas['OutcomePreview'], { grade: Grade; outcome: 'converted' | 'returned' | 'kept' }>;

/** 选派公示 (public, names masked). */
export type CampaignNotice = Schemas['CampaignNotice'];

/** 优秀等次公示 (public, names masked). */
export type ExcellentNotice = Schemas['ExcellentNotice'];

export type SecondmentPagesMatchDocument = Assert<
  [
    Same<Page<Schemas['CampaignResponse']>, Schemas['PageOfCampaignResponse']>,
    Same<Page<Schemas['SecondeeResponse']>, Schemas['PageOfSecondeeResponse']>,
    Same<Page<Schemas['AssessmentSummary']>, Schemas['PageOfAssessmentSummary']>,
  ] extends [true, true, true]
    ? true
    : false
>;

// ---------- 综合行政执法 (enforcement: teams, officers and their certificates) ----------

/** A 执法领域 officers are assigned to (the catalogue's domains, by code). */
export type EnforcementDomain = Schemas['PowerDomain'];

/** 队伍配备 today: serving, certified (expiring included), expiring and expired officers against the minimum. */
export type TeamStrength = Schemas['TeamStrength'];

/** 综合行政执法大队: one per township. */
export type EnforcementTeam = Schemas['TeamResponse'];

export type CreateTeamRequest = RequestBody<Schemas['CreateTeamRequest']>;

export type UpdateTeamRequest = RequestBody<Schemas['UpdateTeamRequest']>;

/** An officer's standing today: 持证在岗, 执法证即将到期, 无有效执法证, 已调离. */
export type OfficerStatus = 'certified' | 'expiring' | 'expired' | 'left';

/** 执法证. */
export type Certificate = Schemas['CertificateResponse'];

export type CertificateRequest = RequestBody<Schemas['CertificateRequest']>;

/** 执法人员 with the current certificate and the days it has left (negative once it ended). */
export type Officer = Narrow<Schemas['OfficerResponse'], { status: OfficerStatus }>;

/** One officer with every certificate held, newest first. */
export type OfficerDetail = Narrow<Schemas['OfficerDetailResponse'], { officer: Officer }>;

export type AddOfficerRequest = RequestBody<Schemas['AddOfficerRequest']>;

export type UpdateOfficerRequest = RequestBody<Schemas['UpdateOfficerRequest']>;

export type LeaveRequest = RequestBody<Schemas['LeaveRequest']>;

export interface OfficerQuery extends PageQuery {
  teamId?: string;
  /** a 执法领域 code */
  domain?: string;
  status?: OfficerStatus;
  /** The start of a name, or part of a certificate number. */
  q?: string;
}

export type TeamHealthSeverity = 'error' | 'warning';

export type TeamHealthKind = 'no_team' | 'undersized' | 'certificate_expired' | 'certificate_expiring';

/** One finding of 执法队伍体检 (a township, or one of its team's officers). */
export type TeamHealthFlag = Narrow<Schemas['TeamHealthFlag'], { kind: TeamHealthKind; severity: TeamHealthSeverity }>;

export type TeamHealthReport = Narrow<Schemas['TeamHealthReport'], { flags: TeamHealthFlag[] }>;

export type EnforcementPagesMatchDocument = Assert<
  [
    Same<Page<Schemas['TeamResponse']>, Schemas['PageOfTeamResponse']>,
    Same<Page<Schemas['OfficerResponse']>, Schemas['PageOfOfficerResponse']>,
  ] extends [true, true]
    ? true
    : false
>;

// ---------- 综合行政执法: 案件 (cases from 线索 to 归档) ----------

/** A case's state, 线索待处理 to 已归档 (or 不予立案 / 已移送). */
export type CaseState =
  | 'lead'
  | 'filed'
  | 'notified'
  | 'hearing_requested'
  | 'hearing_scheduled'
  | 'heard'
  | 'decided'
  | 'delivered'
  | 'executed'
  | 'closed'
  | 'archived'
  | 'declined'
  | 'transferred';

/** The workflow's steps, each its own route `POST /enforcement/cases/{id}/{action}` with If-Match. */
export type CaseAction =
  | 'file'
  | 'decline'
  | 'transfer'
  | 'simple'
  | 'notify'
  | 'request_hearing'
  | 'schedule_hearing'
  | 'hold_hearing'
  | 'review'
  | 'discuss'
  | 'decide'
  | 'deliver'
  | 'execute'
  | 'close'
  | 'archive'
  | 'extend'
  | 'reassign'
  | 'collect'
  | 'decide_preservation'
  | 'add_co_owner';

/** 线索来源: 巡查发现, 投诉举报, 网格上报, 部门移送, 上级交办. */
export type CaseSource = 'patrol' | 'complaint' | 'grid' | 'referral' | 'assigned';

export type PartyKind = 'person' | 'organisation';

/** 行政处罚的种类 (行政处罚法 9), and `none` — 不予行政处罚. */
export type PenaltyKindCode =
  | 'warning'
  | 'criticism'
  | 'fine'
  | 'confiscation'
  | 'suspend_licence'
  | 'lower_qualification'
  | 'revoke_licence'
  | 'restrict_business'
  | 'stop_production'
  | 'close'
  | 'restrict_practice'
  | 'none';

/** 法制审核 situations (行政处罚法 58). */
export type MajorReason = 'public_interest' | 'major_rights' | 'complex' | 'statutory';

/** 裁量基准: the degrees of a violation (违法情节). */
export type BenchmarkDegreeCode = 'minor' | 'general' | 'serious' | 'severe';

/** 送达方式; `on_spot` (当场交付) only comes from 简易程序. */
export type DeliveryMethodCode = 'direct' | 'left' | 'post' | 'electronic' | 'entrusted' | 'public' | 'on_spot';

/** 案件 as GET /enforcement/cases/{id} sends it (a list's items have no officers, reviews, discussions or events). */
export type EnforcementCase = Narrow<Schemas['CaseResponse'], { state: CaseState; source: CaseSource }>;

/** A penalty kind's code with its name (the API's own words). */
export type PenaltyKind = Schemas['PenaltyKind'];

export type CaseFiling = Schemas['CaseFiling'];
export type CaseNotice = Schemas['CaseNotice'];
export type CaseHearing = Schemas['CaseHearing'];
export type CaseDecision = Schemas['CaseDecision'];
export type CaseExecution = Schemas['CaseExecution'];
export type CaseOfficer = Schemas['CaseOfficerResponse'];
export type CaseReview = Schemas['CaseReview'];
export type CaseDiscussion = Schemas['CaseDiscussion'];
/** One piece of 证据 (its file stored by hash), with its 先行登记保存 when it is one. */
export type CaseEvidence = Schemas['CaseEvidenceItem'];
export type CasePreservation = Schemas['CasePreservation'];
/** A county department that handles the case with the team (共同办理). */
export type CaseCoOwner = Schemas['CaseCoOwner'];
/** The team handling a case as its documents name it (落款, address, phone, leader); null in lists. */
export type CaseTeam = Schemas['CaseTeam'];

/** 证据种类. */
export type EvidenceKind =
  | 'scene_record'
  | 'inquiry_record'
  | 'photo'
  | 'audio_video'
  | 'document'
  | 'preservation'
  | 'other';

/** What becomes of goods under 先行登记保存 (行政处罚法 56). */
export type PreservationOutcome = 'released' | 'inspected' | 'seized' | 'transferred' | 'confiscation';

/** A stored evidence file: its SHA-256 (what 收集证据 names) and what the API made of it. */
export type StoredFile = Schemas['StoredFileResponse'];

export interface CaseQuery extends PageQuery {
  state?: CaseState;
  /** a 执法领域 code */
  domain?: string;
  source?: CaseSource;
  /** Part of the place, the party's name or the description. */
  q?: string;
  /** 已超期 (the decision's deadline passed) or 临期 (due within 10 days); only cases still to be decided. */
  due?: 'overdue' | 'soon';
}

export type RegisterLeadRequest = Narrow<
  RequestBody<Schemas['RegisterLeadRequest']>,
  { source?: CaseSource | null; partyKind?: PartyKind | null }
>;

/** 立案, 不予立案, 移送. */
export type CaseActionRequest = RequestBody<Schemas['CaseActionRequest']>;
/** 告知. */
export type CaseNoticeRequest = RequestBody<Schemas['CaseNoticeRequest']>;
/** 申请听证, 通知听证, 举行听证. */
export type CaseHearingRequest = RequestBody<Schemas['CaseHearingRequest']>;
/** 延期, 更换承办人员. */
export type CaseChangeRequest = RequestBody<Schemas['CaseChangeRequest']>;
/** 法制审核, 集体讨论. */
export type CaseReviewRequest = RequestBody<Schemas['CaseReviewRequest']>;
/** 作出决定, 简易程序. */
export type CaseDecisionRequest = RequestBody<Schemas['CaseDecisionRequest']>;
/** 送达, 执行, 结案, 归档. */
export type CaseClosingRequest = RequestBody<Schemas['CaseClosingRequest']>;

/** 收集证据. */
export type CaseEvidenceRequest = Narrow<RequestBody<Schemas['CaseEvidenceRequest']>, { kind?: EvidenceKind | null }>;
/** 先行登记保存的处理决定. */
export type PreservationDecisionRequest = Narrow<
  RequestBody<Schemas['PreservationDecisionRequest']>,
  { outcome?: PreservationOutcome | null }
>;
/** 增加共同办理部门. */
export type CaseCoOwnerRequest = RequestBody<Schemas['CaseCoOwnerRequest']>;

/** The body each step takes. */
export interface CaseActionBodies {
  file: CaseActionRequest;
  decline: CaseActionRequest;
  transfer: CaseActionRequest;
  notify: CaseNoticeRequest;
  request_hearing: CaseHearingRequest;
  schedule_hearing: CaseHearingRequest;
  hold_hearing: CaseHearingRequest;
  extend: CaseChangeRequest;
  reassign: CaseChangeRequest;
  review: CaseReviewRequest;
  discuss: CaseReviewRequest;
  decide: CaseDecisionRequest;
  simple: CaseDecisionRequest;
  deliver: CaseClosingRequest;
  execute: CaseClosingRequest;
  close: CaseClosingRequest;
  archive: CaseClosingRequest;
  collect: CaseEvidenceRequest;
  decide_preservation: PreservationDecisionRequest;
  add_co_owner: CaseCoOwnerRequest;
}

/** One degree of a 裁量基准 with the kinds it allows and the fine range. */
export type BenchmarkDegree = Schemas['BenchmarkDegree'];

/** The county's 裁量基准 of one power item. */
export type BenchmarkSet = Schemas['BenchmarkSet'];

export type EnforcementCasePagesMatchDocument = Assert<
  Same<Page<Schemas['CaseResponse']>, Schemas['PageOfCaseResponse']>
>;

export type CaseActionBodiesCoverEveryAction = Assert<Same<keyof CaseActionBodies, CaseAction>>;

// ---------- 综合行政执法: 行政执法公示 (事后公开 and 事前公开) ----------

/** 待公示, 已公示, 已撤回. */
export type DisclosureState = 'pending' | 'published' | 'retracted';

/** The disclosure's steps, each its own route `POST /enforcement/disclosures/{id}/{action}` with If-Match. */
export type DisclosureAction = 'publish' | 'retract';

/** A decision's disclosure as staff see it: due and published days, the public snapshot, the allowed actions. */
export type Disclosure = Narrow<Schemas['DisclosureResponse'], { state: DisclosureState }>;

/** 公示 (a note) or 撤回 (the day the decision was revoked or changed, the public reason, a note). */
export type DisclosureRequest = RequestBody<Schemas['DisclosureRequest']>;

export interface DisclosureQuery extends PageQuery {
  state?: DisclosureState;
  /** Published after the due day, or still pending past it. */
  late?: boolean;
}

/** An entry of the public 行政处罚决定公示 (a person's name masked; a retracted one only with its reason). */
export type PublicDisclosure = Narrow<Schemas['PublicDisclosure'], { state: DisclosureState }>;

export interface PublicDisclosureQuery extends PageQuery {
  /** A county or a township. */
  regionId: string;
  domain?: string;
}

/** 事前公开: a township team with its officers certified today, its powers and how to complain. */
export type PublicTeam = Schemas['PublicTeam'];
export type PublicOfficer = Schemas['PublicOfficer'];
export type PublicPower = Schemas['PublicPower'];

/** 裁量基准 of one item as sent with PUT (every degree; the names are the API's). */
export type BenchmarkSetRequest = RequestBody<Schemas['BenchmarkSetRequest']>;

export type DisclosurePagesMatchDocument = Assert<
  [
    Same<Page<Schemas['DisclosureResponse']>, Schemas['PageOfDisclosureResponse']>,
    Same<Page<Schemas['PublicDisclosure']>, Schemas['PageOfPublicDisclosure']>,
  ] extends [true, true]
    ? true
    : false
>;

// ---------- 综合行政执法: 执法监督 (投诉举报, 过错责任追究) ----------

/** 已受理, 已办结. */
export type ComplaintState = 'received' | 'handled';

/** The complaint's one step, `POST /enforcement/complaints/{id}/handle` with If-Match. */
export type ComplaintAction = 'handle';

/** 电话, 信件, 网上, 来访, 12345 转办. */
export type ComplaintChannel = 'phone' | 'letter' | 'online' | 'visit' | 'hotline';

/** 属实, 部分属实, 不属实. */
export type ComplaintFinding = 'substantiated' | 'partly' | 'unfounded';

/** A complaint about a case or an officer (the phone masked except for supervisors). */
export type Complaint = Narrow<Schemas['ComplaintResponse'], { state: ComplaintState }>;

/** 登记投诉: the case and/or the officer complained about, the channel, the day, who and what. */
export type ComplaintRequest = Narrow<RequestBody<Schemas['ComplaintRequest']>, { channel?: ComplaintChannel | null }>;

/** 办结: the finding, the result, an internal note. */
export type ComplaintHandling = Narrow<
  RequestBody<Schemas['ComplaintHandling']>,
  { finding?: ComplaintFinding | null }
>;

export interface ComplaintQuery extends PageQuery {
  state?: ComplaintState;
  teamId?: string;
  caseId?: string;
  officerId?: string;
}

/** 批评教育, 书面检查, 暂扣执法证, 收回执法证, 移送纪检监察机关. */
export type FaultLiability =
  | 'criticism'
  | 'written_review'
  | 'certificate_suspended'
  | 'certificate_revoked'
  | 'disciplinary';

/** 过错责任追究: append-only (no edit, no delete). */
export type FaultRecord = Schemas['FaultRecordResponse'];

export type FaultRecordRequest = Narrow<
  RequestBody<Schemas['FaultRecordRequest']>,
  { liability?: FaultLiability | null }
>;

export interface FaultRecordQuery extends PageQuery {
  teamId?: string;
  officerId?: string;
  caseId?: string;
  complaintId?: string;
}

// ---------- 综合行政执法: 双向考核 ----------

/** 草稿, 评分中, 已锁定, 已公布. */
export type RoundState = 'draft' | 'open' | 'locked' | 'published';

/** A round's steps, each `POST /enforcement/assessments/{id}/{action}` with If-Match. */
export type RoundAction = 'open' | 'lock' | 'publish';

/** `townships`: 县直部门评乡镇; `departments`: 乡镇评县直部门. */
export type RoundDirection = 'townships' | 'departments';

export type RoundPeriodKind = 'quarter' | 'year';

/** An indicator of a round: `manual` (scored by hand) or `computed:<KPI code>` (from the cases). */
export type RoundIndicator = Schemas['AssessmentIndicator'];

/** A scorer or a scored unit: a township (its region id) or a county department (its unit id). */
export type RoundParty = Schemas['AssessmentParty'];

/** A round (its scorers, scored units and timeline only in the single read). */
export type AssessmentRound = Narrow<
  Schemas['AssessmentRoundResponse'],
  { state: RoundState; direction: RoundDirection }
>;

export type AssessmentIndicatorRequest = RequestBody<Schemas['AssessmentIndicatorRequest']>;

export type AssessmentRoundRequest = Narrow<
  RequestBody<Schemas['AssessmentRoundRequest']>,
  {
    direction?: RoundDirection | null;
    periodKind?: RoundPeriodKind | null;
  }
>;

export type RoundStepRequest = RequestBody<Schemas['AssessmentStepRequest']>;

export interface RoundQuery extends PageQuery {
  state?: RoundState;
  direction?: RoundDirection;
}

/** 评分表: one scorer's scores of the manual indicators (version 0 before the first submission). */
export type AssessmentSheet = Schemas['AssessmentSheet'];
export type AssessmentScore = Schemas['AssessmentScore'];
export type AssessmentScoreRequest = RequestBody<Schemas['AssessmentScoreRequest']>;
export type AssessmentSheetRequest = RequestBody<Schemas['AssessmentSheetRequest']>;

/** 考核结果: each scored unit's weighted total, rank and indicators (computed ones with their KPI value). */
export type AssessmentRankings = Narrow<Schemas['AssessmentRankings'], { state: RoundState }>;
export type AssessmentRanking = Schemas['AssessmentRanking'];
export type AssessmentIndicatorResult = Schemas['AssessmentIndicatorResult'];

export type SupervisionPagesMatchDocument = Assert<
  [
    Same<Page<Schemas['ComplaintResponse']>, Schemas['PageOfComplaintResponse']>,
    Same<Page<Schemas['FaultRecordResponse']>, Schemas['PageOfFaultRecordResponse']>,
    Same<Page<Schemas['AssessmentRoundResponse']>, Schemas['PageOfAssessmentRoundResponse']>,
  ] extends [true, true, true]
    ? true
    : false
>;

// ---------- 评估意见 (evaluation findings: an evaluator's findings and the agencies' answers) ----------

/** 待答复, 已答复, 已认可, 有异议, 已关闭. */
export type FindingState = 'open' | 'answered' | 'accepted' | 'disputed' | 'closed';

/** The business modules a finding can be about. */
/** A finding names a record or figure of a module an evaluation grant can open. */
export type FindingModule = EvaluationModule;

/** 一般, 较重, 严重. */
export type FindingSeverity = 'low' | 'medium' | 'high';

/** The thread's steps, `POST /evaluation/findings/{id}/{action}` with If-Match. */
export type FindingAction = 'amend' | 'answer' | 'accept' | 'dispute' | 'close';

/** A finding with its whole thread (`post` first, then amendments, answers, accept, dispute, close). */
export type Finding = Narrow<
  Schemas['FindingResponse'],
  { state: FindingState; module: FindingModule; severity: FindingSeverity }
>;

/** One township × module of the overview: `open` counts those waiting for an answer (open or disputed). */
export type FindingCount = Narrow<Schemas['FindingCount'], { module: FindingModule }>;

/** A kind of record a finding may name (the caller's grant's modules only, for an evaluator). */
export type FindingRecordKind = Narrow<Schemas['FindingRecordKindResponse'], { module: FindingModule }>;

/** A record (module, recordType, recordId) or a frozen KPI figure (kpiCode, regionId, month, revision). */
export type FindingSubject = Schemas['FindingSubject'];

export type FindingRequest = RequestBody<Schemas['FindingRequest']>;

export type FindingNote = RequestBody<Schemas['FindingNote']>;

/** A state, or `waiting`: what waits for the agency (open and disputed), as the overview counts it. */
export type FindingStateFilter = FindingState | 'waiting';

export interface FindingQuery extends PageQuery {
  state?: FindingStateFilter;
  module?: FindingModule;
  severity?: FindingSeverity;
  /** A township: its findings. */
  regionId?: string;
  /** Part of the title. */
  q?: string;
}

export type FindingExportFormat = 'csv' | 'xlsx';
