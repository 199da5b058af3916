// Pure helpers of the 权责清单 pages: kinds and filters, display of agreement states, grouping (dates: lib/dates, versions: lib/versions).
import type {
  Agreement,
  AgreementStatus,
  ExerciseMode,
  ListKind,
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
