// Pure helpers of the 好差评 and 差评整改 pages: the five levels and their faces' colours, who rates at the window and
// when, the request bodies, the list filters in the query string, the rectification states, which action buttons to
// show and what each action's form asks for, and the days a rectification is overdue.
import type {
  AppealDecision,
  ApplicationState,
  Me,
  PublicRateRequest,
  PublicRatingChannel,
  RateRequest,
  RaterResponse,
  Rating,
  RatingChannel,
  RatingLevel,
  RatingQuery,
  Rectification,
  RectificationAction,
  RectificationActionRequest,
  RectificationQuery,
  RectificationState,
} from '../../lib/api/types';
import { knownActions } from '../../lib/allowedActions';

// ---------- levels ----------

/** Best first, as the pad shows them. */
export const RATING_LEVELS: readonly RatingLevel[] = [5, 4, 3, 2, 1];

export function isRatingLevel(v: unknown): v is RatingLevel {
  return typeof v === 'number' && (RATING_LEVELS as readonly number[]).includes(v);
}

/** 不满意 and 非常不满意 are bad ratings: each opens a rectification, and must say why. */
export function isBadLevel(level: number): boolean {
  return level <= 2;
}

/** The comment is required exactly for a bad rating (the API answers 400 on `comment` otherwise). */
export function commentRequired(level: number | null | undefined): boolean {
  return typeof level === 'number' && isBadLevel(level);
}

/** The colour of a level's face and text: green for 非常满意 down to red for 非常不满意. */
export function levelColor(level: number): string {
  switch (level) {
    case 5:
      return '#389e0d';
    case 4:
      return '#7cb305';
    case 3:
      return '#d4b106';
    case 2:
      return '#d46b08';
    default:
      return '#cf1322';
  }
}

/** antd Tag colour of a level. */
export function levelTagColor(level: number): string {
  switch (level) {
    case 5:
      return 'green';
    case 4:
      return 'lime';
    case 3:
      return 'gold';
    case 2:
      return 'orange';
    default:
      return 'red';
  }
}

// ---------- channels ----------

export const RATING_CHANNELS: readonly RatingChannel[] = ['window', 'online', 'mobile', 'sms', 'qr'];
export const PUBLIC_RATING_CHANNELS: readonly PublicRatingChannel[] = ['online', 'mobile', 'sms', 'qr'];

export function isRatingChannel(v: unknown): v is RatingChannel {
  return typeof v === 'string' && (RATING_CHANNELS as readonly string[]).includes(v);
}

export function isPublicRatingChannel(v: unknown): v is PublicRatingChannel {
  return typeof v === 'string' && (PUBLIC_RATING_CHANNELS as readonly string[]).includes(v);
}

// ---------- rating at the window (评价器) ----------

/** Only a finished application is rated (办结后才能评价). */
export function isRateable(state: ApplicationState): boolean {
  return state === 'completed' || state === 'delivered';
}

/** Window clerks and village agents hold the pad (the API refuses anyone else with 403). */
export function ratesAtWindow(me: Pick<Me, 'role'>): boolean {
  return me.role === 'window_clerk' || me.role === 'village_agent';
}

/** The pad is offered once the application is finished, to those who hold it, until the window rating is given. */
export function showRatingPad(me: Pick<Me, 'role'>, state: ApplicationState, ratings: readonly Pick<Rating, 'channel'>[]): boolean {
  return ratesAtWindow(me) && isRateable(state) && !ratings.some((r) => r.channel === 'window');
}

const blank = (s: string | null | undefined): string | null => (s && s.trim() !== '' ? s.trim() : null);

export function rateBody(level: RatingLevel, comment: string | undefined): RateRequest {
  return { level, comment: blank(comment) };
}

export interface PublicRateValues {
  /** What the citizen typed: the 办件编号 of the receipt (or, from older receipts and links, the id). */
  applicationId?: string;
  phone?: string;
  level?: RatingLevel;
  comment?: string;
}

export function publicRateBody(v: PublicRateValues, channel: PublicRatingChannel = 'online'): PublicRateRequest {
  const typed = blank(v.applicationId);
  const isId = typed !== null && UUID.test(typed);
  return {
    applicationId: isId ? typed : null,
    applicationNumber: isId ? null : typed,
    phone: blank(v.phone),
    channel,
    level: v.level ?? null,
    comment: blank(v.comment),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A 办件编号 as receipts print it (2026-0101-000123; the format is configurable, so: letters, digits and dashes). */
const NUMBER = /^[0-9A-Za-z]+-[0-9A-Za-z-]*$/;

/** The 办件编号 printed on the receipt, or an application's id (older receipts); checked before asking the API. */
export function looksLikeApplicationId(v: string | undefined): boolean {
  const s = v?.trim() ?? '';
  return UUID.test(s) || (s.length <= 40 && NUMBER.test(s));
}

// ---------- the lists' filters (query string) ----------

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(v: string | undefined | null): v is string {
  if (!v || !ISO_DATE.test(v)) return false;
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const RATING_FILTER_KEYS = ['bad', 'from', 'to'] as const;
export type RatingFilterKey = (typeof RATING_FILTER_KEYS)[number];
export type RatingFilter = Omit<RatingQuery, 'cursor' | 'limit' | 'applicationId'>;

/** 好差评 filters from the query string: bad-only only when `true`, dates only when real dates. */
export function ratingFilterFromQuery(values: Partial<Record<RatingFilterKey, string | undefined>>): RatingFilter {
  return {
    bad: values.bad === 'true' ? true : undefined,
    from: isIsoDate(values.from) ? values.from : undefined,
    to: isIsoDate(values.to) ? values.to : undefined,
  };
}

// ---------- rectifications (差评整改) ----------

export const RECTIFICATION_STATES: readonly RectificationState[] = ['open', 'called_back', 'rectified', 'appealed', 'closed', 'voided'];

/** The order of the buttons: the usual path (回访 → 整改 → 反馈, 裁定) first, 申诉 last. */
export const RECTIFICATION_ACTIONS: readonly RectificationAction[] = ['callback', 'rectify', 'respond', 'decide', 'appeal'];

export const RATER_RESPONSES: readonly RaterResponse[] = ['satisfied', 'unsatisfied'];
export const APPEAL_DECISIONS: readonly AppealDecision[] = ['upheld', 'rejected'];

export function isRectificationState(v: unknown): v is RectificationState {
  return typeof v === 'string' && (RECTIFICATION_STATES as readonly string[]).includes(v);
}

export function isRectificationAction(v: unknown): v is RectificationAction {
  return typeof v === 'string' && (RECTIFICATION_ACTIONS as readonly string[]).includes(v);
}

/** Still to be worked on (the deadline runs). */
export function isOpenRectification(state: RectificationState): boolean {
  return state === 'open' || state === 'called_back' || state === 'appealed';
}

/** antd Tag colour of a state. */
export function rectificationStateColor(state: RectificationState): string {
  switch (state) {
    case 'open':
      return 'orange';
    case 'called_back':
      return 'blue';
    case 'rectified':
      return 'cyan';
    case 'appealed':
      return 'purple';
    case 'closed':
      return 'green';
    case 'voided':
      return 'default';
  }
}

export const RECTIFICATION_FILTER_KEYS = ['state', 'centreId', 'overdue'] as const;
export type RectificationFilterKey = (typeof RECTIFICATION_FILTER_KEYS)[number];
export type RectificationFilter = Omit<RectificationQuery, 'cursor' | 'limit'>;

export function rectificationFilterFromQuery(
  values: Partial<Record<RectificationFilterKey, string | undefined>>,
): RectificationFilter {
  return {
    state: isRectificationState(values.state) ? values.state : undefined,
    centreId: values.centreId || undefined,
    overdue: values.overdue === 'true' ? true : undefined,
  };
}

/** Exactly what the API lists in `allowedActions`, in a stable order; names the client does not know are left out. */
export function visibleRectificationActions(x: Pick<Rectification, 'allowedActions'>): RectificationAction[] {
  return knownActions(RECTIFICATION_ACTIONS, x.allowedActions);
}

/** The allowed actions a 409 rectifications.invalid_transition carries (the rectification moved on meanwhile). */
export function rectificationAllowedActionsOf(extensions: Record<string, unknown>): RectificationAction[] {
  return knownActions(RECTIFICATION_ACTIONS, extensions.allowedActions);
}

export interface RectificationActionSpec {
  /** 回访情况 / 整改措施 / 申诉理由 / 裁定意见 are required; the rater's own words are not. */
  noteRequired: boolean;
  /** 评价人反馈: 满意 or 不满意 */
  response: boolean;
  /** 裁定: 申诉成立 or 不成立 */
  decision: boolean;
  danger: boolean;
}

export function rectificationActionSpec(action: RectificationAction): RectificationActionSpec {
  switch (action) {
    case 'respond':
      return { noteRequired: false, response: true, decision: false, danger: false };
    case 'decide':
      return { noteRequired: true, response: false, decision: true, danger: false };
    case 'appeal':
      return { noteRequired: true, response: false, decision: false, danger: true };
    default:
      return { noteRequired: true, response: false, decision: false, danger: false };
  }
}

export interface RectificationActionValues {
  note?: string;
  response?: RaterResponse;
  decision?: AppealDecision;
}

/** The request body of an action: only the fields that action takes, the note trimmed; the others null. */
export function rectificationActionBody(action: RectificationAction, v: RectificationActionValues): RectificationActionRequest {
  const spec = rectificationActionSpec(action);
  return {
    note: blank(v.note),
    response: spec.response ? (v.response ?? null) : null,
    decision: spec.decision ? (v.decision ?? null) : null,
  };
}

const DAY_MS = 86_400_000;

function utcDay(iso: string): number {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/**
 * How many calendar days an overdue rectification is past its deadline (the API says whether it is overdue: the
 * deadline counts working days, and only while it is still open); 0 when it is not overdue.
 */
export function daysOverdue(x: Pick<Rectification, 'overdue' | 'dueOn'>, today: string): number {
  if (!x.overdue) return 0;
  return Math.max(1, Math.round((utcDay(today) - utcDay(x.dueOn)) / DAY_MS));
}
