import type { Me } from '../../lib/api/types';
import { countyToday } from '../../lib/dates';
import { addMonths, monthIndex, parseMonth } from '../../lib/months';

/** The files of a package, as its README lists them, each with the locale key of its one-line description. */
export const PACKAGE_FILES = [
  { name: 'README.md', key: 'readme' },
  { name: 'kpis.csv', key: 'kpis' },
  { name: 'power_list_entries.csv', key: 'powerListEntries' },
  { name: 'power_list_changes.csv', key: 'powerListChanges' },
  { name: 'service_items.csv', key: 'serviceItems' },
  { name: 'applications_by_item.csv', key: 'applicationsByItem' },
  { name: 'staffing_establishments.csv', key: 'staffingEstablishments' },
  { name: 'staffing_movements.csv', key: 'staffingMovements' },
  { name: 'enforcement_disclosures.csv', key: 'enforcementDisclosures' },
  { name: 'enforcement_cases_by_township.csv', key: 'enforcementCasesByTownship' },
  { name: 'manifest.sha256', key: 'manifestSha256' },
  { name: 'manifest.sig', key: 'manifestSig' },
] as const;

/** The month the county is in (Asia/Shanghai), YYYY-MM: its package is not closed yet. */
export function currentCountyMonth(now: Date = new Date()): string {
  return countyToday(now).slice(0, 7);
}

/** Last month in the county: the newest closed month, the page's default. */
export function lastClosedMonth(now: Date = new Date()): string {
  return addMonths(currentCountyMonth(now), -1);
}

/** Whether a month (YYYY-MM) has ended in the county: only those have a package. */
export function isClosedMonth(month: string, now: Date = new Date()): boolean {
  return monthIndex(month) < monthIndex(currentCountyMonth(now));
}

/** The month a page shows: the one asked for when it is a closed month, else last month. */
export function effectiveMonth(asked: string | null | undefined, now: Date = new Date()): string {
  const month = parseMonth(asked);
  return month && isClosedMonth(month, now) ? month : lastClosedMonth(now);
}

/** Who downloads packages: users of a county (their own) or of the province (any county they pick). */
export function canDownloadOpenData(me: Pick<Me, 'regionLevel'>): boolean {
  return me.regionLevel === 'county' || me.regionLevel === 'province';
}

/** The county whose package a county-level user downloads (a province-level user picks one: undefined). */
export function ownCounty(me: Pick<Me, 'regionLevel' | 'regionId'>): string | undefined {
  return me.regionLevel === 'county' ? me.regionId : undefined;
}
