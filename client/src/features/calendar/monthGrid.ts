// Pure calendar arithmetic for the 工作日历 page: which date is a statutory holiday (休),
// a make-up working day (班), an ordinary weekend or an ordinary working day.
// Dates are plain YYYY-MM-DD strings and computed in UTC so the browser's zone never shifts a day.

import type { CalendarDay } from '../../lib/api/types';

/** holiday = 休 (off on a day that would be worked), makeup = 班 (worked on a weekend). */
export type DayStatus = 'holiday' | 'makeup' | 'weekend' | 'workday';

export interface DayCell {
  date: string;
  day: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  status: DayStatus;
  /** The holiday's name for marked days. */
  name?: string;
  /** Marked by an exception (休 or 班), whatever the weekday. */
  marked: boolean;
  workingDay: boolean;
}

export interface MonthGrid {
  year: number;
  /** 1–12 */
  month: number;
  /** Rows of 7 cells, Monday first (the Chinese convention); null pads days outside the month. */
  weeks: (DayCell | null)[][];
  workingDays: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function isWeekend(weekday: number): boolean {
  return weekday === 0 || weekday === 6;
}

/** An exception wins over the weekday rule: off ⇒ 休, work ⇒ 班; otherwise Mon–Fri work, Sat–Sun rest. */
export function dayStatus(weekday: number, exception?: Pick<CalendarDay, 'kind'>): DayStatus {
  if (exception?.kind === 'off') return 'holiday';
  if (exception?.kind === 'work') return 'makeup';
  return isWeekend(weekday) ? 'weekend' : 'workday';
}

export function isWorkingStatus(status: DayStatus): boolean {
  return status === 'workday' || status === 'makeup';
}

export function indexExceptions(days: readonly CalendarDay[]): Map<string, CalendarDay> {
  return new Map(days.map((d) => [d.date, d]));
}

export function buildMonthGrid(year: number, month: number, exceptions: ReadonlyMap<string, CalendarDay>): MonthGrid {
  const total = daysInMonth(year, month);
  // Monday-first column of the 1st: Monday → 0 … Sunday → 6
  const lead = (weekdayOf(year, month, 1) + 6) % 7;
  const cells: (DayCell | null)[] = Array.from({ length: lead }, () => null);
  let workingDays = 0;
  for (let day = 1; day <= total; day++) {
    const date = isoDate(year, month, day);
    const weekday = weekdayOf(year, month, day);
    const exception = exceptions.get(date);
    const status = dayStatus(weekday, exception);
    const workingDay = isWorkingStatus(status);
    if (workingDay) workingDays++;
    cells.push({
      date,
      day,
      weekday,
      status,
      marked: !!exception,
      workingDay,
      ...(exception ? { name: exception.name } : {}),
    });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (DayCell | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return { year, month, weeks, workingDays };
}

export function buildYear(year: number, days: readonly CalendarDay[]): MonthGrid[] {
  const exceptions = indexExceptions(days.filter((d) => d.date.startsWith(`${year}-`)));
  return Array.from({ length: 12 }, (_, i) => buildMonthGrid(year, i + 1, exceptions));
}

/** The years the page offers. */
export const CALENDAR_YEARS = [2024, 2025, 2026, 2027] as const;

export function defaultYear(today: Date = new Date()): number {
  const y = today.getFullYear();
  const first = CALENDAR_YEARS[0];
  const last = CALENDAR_YEARS[CALENDAR_YEARS.length - 1] ?? y;
  return Math.min(Math.max(y, first), last);
}
