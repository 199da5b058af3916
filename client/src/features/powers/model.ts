// Pure helpers of the 权责清单 pages: dates "as of", display of agreement states, versions, grouping.
import type {
  Agreement,
  AgreementStatus,
  ExerciseMode,
  ListKind,
  PowerItemVersion,
  PowerType,
  TownshipEntry,
} from '../../lib/api/types';

export const POWER_TYPES: readonly PowerType[] = ['XK', 'CF', 'QZ', 'ZS', 'JF', 'JC', 'QR', 'JL', 'CJ', 'QT'];
export const EXERCISE_MODES: readonly ExerciseMode[] = ['statutory', 'granted', 'entrusted'];
export const LIST_KINDS: readonly ListKind[] = ['basic', 'supporting', 'withdrawn'];
/** The states the agreements list can be filtered on (`pending` is shown, not filtered). */
export const AGREEMENT_FILTERS = ['in_force', 'expiring', 'expired', 'revoked'] as const;

export function isPowerType(v: unknown): v is PowerType {
  return typeof v === 'string' && (POWER_TYPES as readonly string[]).includes(v);
}
export function isExerciseMode(v: unknown): v is ExerciseMode {
  return typeof v === 'string' && (EXERCISE_MODES as readonly string[]).includes(v);
}
export function isListKind(v: unknown): v is ListKind {
  return typeof v === 'string' && (LIST_KINDS as readonly string[]).includes(v);
}
export function isAgreementFilter(v: unknown): v is (typeof AGREEMENT_FILTERS)[number] {
  return typeof v === 'string' && (AGREEMENT_FILTERS as readonly string[]).includes(v);
}

/** The county's time zone: "today" of the API (CountyClock) is the date in Asia/Shanghai, whatever the browser's zone. */
export const COUNTY_TIME_ZONE = 'Asia/Shanghai';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today in the county as YYYY-MM-DD. */
export function countyToday(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: COUNTY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** A valid YYYY-MM-DD (e.g. from the query string), else undefined. */
export function parseIsoDate(value: string | null | undefined): string | undefined {
  if (!value || !ISO_DATE.test(value)) return undefined;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? value : undefined;
}

/** The as-of date a page shows: the one in the query string when valid, else today in the county. */
export function effectiveAsOf(fromQuery: string | null | undefined, today: string = countyToday()): string {
  return parseIsoDate(fromQuery) ?? today;
}

/** YYYY-MM-DD plus n days (n may be negative). */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

/**
 * A validity period for display. The API's end dates are exclusive (a version ends the day the next one starts; an
 * entry's 失效日期 is its first day out of force), people read 至 as inclusive: show the last day in force.
 */
export function displayPeriod(from: string, exclusiveTo: string | null): { from: string; lastDay: string | null } {
  return { from, lastDay: exclusiveTo ? addDays(exclusiveTo, -1) : null };
}

export type AsOfKind = 'today' | 'past' | 'future';

/** Whether a page looks at today, at history or at the planned future (the as-of banner says which). */
export function asOfKind(asOf: string, today: string = countyToday()): AsOfKind {
  return asOf === today ? 'today' : asOf < today ? 'past' : 'future';
}

// ---------- versions ----------

/** A version's validity: [effectiveFrom, effectiveTo) — effectiveTo is exclusive (the next version's start). */
export function versionCovers(v: Pick<PowerItemVersion, 'effectiveFrom' | 'effectiveTo'>, date: string): boolean {
  return v.effectiveFrom <= date && (v.effectiveTo === null || date < v.effectiveTo);
}

/** The version in force on `date`, if any (versions do not overlap). */
export function versionInForce<V extends Pick<PowerItemVersion, 'effectiveFrom' | 'effectiveTo'>>(
  versions: readonly V[],
  date: string,
): V | undefined {
  return versions.find((v) => versionCovers(v, date));
}

export type VersionState = 'withdrawn' | 'inForce' | 'superseded' | 'planned';

/** How a version stands on `date`: in force, already replaced, not yet in force, or the withdrawal (取消) itself. */
export function versionState(v: Pick<PowerItemVersion, 'effectiveFrom' | 'effectiveTo' | 'withdrawn'>, date: string): VersionState {
  if (v.withdrawn) return 'withdrawn';
  if (versionCovers(v, date)) return 'inForce';
  return v.effectiveFrom > date ? 'planned' : 'superseded';
}

/** The earliest date a new version may take effect: the day after the latest version's start. */
export function earliestRevisionDate(latest: Pick<PowerItemVersion, 'effectiveFrom'>): string {
  return addDays(latest.effectiveFrom, 1);
}

/** The default effective date of a revision: today, unless that is not later than the latest version's start. */
export function defaultRevisionDate(latest: Pick<PowerItemVersion, 'effectiveFrom'>, today: string = countyToday()): string {
  const earliest = earliestRevisionDate(latest);
  return today >= earliest ? today : earliest;
}

/** The ETag the API gives a record of this version (`"v3"`), for If-Match when only the version number is at hand. */
export function etagOf(version: number): string {
  return `"v${version}"`;
}

// ---------- agreements ----------

export interface StatusDisplay {
  /** antd Tag colour */
  color: string;
  /** highlight class of a table row (none for normal rows) */
  rowClass?: string;
}

/** 即将到期 orange, 已过期 grey, 已撤销 red, 生效中 green, 未生效 blue. */
export function agreementStatusDisplay(status: AgreementStatus): StatusDisplay {
  switch (status) {
    case 'expiring':
      return { color: 'orange', rowClass: 'pl-row-expiring' };
    case 'expired':
      return { color: 'default', rowClass: 'pl-row-ended' };
    case 'revoked':
      return { color: 'red', rowClass: 'pl-row-ended' };
    case 'pending':
      return { color: 'blue' };
    case 'in_force':
      return { color: 'green' };
  }
}

export type ExpiryText =
  | { key: 'ended' }
  | { key: 'lastDay' }
  | { key: 'daysLeft'; days: number };

/** What to say about an agreement's remaining term (days are counted by the API: ends-on minus today). */
export function expiryText(a: Pick<Agreement, 'status' | 'daysToExpiry'>): ExpiryText {
  if (a.status === 'expired' || a.status === 'revoked' || a.daysToExpiry === null) return { key: 'ended' };
  if (a.daysToExpiry === 0) return { key: 'lastDay' };
  return { key: 'daysLeft', days: a.daysToExpiry };
}

export function canRevoke(a: Pick<Agreement, 'revokedOn' | 'status'>): boolean {
  return a.revokedOn === null && a.status !== 'expired';
}

// ---------- township lists ----------

/** Entries grouped by list kind in the national order (basic, supporting, withdrawn); empty groups left out. */
export function groupByListKind<E extends Pick<TownshipEntry, 'listKind'>>(entries: readonly E[]): { kind: ListKind; entries: E[] }[] {
  return LIST_KINDS.map((kind) => ({ kind, entries: entries.filter((e) => e.listKind === kind) })).filter(
    (g) => g.entries.length > 0,
  );
}

/** Row highlight of an entry: a problem (e.g. 委托协议不在有效期内) in red, a taken-back (收回) item greyed. */
export function entryRowClass(e: Pick<TownshipEntry, 'problem' | 'listKind'>): string | undefined {
  if (e.problem) return 'pl-row-problem';
  if (e.listKind === 'withdrawn') return 'pl-row-ended';
  return undefined;
}

export function unpublishedCount(entries: readonly Pick<TownshipEntry, 'publishedAt'>[]): number {
  return entries.filter((e) => !e.publishedAt).length;
}
