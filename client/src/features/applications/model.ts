// Pure helpers of the 办件 pages: states and their colours, which buttons to show and what each step needs, the
// deadline highlight (超期 red, 临近到期 orange), the list filters in the query string, and the idempotency key of
// the register form.
import type {
  ApplicantKind,
  Application,
  ApplicationAction,
  ApplicationActionRequest,
  ApplicationChannel,
  ApplicationEvent,
  ApplicationFilter,
  ApplicationListItem,
  ApplicationOutcome,
  ApplicationState,
  ApplicationSummary,
  DeliveryMethod,
  Me,
} from '../../lib/api/types';
import type { TFunction } from 'i18next';
import { knownActions } from '../../lib/allowedActions';
import { VILLAGE_AGENT, WINDOW_CLERK } from '../../lib/roles';

export const APPLICATION_STATES: readonly ApplicationState[] = [
  'received',
  'accepted',
  'suspended',
  'refused',
  'completed',
  'delivered',
];

/** The order of the buttons: the usual next step first, the refusals and hand-overs after it. */
export const APPLICATION_ACTIONS: readonly ApplicationAction[] = [
  'accept',
  'complete',
  'deliver',
  'resume',
  'suspend',
  'forward',
  'refuse',
];

export const CHANNELS: readonly ApplicationChannel[] = ['window', 'online', 'mobile', 'kiosk', 'village_point'];
/** What a window registers (a village point always registers as 村代办点). */
export const WINDOW_CHANNELS: readonly ApplicationChannel[] = ['window', 'online', 'mobile', 'kiosk'];
export const APPLICANT_KINDS: readonly ApplicantKind[] = ['person', 'organisation'];
export const OUTCOMES: readonly ApplicationOutcome[] = ['approved', 'rejected'];
export const DELIVERY_METHODS: readonly DeliveryMethod[] = ['pickup', 'post'];

export function isApplicationState(v: unknown): v is ApplicationState {
  return typeof v === 'string' && (APPLICATION_STATES as readonly string[]).includes(v);
}
export function isApplicationAction(v: unknown): v is ApplicationAction {
  return typeof v === 'string' && (APPLICATION_ACTIONS as readonly string[]).includes(v);
}
export function isChannel(v: unknown): v is ApplicationChannel {
  return typeof v === 'string' && (CHANNELS as readonly string[]).includes(v);
}

/** Still being handled (在办): the clock runs, or is paused for 补正. */
export function isOpenState(state: ApplicationState): boolean {
  return state === 'received' || state === 'accepted' || state === 'suspended';
}

/** antd Tag colour of a state. */
export function stateColor(state: ApplicationState): string {
  switch (state) {
    case 'received':
      return 'blue';
    case 'accepted':
      return 'cyan';
    case 'suspended':
      return 'gold';
    case 'refused':
      return 'default';
    case 'completed':
      return 'green';
    case 'delivered':
      return 'purple';
  }
}

// ---------- roles ----------

/** Window clerks and village agents register and handle applications (and may reveal personal data, audited). */
export function handlesApplications(me: Pick<Me, 'role'>): boolean {
  return me.role === WINDOW_CLERK || me.role === VILLAGE_AGENT;
}

// ---------- actions ----------

/** Exactly what the API lists in `allowedActions`, in a stable order; names the client does not know are left out. */
export function visibleActions(a: Pick<Application, 'allowedActions'>): ApplicationAction[] {
  return knownActions(APPLICATION_ACTIONS, a.allowedActions);
}

/** The allowed actions a 409 applications.invalid_transition carries (the application moved on meanwhile). */
export function allowedActionsOf(extensions: Record<string, unknown>): ApplicationAction[] {
  return knownActions(APPLICATION_ACTIONS, extensions.allowedActions);
}

/** What the note of a step means: a refusal's reason, the missing materials (补正), or a free remark. */
export type NoteKind = 'reason' | 'materials' | 'remark';

export interface ActionSpec {
  /** One click, no form (受理). */
  immediate: boolean;
  noteKind: NoteKind;
  noteRequired: boolean;
  /** 办结: 准予 or 不予 */
  outcome: boolean;
  /** 送达: pickup or post (+ tracking number for post) */
  delivery: boolean;
  /** Offer the 申请人到场 checkbox (counts a visit, 跑动次数), with this default. */
  visit: boolean | null;
  /** 补正: tick the checklist's missing materials (the note is then optional). */
  materials: boolean;
  danger: boolean;
}

/** What the form of each step asks for (the API checks the same: 400 with field errors otherwise). */
export function actionSpec(action: ApplicationAction): ActionSpec {
  const base: ActionSpec = {
    immediate: false,
    noteKind: 'remark',
    noteRequired: false,
    outcome: false,
    delivery: false,
    visit: null,
    materials: false,
    danger: false,
  };
  switch (action) {
    case 'accept':
      return { ...base, immediate: true };
    case 'refuse':
      return { ...base, noteKind: 'reason', noteRequired: true, danger: true };
    case 'suspend':
      // the ticked materials or the note (the API checks the same)
      return { ...base, noteKind: 'materials', materials: true };
    case 'resume':
      // the missing materials usually come with the applicant: a visit unless the clerk says otherwise
      return { ...base, visit: true };
    case 'complete':
      return { ...base, outcome: true };
    case 'deliver':
      return { ...base, delivery: true };
    case 'forward':
      return base;
  }
}

/** The values the action form collects. */
export interface ActionValues {
  note?: string;
  outcome?: ApplicationOutcome;
  deliveryMethod?: DeliveryMethod;
  trackingNumber?: string;
  visit?: boolean;
  /** 补正: the checklist's materials ticked as missing (by name). */
  missingMaterials?: string[];
}

/** A tracking number is needed exactly when the application is posted. */
export function needsTrackingNumber(action: ApplicationAction, method: DeliveryMethod | undefined): boolean {
  return action === 'deliver' && method === 'post';
}

/** The form's first values: 准予, 窗口领取 and 申请人到场 are what a window does most. */
export function initialActionValues(action: ApplicationAction): ActionValues {
  const spec = actionSpec(action);
  return {
    note: '',
    outcome: spec.outcome ? 'approved' : undefined,
    deliveryMethod: spec.delivery ? 'pickup' : undefined,
    trackingNumber: '',
    visit: spec.visit ?? false,
  };
}

const blank = (s: string | undefined): string | null => (s && s.trim() !== '' ? s.trim() : null);

/** The request body of a step: only the fields that step takes, trimmed; the others null. */
export function actionBody(action: ApplicationAction, v: ActionValues): ApplicationActionRequest {
  const spec = actionSpec(action);
  return {
    note: blank(v.note),
    outcome: spec.outcome ? (v.outcome ?? null) : null,
    deliveryMethod: spec.delivery ? (v.deliveryMethod ?? null) : null,
    trackingNumber: needsTrackingNumber(action, v.deliveryMethod) ? blank(v.trackingNumber) : null,
    visit: spec.visit !== null ? v.visit === true : null,
    ...(spec.materials ? { missingMaterials: v.missingMaterials ?? [] } : {}),
  };
}

// ---------- deadlines ----------

export type DeadlineStatus = 'overdue' | 'dueSoon' | null;

/**
 * Which deadline highlight an application gets: the API decides (working days on the official calendar; only while
 * the clock runs, so never for 补正中 or finished ones) and this only picks the stronger of the two.
 */
export function deadlineStatus(a: Pick<ApplicationListItem, 'overdue' | 'dueSoon'>): DeadlineStatus {
  if (a.overdue) return 'overdue';
  if (a.dueSoon) return 'dueSoon';
  return null;
}

/** Overdue red, due soon orange (Tag colour and text colour). */
export function deadlineColor(status: DeadlineStatus): { tag: string; text: string | undefined } {
  switch (status) {
    case 'overdue':
      return { tag: 'red', text: '#cf1322' };
    case 'dueSoon':
      return { tag: 'orange', text: '#d46b08' };
    default:
      return { tag: 'default', text: undefined };
  }
}

/** The highlight class of a table row. */
export function deadlineRowClass(a: Pick<ApplicationListItem, 'overdue' | 'dueSoon'>): string {
  const s = deadlineStatus(a);
  return s === 'overdue' ? 'ap-row-overdue' : s === 'dueSoon' ? 'ap-row-due-soon' : '';
}

// ---------- the list's filters (query string) ----------

export const FILTER_KEYS = ['state', 'from', 'to', 'applicant', 'overdue', 'dueSoon'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isIsoDate(v: string | undefined): v is string {
  if (!v || !ISO_DATE.test(v)) return false;
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The API's filter from the query string: unknown states, bad dates and anything but `true` are dropped. */
export function filterFromQuery(values: Partial<Record<FilterKey, string | undefined>>): ApplicationFilter {
  const applicant = values.applicant?.trim();
  return {
    state: isApplicationState(values.state) ? values.state : undefined,
    from: isIsoDate(values.from) ? values.from : undefined,
    to: isIsoDate(values.to) ? values.to : undefined,
    applicant: applicant ? applicant : undefined,
    overdue: values.overdue === 'true' ? true : undefined,
    dueSoon: values.dueSoon === 'true' ? true : undefined,
  };
}

export type SummaryKey = keyof ApplicationSummary;

export const SUMMARY_KEYS: readonly SummaryKey[] = [
  'open',
  'overdue',
  'dueSoon',
  'suspended',
  'receivedToday',
  'completedToday',
];

/**
 * Where a figure of the workbench leads: the list with the filter that shows those applications. The list cannot
 * filter on "any open state" nor on the completion day, so 在办 opens the whole list (newest first) and 今日办结 the
 * completed ones.
 */
export function summaryLink(key: SummaryKey, today: string): string {
  const q = (params: Record<string, string>) => `/services/applications?${new URLSearchParams(params).toString()}`;
  switch (key) {
    case 'open':
      return '/services/applications';
    case 'overdue':
      return q({ overdue: 'true' });
    case 'dueSoon':
      return q({ dueSoon: 'true' });
    case 'suspended':
      return q({ state: 'suspended' });
    case 'receivedToday':
      return q({ from: today, to: today });
    case 'completedToday':
      return q({ state: 'completed' });
  }
}

/** Red for overdue, orange for due soon, otherwise nothing special (a figure of 0 is never alarming). */
export function summaryTone(key: SummaryKey, value: number): 'danger' | 'warning' | undefined {
  if (value <= 0) return undefined;
  if (key === 'overdue') return 'danger';
  if (key === 'dueSoon') return 'warning';
  return undefined;
}

// ---------- the register form ----------

/** 身份证号码 for a person, 统一社会信用代码 for an organisation. */
export function idNumberLabelKey(kind: ApplicantKind): 'idNumber' | 'creditCode' {
  return kind === 'organisation' ? 'creditCode' : 'idNumber';
}

// Shapes only: the check digit and the exact rules are the API's (its message lands under the field).
const ID_SHAPE = /^[0-9]{17}[0-9Xx]$/;
const CREDIT_CODE_SHAPE = /^[0-9A-Za-z]{18}$/;

export function looksLikeIdentifier(kind: ApplicantKind, value: string): boolean {
  const v = value.trim();
  return kind === 'organisation' ? CREDIT_CODE_SHAPE.test(v) : ID_SHAPE.test(v);
}

/** A fresh Idempotency-Key (a UUID). */
export function newIdempotencyKey(random: () => number = Math.random): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function' && random === Math.random) {
    return crypto.randomUUID();
  }
  // RFC 4122 version 4 from the given random source (older browsers, tests)
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = Math.floor(random() * 16);
    return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}

/** The key of one registration and the body it was first sent with. */
export interface PendingRegistration {
  key: string;
  body: string;
}

/**
 * The Idempotency-Key for sending `body`: the same key while the same registration is sent again (a double click, a
 * retry after a lost answer — the API then gives back the first application), a new one as soon as the form says
 * something else (the API refuses a key reused for a different request) or after a registration has succeeded
 * (`previous` is then null).
 */
export function registrationKey(
  previous: PendingRegistration | null,
  body: unknown,
  makeKey: () => string = newIdempotencyKey,
): PendingRegistration {
  const serialized = JSON.stringify(body);
  if (previous && previous.body === serialized) return previous;
  return { key: makeKey(), body: serialized };
}

// ---------- the receipt ----------

/** The date in the county's words: 2026年10月10日 (shared with the enforcement documents). */
export { chineseDate } from '../../lib/dates';

/**
 * Where the receipt's QR code leads: the public rating page with the 办件编号 filled in and the channel 二维码. The
 * number, not the id: it is what the page asks for, and what the citizen sees printed next to the code.
 */
export function receiptRateUrl(origin: string, number: string): string {
  return `${origin}/public/rate?${new URLSearchParams({ applicationId: number, channel: 'qr' }).toString()}`;
}

/** 窗口号 on the receipt and the detail, e.g. 3 号窗口（综合窗口）; null when it was registered at no window. */
export function windowLabel(a: Pick<Application, 'windowNumber' | 'windowName'>, t: TFunction): string | null {
  return a.windowNumber === null
    ? null
    : t('applications.fields.windowValue', { number: a.windowNumber, name: a.windowName });
}

/** 受理人 on the receipt: who accepted the application (受理) or, until then, who received it (接件). */
export function receiptClerk(events: readonly Pick<ApplicationEvent, 'action' | 'actor'>[]): {
  accepted: boolean;
  name: string;
} | null {
  const accepted = events.find((e) => e.action === 'accept');
  if (accepted) return { accepted: true, name: accepted.actor };
  const registered = events.find((e) => e.action === 'register');
  return registered ? { accepted: false, name: registered.actor } : null;
}
