import { describe, expect, it } from 'vitest';
import type { CalendarDay } from '../../lib/api/types';
import { buildMonthGrid, buildYear, dayStatus, daysInMonth, defaultYear, indexExceptions, weekdayOf } from './monthGrid';

// The official 2026 National Day arrangement (shared/data/cn-holidays-2024-2026.json).
const national2026: CalendarDay[] = [
  { date: '2026-09-20', kind: 'work', name: '国庆节' },
  ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({ date: `2026-10-0${d}`, kind: 'off' as const, name: '国庆节' })),
  { date: '2026-10-10', kind: 'work', name: '国庆节' },
];

function cell(grid: ReturnType<typeof buildMonthGrid>, date: string) {
  const found = grid.weeks.flat().find((c) => c?.date === date);
  if (!found) throw new Error(`no cell ${date}`);
  return found;
}

describe('month grid', () => {
  const october = buildMonthGrid(2026, 10, indexExceptions(national2026));

  it('marks statutory holidays 休, make-up Saturdays 班 and keeps ordinary weekends and weekdays', () => {
    expect(cell(october, '2026-10-01')).toMatchObject({ status: 'holiday', name: '国庆节', marked: true, workingDay: false });
    expect(cell(october, '2026-10-03')).toMatchObject({ status: 'holiday', weekday: 6 }); // a Saturday inside the holiday
    expect(cell(october, '2026-10-08')).toMatchObject({ status: 'workday', marked: false, workingDay: true });
    expect(cell(october, '2026-10-10')).toMatchObject({ status: 'makeup', weekday: 6, workingDay: true });
    expect(cell(october, '2026-10-11')).toMatchObject({ status: 'weekend', weekday: 0, workingDay: false });
    expect(cell(october, '2026-10-12')).toMatchObject({ status: 'workday', weekday: 1 });
  });

  it('lays weeks out Monday first with padding outside the month', () => {
    // 1 Oct 2026 is a Thursday: three empty cells (Mon–Wed) before it
    expect(october.weeks[0]).toHaveLength(7);
    expect(october.weeks[0]!.slice(0, 3)).toEqual([null, null, null]);
    expect(october.weeks[0]![3]?.date).toBe('2026-10-01');
    expect(october.weeks.every((w) => w.length === 7)).toBe(true);
    expect(october.weeks.flat().filter(Boolean)).toHaveLength(31);
    // 1 Feb 2027 is a Monday: no leading padding
    const feb = buildMonthGrid(2027, 2, new Map());
    expect(feb.weeks[0]![0]?.date).toBe('2027-02-01');
    expect(feb.weeks).toHaveLength(4);
  });

  it('counts working days: Mon–Fri minus 休 plus 班', () => {
    // 22 weekdays − 5 weekday holidays (1, 2, 5, 6, 7 Oct) + 1 make-up Saturday
    expect(october.workingDays).toBe(18);
    expect(buildMonthGrid(2027, 3, new Map()).workingDays).toBe(23);
  });

  it('knows month lengths and weekdays, leap years included', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2027, 2)).toBe(28);
    expect(daysInMonth(2026, 12)).toBe(31);
    expect(weekdayOf(2027, 3, 10)).toBe(3); // Wednesday
  });

  it('lets an exception win over the weekday rule', () => {
    expect(dayStatus(3)).toBe('workday');
    expect(dayStatus(6)).toBe('weekend');
    expect(dayStatus(3, { kind: 'off' })).toBe('holiday');
    expect(dayStatus(0, { kind: 'work' })).toBe('makeup');
  });

  it('builds twelve months and ignores exceptions of other years', () => {
    const months = buildYear(2026, [...national2026, { date: '2027-01-01', kind: 'off', name: '元旦' }]);
    expect(months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(cell(months[8]!, '2026-09-20').status).toBe('makeup');
    expect(buildYear(2027, national2026).flatMap((m) => m.weeks.flat()).some((c) => c?.marked)).toBe(false);
  });

  it('defaults to the current year within the offered range', () => {
    expect(defaultYear(new Date(2026, 5, 1))).toBe(2026);
    expect(defaultYear(new Date(2031, 0, 1))).toBe(2027);
    expect(defaultYear(new Date(2020, 0, 1))).toBe(2024);
  });
});
