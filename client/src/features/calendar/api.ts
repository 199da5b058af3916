import { http } from '../../lib/api/client';
import type { CalendarDay, CalendarYear, MarkDayRequest } from '../../lib/api/types';

export const calendarKeys = {
  year: (year: number) => ['calendar', 'year', year] as const,
};

export const calendarApi = {
  year: (year: number, signal?: AbortSignal) => http.get<CalendarYear>(`/calendar/years/${year}`, { signal }),
  mark: (date: string, body: MarkDayRequest) => http.put<CalendarDay>(`/calendar/days/${date}`, body),
  clear: (date: string) => http.delete(`/calendar/days/${date}`),
};
