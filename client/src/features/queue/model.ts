// Pure helpers of the service network and queue pages: tiers and ticket states, which ticket a window is handling
// and what it may do with it, the caller's remembered centre and window, the offered-items editor, the hall display's
// newest call and the wait as people read it.
import type {
  ApplicationItemOption,
  Centre,
  CentreTier,
  CentreWindow,
  Me,
  OfferedItem,
  QueueCall,
  RegionAncestor,
  Ticket,
  TicketAction,
  TicketState,
} from '../../lib/api/types';
import { knownActions } from '../../lib/allowedActions';

export const CENTRE_TIERS: readonly CentreTier[] = ['county', 'township', 'village'];
export const TICKET_STATES: readonly TicketState[] = ['waiting', 'called', 'serving', 'done', 'no_show'];
/** The buttons of the current ticket, in this order: 开始办理, 办结, 过号. */
export const TICKET_ACTIONS: readonly TicketAction[] = ['serve', 'done', 'no-show'];

/**
 * The county's service administration (services.manage) creates centres, adds windows and sets the offered items.
 * (Checked on the raw permission list: the permission is not one the app's menu knows.)
 */
export function managesServices(me: Pick<Me, 'permissions'> | null | undefined): boolean {
  return !!me && me.permissions.includes('services.manage');
}

export function isCentreTier(v: unknown): v is CentreTier {
  return typeof v === 'string' && (CENTRE_TIERS as readonly string[]).includes(v);
}
export function isTicketState(v: unknown): v is TicketState {
  return typeof v === 'string' && (TICKET_STATES as readonly string[]).includes(v);
}

/** antd Tag colour of a ticket state. */
export function ticketStateColor(state: TicketState): string {
  switch (state) {
    case 'waiting':
      return 'blue';
    case 'called':
      return 'orange';
    case 'serving':
      return 'cyan';
    case 'done':
      return 'green';
    case 'no_show':
      return 'default';
  }
}

/** The buttons of a ticket: exactly what the API lists in its `allowedActions`, in the order of TICKET_ACTIONS. */
export function ticketActions(ticket: Pick<Ticket, 'allowedActions'>): TicketAction[] {
  return knownActions(TICKET_ACTIONS, ticket.allowedActions);
}

/** Still at a window: called and not yet finished (办结) or passed over (过号). */
export function isAtWindow(state: TicketState): boolean {
  return state === 'called' || state === 'serving';
}

const time = (iso: string | null | undefined): number => (iso ? Date.parse(iso) : Number.NaN);

/**
 * The ticket a window is handling: the one called to it most recently that is still at a window (called or serving).
 * A ticket only names its window by number, which is unique within a centre.
 */
export function currentTicket(tickets: readonly Ticket[], windowNumber: number | undefined): Ticket | null {
  if (windowNumber === undefined) return null;
  let best: Ticket | null = null;
  for (const t of tickets) {
    if (t.windowNumber !== windowNumber || !isAtWindow(t.state)) continue;
    if (!best || time(t.calledAt) > time(best.calledAt) || (time(t.calledAt) === time(best.calledAt) && t.number > best.number))
      best = t;
  }
  return best;
}

/** Today's list with one ticket replaced by a newer answer of the API (or added, kept in number order). */
export function mergeTicket(tickets: readonly Ticket[], next: Ticket): Ticket[] {
  const others = tickets.filter((t) => t.id !== next.id);
  return [...others, next].sort((a, b) => a.number - b.number);
}

export interface TicketCounts {
  total: number;
  waiting: number;
  /** called or serving */
  atWindows: number;
  done: number;
  noShow: number;
}

/** The figures above the caller's list. */
export function ticketCounts(tickets: readonly Ticket[]): TicketCounts {
  const counts: TicketCounts = { total: tickets.length, waiting: 0, atWindows: 0, done: 0, noShow: 0 };
  for (const t of tickets) {
    if (t.state === 'waiting') counts.waiting++;
    else if (isAtWindow(t.state)) counts.atWindows++;
    else if (t.state === 'done') counts.done++;
    else counts.noShow++;
  }
  return counts;
}

/**
 * How many waiting tickets this window could call: every waiting one at a general window (no items), else those
 * without an item (综合) or with one of its items — the rule the API calls by.
 */
export function waitingFor(tickets: readonly Ticket[], window: Pick<CentreWindow, 'itemIds'> | undefined): number {
  return tickets.filter(
    (t) =>
      t.state === 'waiting' &&
      (!window || window.itemIds.length === 0 || t.itemId === null || window.itemIds.includes(t.itemId)),
  ).length;
}

/** Whole minutes between two instants (never negative); null when either is missing. */
export function minutesBetween(fromIso: string | null | undefined, toIso: string | null | undefined): number | null {
  const from = time(fromIso);
  const to = time(toIso);
  if (Number.isNaN(from) || Number.isNaN(to)) return null;
  return Math.max(0, Math.floor((to - from) / 60_000));
}

/** How long a ticket waited: until it was called, or until `now` while it still waits. */
export function waitedMinutes(t: Pick<Ticket, 'takenAt' | 'calledAt'>, now: Date): number | null {
  return minutesBetween(t.takenAt, t.calledAt ?? now.toISOString());
}

// ---------- the wait as people read it ----------

export type WaitText =
  | { key: 'none' }
  | { key: 'underMinute' }
  | { key: 'minutes'; minutes: number }
  | { key: 'hoursMinutes'; hours: number; minutes: number };

/**
 * A wait in minutes for a screen: — when unknown, 不足 1 分钟, N 分钟 (rounded), or H 小时 M 分 from an hour on.
 * The translation key is `queue.wait.<key>`.
 */
export function waitText(minutes: number | null | undefined): WaitText {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes) || minutes < 0) return { key: 'none' };
  if (minutes < 1) return { key: 'underMinute' };
  const whole = Math.round(minutes);
  if (whole < 60) return { key: 'minutes', minutes: whole };
  return { key: 'hoursMinutes', hours: Math.floor(whole / 60), minutes: whole % 60 };
}

// ---------- the hall display ----------

/** The identity of a call (the same number may be called again, e.g. after 过号, at another time or window). */
export function callKey(c: QueueCall): string {
  return `${c.display}|${c.windowNumber}|${c.calledAt}`;
}

/** The newest call (the API sends newest first; this does not rely on it). */
export function newestCall(called: readonly QueueCall[]): QueueCall | null {
  let best: QueueCall | null = null;
  for (const c of called) if (!best || time(c.calledAt) > time(best.calledAt)) best = c;
  return best;
}

/**
 * The call to announce after a refresh: the newest one when it differs from the one seen before. Nothing on the
 * first load (`previousKey` undefined): a screen switched on mid-day does not announce an old call.
 */
export function callToAnnounce(previousKey: string | null | undefined, called: readonly QueueCall[]): QueueCall | null {
  const newest = newestCall(called);
  if (previousKey === undefined || !newest) return null;
  return callKey(newest) === previousKey ? null : newest;
}

/** The calls for the board, newest first, at most `limit`. */
export function latestCalls(called: readonly QueueCall[], limit = 6): QueueCall[] {
  return [...called].sort((a, b) => time(b.calledAt) - time(a.calledAt)).slice(0, limit);
}

// ---------- the caller's choice of centre and window ----------

/**
 * The centres a window clerk can call at: only the one of their own region (the list also shows the county hall
 * above a township, where they cannot call).
 */
export function ownCentres(centres: readonly Centre[], me: Pick<Me, 'regionId'>): Centre[] {
  return centres.filter((c) => c.regionId === me.regionId);
}

/** The remembered centre when it is still offered, else the first one. */
export function pickCentre(remembered: string | undefined, centres: readonly Pick<Centre, 'id'>[]): string | undefined {
  if (remembered && centres.some((c) => c.id === remembered)) return remembered;
  return centres[0]?.id;
}

/** The remembered window when the centre still has it, else the only window, else none (the clerk picks). */
export function pickWindow(remembered: string | undefined, windows: readonly Pick<CentreWindow, 'id'>[]): string | undefined {
  if (remembered && windows.some((w) => w.id === remembered)) return remembered;
  return windows.length === 1 ? windows[0]!.id : undefined;
}

/** The number proposed for a new window: one above the highest (1 for the first). */
export function nextWindowNumber(windows: readonly Pick<CentreWindow, 'number'>[]): number {
  return windows.reduce((max, w) => Math.max(max, w.number), 0) + 1;
}

// ---------- the offered-items editor (事项进驻) ----------

export type EditorItem = {
  key: string;
  code: string;
  name: string;
  level: string;
  kind: string;
  /** Offered now but no longer in force today: the API refuses to keep it, saving drops it. */
  stale: boolean;
};

export interface OfferedItemsEditor {
  items: EditorItem[];
  /** The offered items that can be kept (in force today). */
  selected: string[];
  /** Offered items no longer in force (shown as a warning; dropped on save). */
  stale: EditorItem[];
}

/** The county's items in force today next to what the centre offers, by code. */
export function offeredItemsEditor(countyItems: readonly ApplicationItemOption[], offered: readonly OfferedItem[]): OfferedItemsEditor {
  const inForce = new Map(countyItems.map((i) => [i.itemId, i]));
  const items: EditorItem[] = countyItems.map((i) => ({
    key: i.itemId,
    code: i.code,
    name: i.name,
    level: i.level,
    kind: i.kind,
    stale: false,
  }));
  const stale: EditorItem[] = offered
    .filter((o) => !inForce.has(o.itemId))
    .map((o) => ({ key: o.itemId, code: o.code, name: o.name, level: o.level, kind: o.kind, stale: true }));
  items.sort((a, b) => a.code.localeCompare(b.code));
  return { items, selected: offered.filter((o) => inForce.has(o.itemId)).map((o) => o.itemId), stale };
}

/** Whether the editor's choice differs from what the centre offers (order does not matter). */
export function itemsChanged(selected: readonly string[], offered: readonly Pick<OfferedItem, 'itemId'>[]): boolean {
  const a = new Set(selected);
  const b = new Set(offered.map((o) => o.itemId));
  if (a.size !== b.size) return true;
  for (const id of a) if (!b.has(id)) return true;
  return false;
}

/** The item names a window serves, or null for a general window (综合窗口, every item). */
export function windowItemNames(window: Pick<CentreWindow, 'itemIds'>, offered: readonly OfferedItem[]): string[] | null {
  if (window.itemIds.length === 0) return null;
  const byId = new Map(offered.map((o) => [o.itemId, o.name]));
  return window.itemIds.map((id) => byId.get(id) ?? id);
}

// ---------- links and ids ----------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(v: string | null | undefined): v is string {
  return !!v && UUID.test(v);
}

/** The item of a take-a-ticket link (`?itemId=…`), when it is an id at all. */
export function itemIdFromQuery(v: string | null | undefined): string | undefined {
  const trimmed = v?.trim();
  return isUuid(trimmed) ? trimmed : undefined;
}

/** The county of a user: their own region at county level, else the county among its ancestors. */
export function countyIdOf(me: Pick<Me, 'regionId' | 'regionLevel'>, ancestors: readonly RegionAncestor[] | undefined): string | undefined {
  if (me.regionLevel === 'county') return me.regionId;
  return ancestors?.find((a) => a.level === 'county')?.id;
}

// the county the public pages last showed: shared with the other public pages (lib/publicPaths)
export { rememberCounty, rememberedCounty } from '../../lib/publicPaths';
