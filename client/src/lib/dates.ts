// Dates of the county: today in Asia/Shanghai, as-of dates from the query string, periods with exclusive ends.

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

/** A date in the words of an official document (GB/T 9704: Arabic numerals, no padding): 2026年10月10日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}
