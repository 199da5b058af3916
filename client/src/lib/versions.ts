import type { PowerItemVersion } from './api/types';
import { addDays, countyToday } from './dates';

/**
 * The two versions a record's diff compares (?from= and ?to= in the URL): by default the one before the latest and
 * the latest (the latest with itself while there is only one). `versions` is oldest first and never empty.
 */
export function diffRange(versions: readonly { version: number }[], from: string | undefined, to: string | undefined) {
  const latest = versions[versions.length - 1]!.version;
  const previous = versions.length >= 2 ? versions[versions.length - 2]!.version : latest;
  return { from: Number(from) || previous, to: Number(to) || latest };
}

// ---------- validity of versioned records (power items, service guides) ----------

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
