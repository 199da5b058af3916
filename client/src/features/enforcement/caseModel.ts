// Pure helpers of the 案件 pages: states and their colours, the order of the buttons, what each step's form asks
// for and the body it sends, the decision deadline's highlight, and the list's filters in the query string.
import type { Dayjs } from 'dayjs';
import type {
  BenchmarkDegree,
  BenchmarkDegreeCode,
  CaseAction,
  CaseActionBodies,
  CaseEvidence,
  CaseQuery,
  CaseSource,
  CaseState,
  DeliveryMethodCode,
  EnforcementCase,
  EvidenceKind,
  MajorReason,
  Officer,
  PartyKind,
  PenaltyKindCode,
  PreservationOutcome,
  TownshipEntry,
} from '../../lib/api/types';
import { knownActions } from '../../lib/allowedActions';
import { addDays } from '../../lib/dates';

export const CASE_STATES: readonly CaseState[] = [
  'lead',
  'filed',
  'notified',
  'hearing_requested',
  'hearing_scheduled',
  'heard',
  'decided',
  'delivered',
  'executed',
  'closed',
  'archived',
  'declined',
  'transferred',
];

/**
 * The order of the buttons: the procedure's next steps first, then the evidence and its 先行登记保存, 共同办理, the
 * side steps (延期, 更换) and refusals after.
 */
export const CASE_ACTIONS: readonly CaseAction[] = [
  'file',
  'simple',
  'notify',
  'request_hearing',
  'schedule_hearing',
  'hold_hearing',
  'review',
  'discuss',
  'decide',
  'deliver',
  'execute',
  'close',
  'archive',
  'collect',
  'decide_preservation',
  'add_co_owner',
  'extend',
  'reassign',
  'transfer',
  'decline',
];

export const CASE_SOURCES: readonly CaseSource[] = ['patrol', 'complaint', 'grid', 'referral', 'assigned'];
export const PARTY_KINDS: readonly PartyKind[] = ['person', 'organisation'];

export const PENALTY_KINDS: readonly PenaltyKindCode[] = [
  'warning',
  'criticism',
  'fine',
  'confiscation',
  'suspend_licence',
  'lower_qualification',
  'revoke_licence',
  'restrict_business',
  'stop_production',
  'close',
  'restrict_practice',
  'none',
];

/** 证据种类 in the order of 行政处罚法 46 (as the form offers them). */
export const EVIDENCE_KINDS: readonly EvidenceKind[] = [
  'scene_record',
  'inquiry_record',
  'photo',
  'audio_video',
  'document',
  'preservation',
  'other',
];

/** 先行登记保存的处理决定 (行政处罚法 56: within seven days). */
export const PRESERVATION_OUTCOMES: readonly PreservationOutcome[] = [
  'released',
  'inspected',
  'seized',
  'transferred',
  'confiscation',
];

export const MAJOR_REASONS: readonly MajorReason[] = ['public_interest', 'major_rights', 'complex', 'statutory'];
export const DEGREES: readonly BenchmarkDegreeCode[] = ['minor', 'general', 'serious', 'severe'];
/** What an officer may choose at 送达 (当场交付 is the simple procedure's own). */
export const DELIVERY_METHODS: readonly DeliveryMethodCode[] = [
  'direct',
  'left',
  'post',
  'electronic',
  'entrusted',
  'public',
];
const ALL_DELIVERY_METHODS: readonly DeliveryMethodCode[] = [...DELIVERY_METHODS, 'on_spot'];

/** States in which the decision is still to be made: the deadline runs (as the API's `due` filter reads it). */
export const INVESTIGATING: readonly CaseState[] = [
  'filed',
  'notified',
  'hearing_requested',
  'hearing_scheduled',
  'heard',
];

/** The API's `DecisionDueSoonDays` (10): a deadline this near is 临期. */
export const DUE_SOON_DAYS = 10;

/** 立案 rests on a 行政处罚, 行政强制 or 行政检查 item; 简易程序 on a 行政处罚 one. */
const FILING_TYPES = ['CF', 'QZ', 'JC'];

const isOneOf =
  <T extends string>(list: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (list as readonly string[]).includes(v);

export const isCaseState = isOneOf(CASE_STATES);
export const isCaseAction = isOneOf(CASE_ACTIONS);
export const isCaseSource = isOneOf(CASE_SOURCES);
export const isPenaltyKind = isOneOf(PENALTY_KINDS);
export const isMajorReason = isOneOf(MAJOR_REASONS);
export const isDegree = isOneOf(DEGREES);
export const isDeliveryMethod = isOneOf(ALL_DELIVERY_METHODS);
export const isEvidenceKind = isOneOf(EVIDENCE_KINDS);
export const isPreservationOutcome = isOneOf(PRESERVATION_OUTCOMES);

/** antd Tag colour of a state: leads blue, investigation cyan to gold, decided on purple, done green, ended grey. */
export function caseStateColor(state: CaseState): string {
  switch (state) {
    case 'lead':
      return 'blue';
    case 'filed':
      return 'cyan';
    case 'notified':
    case 'hearing_requested':
    case 'hearing_scheduled':
    case 'heard':
      return 'gold';
    case 'decided':
    case 'delivered':
      return 'purple';
    case 'executed':
    case 'closed':
      return 'green';
    case 'archived':
    case 'declined':
    case 'transferred':
      return 'default';
  }
}

// ---------- the decision deadline ----------

export type CaseDue = 'overdue' | 'soon' | null;

/**
 * The highlight of a case's decision deadline on `today`: 已超期 once passed, 临期 within DUE_SOON_DAYS — only while
 * the decision is still to be made (the same rule as the list's `due` filter).
 */
export function caseDue(c: Pick<EnforcementCase, 'state' | 'filing'>, today: string): CaseDue {
  const due = c.filing?.decisionDueOn;
  if (!due || !INVESTIGATING.includes(c.state)) return null;
  if (due < today) return 'overdue';
  if (due <= addDays(today, DUE_SOON_DAYS)) return 'soon';
  return null;
}

// ---------- the list's filters (query string) ----------

export const CASE_FILTER_KEYS = ['state', 'domain', 'source', 'q', 'due'] as const;
export type CaseFilterKey = (typeof CASE_FILTER_KEYS)[number];

/** The API's filter from the query string: unknown states, sources and deadlines are dropped. */
export function caseFilterFromQuery(
  values: Partial<Record<CaseFilterKey, string | undefined>>,
): Omit<CaseQuery, 'cursor'> {
  const q = values.q?.trim();
  const domain = values.domain?.trim();
  return {
    state: isCaseState(values.state) ? values.state : undefined,
    domain: domain ? domain : undefined,
    source: isCaseSource(values.source) ? values.source : undefined,
    q: q ? q.slice(0, 50) : undefined,
    due: values.due === 'overdue' || values.due === 'soon' ? values.due : undefined,
  };
}

// ---------- actions ----------

/** Exactly what the API lists in `allowedActions`, in the panel's order; names the client does not know left out. */
export function visibleCaseActions(c: Pick<EnforcementCase, 'allowedActions'>): CaseAction[] {
  return knownActions(CASE_ACTIONS, c.allowedActions);
}

/** The allowed actions a 409 invalid transition carries (the case moved on meanwhile). */
export function caseActionsOf(extensions: Record<string, unknown>): CaseAction[] {
  return knownActions(CASE_ACTIONS, extensions.allowedActions);
}

/** A field of a step's form, named as in the request body (so the API's field errors land under it). */
export type CaseField =
  | 'itemId'
  | 'officerIds'
  | 'severeHarm'
  | 'departmentId'
  | 'penaltyKinds'
  | 'fineAmount'
  | 'confiscationAmount'
  | 'majorReasons'
  | 'requestedOn'
  | 'hearingOn'
  | 'presiderId'
  | 'place'
  | 'record'
  | 'days'
  | 'passed'
  | 'opinion'
  | 'heldOn'
  | 'participants'
  | 'benchmarkDegree'
  | 'legalBasis'
  | 'noPenaltyReason'
  | 'statement'
  | 'on'
  | 'deliveryMethod'
  | 'paidAmount'
  | 'kind'
  | 'title'
  | 'sha256'
  | 'fileName'
  | 'collectedOn'
  | 'correctsId'
  | 'evidenceId'
  | 'outcome'
  | 'decidedOn'
  | 'unitId'
  | 'note';

/** The fields of each step's form (note last), as the API reads them. */
export const ACTION_FIELDS: Record<CaseAction, readonly CaseField[]> = {
  file: ['itemId', 'officerIds', 'severeHarm', 'note'],
  decline: ['note'],
  transfer: ['itemId', 'departmentId', 'note'],
  simple: ['itemId', 'officerIds', 'penaltyKinds', 'fineAmount', 'benchmarkDegree', 'legalBasis', 'statement', 'note'],
  notify: ['penaltyKinds', 'fineAmount', 'confiscationAmount', 'majorReasons', 'note'],
  request_hearing: ['requestedOn', 'note'],
  schedule_hearing: ['hearingOn', 'presiderId', 'place', 'note'],
  hold_hearing: ['record', 'note'],
  review: ['passed', 'opinion'],
  discuss: ['heldOn', 'participants', 'opinion'],
  decide: [
    'penaltyKinds',
    'fineAmount',
    'confiscationAmount',
    'benchmarkDegree',
    'noPenaltyReason',
    'legalBasis',
    'statement',
    'note',
  ],
  deliver: ['on', 'deliveryMethod', 'note'],
  execute: ['on', 'paidAmount', 'note'],
  close: ['note'],
  archive: ['note'],
  extend: ['days', 'note'],
  reassign: ['officerIds', 'note'],
  collect: ['sha256', 'fileName', 'kind', 'title', 'collectedOn', 'correctsId', 'note'],
  decide_preservation: ['evidenceId', 'outcome', 'decidedOn', 'note'],
  add_co_owner: ['unitId', 'note'],
};

/** Steps that end a lead without a case (red buttons). */
export function isDangerAction(action: CaseAction): boolean {
  return action === 'decline' || action === 'transfer';
}

/** The note is the step's reason (不予立案, 移送, 延期, 更换) and then required, or a free remark. */
export function noteIsReason(action: CaseAction): boolean {
  return action === 'decline' || action === 'transfer' || action === 'extend' || action === 'reassign';
}

/** The penalty kinds a step offers: 告知 never 不予处罚, 简易程序 only 警告 and 罚款 (行政处罚法 51). */
export function penaltyKindsFor(action: CaseAction): readonly PenaltyKindCode[] {
  if (action === 'simple') return ['warning', 'fine'];
  if (action === 'notify') return PENALTY_KINDS.filter((k) => k !== 'none');
  return PENALTY_KINDS;
}

/** What a step's form collects (dates as dayjs, as the pickers give them). */
export interface CaseActionValues {
  itemId?: string;
  officerIds?: string[];
  severeHarm?: boolean;
  departmentId?: string;
  penaltyKinds?: PenaltyKindCode[];
  fineAmount?: number | null;
  confiscationAmount?: number | null;
  majorReasons?: MajorReason[];
  requestedOn?: Dayjs | null;
  hearingOn?: Dayjs | null;
  presiderId?: string;
  place?: string;
  record?: string;
  days?: number | null;
  passed?: boolean;
  opinion?: string;
  heldOn?: Dayjs | null;
  participants?: string;
  benchmarkDegree?: BenchmarkDegreeCode;
  legalBasis?: string;
  noPenaltyReason?: string;
  statement?: string;
  on?: Dayjs | null;
  deliveryMethod?: DeliveryMethodCode;
  paidAmount?: number | null;
  kind?: EvidenceKind;
  title?: string;
  sha256?: string;
  fileName?: string;
  collectedOn?: Dayjs | null;
  correctsId?: string;
  evidenceId?: string;
  outcome?: PreservationOutcome;
  decidedOn?: Dayjs | null;
  unitId?: string;
  note?: string;
}

const blank = (s: string | undefined): string | null => (s && s.trim() !== '' ? s.trim() : null);
const iso = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);
const amount = (n: number | null | undefined): number | null =>
  typeof n === 'number' && Number.isFinite(n) ? n : null;

/** The penalty as sent: an amount only with its kind (the API refuses a fine amount without 罚款). */
function penalty(v: CaseActionValues) {
  const kinds = v.penaltyKinds ?? [];
  return {
    penaltyKinds: kinds,
    fineAmount: kinds.includes('fine') ? amount(v.fineAmount) : null,
    confiscationAmount: kinds.includes('confiscation') ? amount(v.confiscationAmount) : null,
  };
}

/** The request body of a step: the fields that step takes, trimmed; nothing else. */
export function caseActionBody<A extends CaseAction>(action: A, v: CaseActionValues): CaseActionBodies[A] {
  const note = blank(v.note);
  const body = (() => {
    switch (action as CaseAction) {
      case 'file':
      case 'decline':
      case 'transfer':
        return {
          note,
          itemId: action === 'decline' ? null : (v.itemId ?? null),
          officerIds: action === 'file' ? (v.officerIds ?? []) : null,
          severeHarm: action === 'file' ? v.severeHarm === true : null,
          departmentId: action === 'transfer' ? (v.departmentId ?? null) : null,
        };
      case 'notify':
        return { ...penalty(v), majorReasons: v.majorReasons ?? [], note };
      case 'request_hearing':
      case 'schedule_hearing':
      case 'hold_hearing':
        return {
          requestedOn: action === 'request_hearing' ? iso(v.requestedOn) : null,
          hearingOn: action === 'schedule_hearing' ? iso(v.hearingOn) : null,
          presiderId: action === 'schedule_hearing' ? (v.presiderId ?? null) : null,
          place: action === 'schedule_hearing' ? blank(v.place) : null,
          record: action === 'hold_hearing' ? blank(v.record) : null,
          note,
        };
      case 'extend':
      case 'reassign':
        return {
          days: action === 'extend' ? amount(v.days) : null,
          officerIds: action === 'reassign' ? (v.officerIds ?? []) : null,
          note,
        };
      case 'review':
      case 'discuss':
        return {
          passed: action === 'review' ? (v.passed ?? null) : null,
          opinion: blank(v.opinion),
          heldOn: action === 'discuss' ? iso(v.heldOn) : null,
          participants: action === 'discuss' ? blank(v.participants) : null,
        };
      case 'decide':
      case 'simple': {
        const p = penalty(v);
        const none = p.penaltyKinds.includes('none');
        return {
          ...p,
          benchmarkDegree: none ? null : (v.benchmarkDegree ?? null),
          legalBasis: blank(v.legalBasis),
          noPenaltyReason: none ? blank(v.noPenaltyReason) : null,
          statement: blank(v.statement),
          itemId: action === 'simple' ? (v.itemId ?? null) : null,
          officerIds: action === 'simple' ? (v.officerIds ?? []) : null,
          note,
        };
      }
      case 'deliver':
      case 'execute':
      case 'close':
      case 'archive':
        return {
          // 结案 and 归档 happen today: the API takes no date for them
          on: action === 'deliver' || action === 'execute' ? iso(v.on) : null,
          deliveryMethod: action === 'deliver' ? (v.deliveryMethod ?? null) : null,
          paidAmount: action === 'execute' ? amount(v.paidAmount) : null,
          note,
        };
      case 'collect':
        return {
          kind: v.kind ?? null,
          title: blank(v.title),
          sha256: v.sha256 ?? null,
          fileName: blank(v.fileName),
          collectedOn: iso(v.collectedOn),
          correctsId: v.correctsId ?? null,
          note,
        };
      case 'decide_preservation':
        return { evidenceId: v.evidenceId ?? null, outcome: v.outcome ?? null, decidedOn: iso(v.decidedOn), note };
      case 'add_co_owner':
        return { unitId: v.unitId ?? null, note };
    }
  })();
  return body as CaseActionBodies[A];
}

/**
 * The form's first values for a step on this case: the decision starts from what the party was told, 执行 from the
 * fine with today's 加处罚款, 更换承办人员 from the officers now on the case, the hearing's place from the team's
 * address, dates from today.
 */
export function initialCaseValues(action: CaseAction, c: EnforcementCase, today: Dayjs): CaseActionValues {
  switch (action) {
    case 'decide': {
      const kinds = (c.notice?.kinds ?? []).map((k) => k.code).filter(isPenaltyKind);
      return {
        penaltyKinds: kinds,
        fineAmount: c.notice?.fine ?? null,
        confiscationAmount: c.notice?.confiscation ?? null,
        statement: c.notice?.statement ?? undefined,
      };
    }
    case 'execute': {
      const fine = c.decision?.fine;
      const late = c.execution?.lateFeeToday ?? 0;
      return { on: today, paidAmount: fine != null ? fine + late : null };
    }
    case 'deliver':
      return { on: today, deliveryMethod: 'direct' };
    case 'request_hearing':
      return { requestedOn: today };
    case 'schedule_hearing':
      return { place: c.team?.address ?? undefined };
    case 'discuss':
      return { heldOn: today };
    case 'reassign':
      return { officerIds: c.officers.map((o) => o.officerId) };
    case 'collect':
      return { collectedOn: today };
    case 'decide_preservation': {
      const open = undecidedPreservations(c.evidence);
      return { decidedOn: today, evidenceId: open.length === 1 ? open[0]?.id : undefined };
    }
    default:
      return {};
  }
}

/** The item a decision is measured against: the filed item, or the one chosen on the spot (简易程序). */
export function benchmarkItemCode(
  action: CaseAction,
  c: Pick<EnforcementCase, 'filing'>,
  chosen: Pick<TownshipEntry, 'code'> | undefined,
): string | undefined {
  if (action === 'simple') return chosen?.code;
  return c.filing?.itemCode;
}

/** The township's items a step may rest on: exercisable today; 立案 a 处罚/强制/检查 item, 简易程序 a 处罚 item. */
export function itemsForAction(action: CaseAction, entries: readonly TownshipEntry[], domain: string): TownshipEntry[] {
  const fits = (e: TownshipEntry) =>
    action === 'transfer' || (action === 'simple' ? e.type === 'CF' : FILING_TYPES.includes(e.type));
  // the case's own domain first: its officers are certified for it
  return entries
    .filter((e) => e.exercisable && fits(e))
    .sort((a, b) => Number(b.domainCode === domain) - Number(a.domainCode === domain) || a.code.localeCompare(b.code));
}

/** Why an officer cannot be picked for the case, or null: 已调离, no valid certificate, or not of the domain. */
export function officerUnfit(
  o: Pick<Officer, 'status' | 'domains'>,
  domain: string,
): 'left' | 'expired' | 'domain' | null {
  if (o.status === 'left') return 'left';
  if (o.status === 'expired') return 'expired';
  if (!o.domains.includes(domain)) return 'domain';
  return null;
}

/** The fine range of a degree in yuan (`500–2000`), or null where it allows no fine. */
export function degreeRange(d: Pick<BenchmarkDegree, 'minFine' | 'maxFine'>): string | null {
  if (d.minFine == null || d.maxFine == null) return null;
  return `${formatAmount(d.minFine)}–${formatAmount(d.maxFine)}`;
}

/** A yuan amount without trailing zeros: 500, 1234.5. */
export function formatAmount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}

/** A fine outside the chosen degree's range (the API refuses it; the form says so beforehand). */
export function fineOutsideDegree(fine: number | null | undefined, d: BenchmarkDegree | undefined): boolean {
  if (fine == null || !d || d.minFine == null || d.maxFine == null) return false;
  return fine < d.minFine || fine > d.maxFine;
}

// ---------- evidence ----------

/** The items under 先行登记保存 still waiting for their decision (the only ones 处理决定 may name). */
export function undecidedPreservations(evidence: readonly CaseEvidence[]): CaseEvidence[] {
  return evidence.filter((e) => e.preservation != null && e.preservation.outcome == null);
}

/** The county departments a case may add as 共同办理: not the ones already on it. */
export function coOwnerChoices<U extends { id: string }>(units: readonly U[], c: Pick<EnforcementCase, 'coOwners'>) {
  const taken = new Set(c.coOwners.map((o) => o.unitId));
  return units.filter((u) => !taken.has(u.id));
}

/** A file size as people read it: 512 B, 1.5 KB, 12.3 MB (1024-based, one decimal below 100). */
export function formatSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let n = bytes;
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i += 1;
  }
  const shown = i === 0 || n >= 100 ? String(Math.round(n)) : n.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${units[i]}`;
}

/** A SHA-256 shortened for a table: its first and last eight hex digits. */
export function shortHash(sha256: string): string {
  return sha256.length <= 20 ? sha256 : `${sha256.slice(0, 8)}…${sha256.slice(-8)}`;
}

const TYPES_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  mp4: 'video/mp4',
  mp3: 'audio/mpeg',
};

/** The accept list of the file picker (the types the API stores). */
export const EVIDENCE_ACCEPT = '.jpg,.jpeg,.png,.pdf,.ofd,.mp4,.mp3';

/**
 * The Content-Type a chosen file is sent with: the browser's type, or the one of its extension where the browser
 * knows none (OFD); anything else as it is, for the API to refuse with its own 415.
 */
export function evidenceContentType(file: Pick<File, 'name' | 'type'>): string {
  if (file.type) return file.type;
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return TYPES_BY_EXTENSION[ext] ?? 'application/octet-stream';
}
