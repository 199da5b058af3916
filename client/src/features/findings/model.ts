// Pure helpers of the 评估意见 page: the states, modules, severities and record kinds, the list's filters in the query
// string, which action buttons to show and which need a text, the request bodies, where a finding's record lives in
// the SPA, and the overview pivoted to townships × modules.
import dayjs, { type Dayjs } from 'dayjs';
import type {
  Finding,
  FindingAction,
  FindingCount,
  FindingModule,
  FindingNote,
  FindingRecordKind,
  FindingRequest,
  FindingSeverity,
  FindingState,
  FindingStateFilter,
  KpiValueRow,
} from '../../lib/api/types';
import { knownActions } from '../../lib/allowedActions';
import { EVALUATION_MODULES } from '../../lib/grants';
import type { FindingFilter } from './api';

export const FINDING_STATES: readonly FindingState[] = ['open', 'answered', 'accepted', 'disputed', 'closed'];
/** The list's state filter: what waits for the agency first, then every state. */
export const FINDING_STATE_FILTERS: readonly FindingStateFilter[] = ['waiting', ...FINDING_STATES];
export const FINDING_MODULES: readonly FindingModule[] = EVALUATION_MODULES;
export const FINDING_SEVERITIES: readonly FindingSeverity[] = ['low', 'medium', 'high'];

/** The order of the buttons: the agency's answer, then the evaluator's usual path (认可, 补充, 异议, 关闭). */
export const FINDING_ACTIONS: readonly FindingAction[] = ['answer', 'accept', 'amend', 'dispute', 'close'];

/** The kinds of record the client names in both languages (the API serves which a grant may name, and their Chinese
 * name for a kind this build does not know). */
export const FINDING_RECORD_TYPES = [
  'entry',
  'agreement',
  'application',
  'rectification',
  'post_request',
  'transfer',
  'case',
  'disclosure',
] as const;

export type FindingRecordType = (typeof FINDING_RECORD_TYPES)[number];

export const isFindingRecordType = (v: string): v is FindingRecordType =>
  (FINDING_RECORD_TYPES as readonly string[]).includes(v);

/** The modules a finding may name a record of, in the modules' order: those the API's kinds come from. */
export function recordModules(kinds: readonly FindingRecordKind[]): FindingModule[] {
  return FINDING_MODULES.filter((m) => kinds.some((k) => k.module === m));
}

const isOneOf =
  <T extends string>(list: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (list as readonly string[]).includes(v);

export const isFindingState = isOneOf(FINDING_STATES);
const isFindingStateFilter = isOneOf(FINDING_STATE_FILTERS);
export const isFindingModule = isOneOf(FINDING_MODULES);
export const isFindingSeverity = isOneOf(FINDING_SEVERITIES);
export const isFindingAction = isOneOf(FINDING_ACTIONS);

export function findingStateColor(state: FindingState): string {
  switch (state) {
    case 'open':
      return 'orange';
    case 'answered':
      return 'blue';
    case 'accepted':
      return 'green';
    case 'disputed':
      return 'red';
    case 'closed':
      return 'default';
  }
}

export function severityColor(severity: FindingSeverity): string {
  return severity === 'high' ? 'red' : severity === 'medium' ? 'orange' : 'default';
}

// ---------- the list's filters (query string) ----------

export const FINDING_FILTER_KEYS = ['state', 'module', 'severity', 'regionId', 'q'] as const;
export type FindingFilterKey = (typeof FINDING_FILTER_KEYS)[number];

/** Filters from the query string: unknown states, modules and severities are dropped. */
export function findingFilterFromQuery(values: Partial<Record<FindingFilterKey, string | undefined>>): FindingFilter {
  return {
    state: isFindingStateFilter(values.state) ? values.state : undefined,
    module: isFindingModule(values.module) ? values.module : undefined,
    severity: isFindingSeverity(values.severity) ? values.severity : undefined,
    regionId: values.regionId || undefined,
    q: values.q?.trim() || undefined,
  };
}

// ---------- the thread's actions ----------

/** Exactly what the API lists in `allowedActions`, in a stable order; names the client does not know are left out. */
export function visibleFindingActions(f: Pick<Finding, 'allowedActions'>): FindingAction[] {
  return knownActions(FINDING_ACTIONS, f.allowedActions);
}

/** The allowed actions a 409 invalid_transition carries (the finding moved on meanwhile). */
export function findingAllowedActionsOf(extensions: Record<string, unknown>): FindingAction[] {
  return knownActions(FINDING_ACTIONS, extensions.allowedActions);
}

/** An amendment, an answer and a dispute say something; accepting and closing may. */
export function textRequired(action: FindingAction): boolean {
  return action === 'amend' || action === 'answer' || action === 'dispute';
}

const blank = (s: string | null | undefined): string | null => (s && s.trim() !== '' ? s.trim() : null);

export function findingNoteBody(v: { text?: string }): FindingNote {
  return { text: blank(v.text) };
}

// ---------- 提出评估意见 ----------

export type SubjectKind = 'record' | 'figure';

export interface PostFindingValues {
  subject?: {
    kind?: SubjectKind;
    module?: FindingModule;
    recordType?: FindingRecordType;
    recordId?: string;
    kpiCode?: string;
    regionId?: string;
    month?: Dayjs | null;
    revision?: number | null;
  };
  severity?: FindingSeverity;
  title?: string;
  text?: string;
}

/**
 * The request: a record by module, type and id, or a KPI figure by code, region, month (yyyy-MM) and revision (its
 * module is the KPI's); the other subject fields null, texts trimmed.
 */
export function findingRequestBody(v: PostFindingValues): FindingRequest {
  const s = v.subject ?? {};
  const subject =
    s.kind === 'figure'
      ? {
          module: null,
          recordType: null,
          recordId: null,
          kpiCode: s.kpiCode ?? null,
          regionId: s.regionId ?? null,
          month: s.month ? s.month.format('YYYY-MM') : null,
          revision: s.revision ?? null,
        }
      : {
          module: s.module ?? null,
          recordType: s.recordType ?? null,
          recordId: blank(s.recordId),
          kpiCode: null,
          regionId: null,
          month: null,
          revision: null,
        };
  return { subject, severity: v.severity ?? null, title: blank(v.title), text: blank(v.text) };
}

/**
 * 提出意见 on a frozen KPI figure (a row of GET /kpis/values): the form starts with the figure quoted — code, region,
 * month and the revision the row shows — so that the same figure answers for ever.
 */
export function figureFindingValues(
  row: Pick<KpiValueRow, 'code' | 'regionId' | 'month' | 'revision'>,
): PostFindingValues {
  return {
    subject: {
      kind: 'figure',
      kpiCode: row.code,
      regionId: row.regionId,
      month: dayjs(`${row.month}-01`),
      revision: row.revision,
    },
    severity: 'medium',
  };
}

// ---------- the subject ----------

const RECORD_PAGES: Partial<Record<string, (id: string) => string>> = {
  'power_lists/agreement': (id) => `/power-lists/agreements/${id}`,
  'service_centre/application': (id) => `/services/applications/${id}`,
  'service_centre/rectification': (id) => `/services/rectifications/${id}`,
  'staffing/post_request': (id) => `/staffing/requests/${id}`,
  'staffing/transfer': (id) => `/staffing/transfers/${id}`,
  'enforcement/case': (id) => `/enforcement/cases/${id}`,
};

/** The SPA page of the record a finding is about, when the SPA has one for that kind (else null). */
export function recordPath(f: Pick<Finding, 'module' | 'recordType' | 'recordId'>): string | null {
  if (!f.recordType || !f.recordId) return null;
  return RECORD_PAGES[`${f.module}/${f.recordType}`]?.(encodeURIComponent(f.recordId)) ?? null;
}

// ---------- the overview ----------

export interface SummaryCell {
  open: number;
  answered: number;
  total: number;
}

export interface SummaryRow {
  /** The list's `regionId` filter for the row's findings. */
  regionId: string;
  regionName: string;
  cells: Partial<Record<FindingModule, SummaryCell>>;
  /** Waiting for an answer, all modules. */
  open: number;
  total: number;
}

/** The overview as townships (in the API's order) × the modules that have findings (in the modules' order). */
export function pivotSummary(counts: readonly FindingCount[]): { modules: FindingModule[]; rows: SummaryRow[] } {
  const rows = new Map<string, SummaryRow>();
  for (const c of counts) {
    const row = rows.get(c.regionId) ?? {
      regionId: c.regionId,
      regionName: c.regionName,
      cells: {},
      open: 0,
      total: 0,
    };
    const cell = row.cells[c.module] ?? { open: 0, answered: 0, total: 0 };
    row.cells[c.module] = {
      open: cell.open + c.open,
      answered: cell.answered + c.answered,
      total: cell.total + c.total,
    };
    row.open += c.open;
    row.total += c.total;
    rows.set(c.regionId, row);
  }
  const modules = FINDING_MODULES.filter((m) => counts.some((c) => c.module === m));
  return { modules, rows: [...rows.values()] };
}
