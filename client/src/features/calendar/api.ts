import { http } from '../../lib/api/client';
import type { CalendarDay, CalendarYear, CalendarYearUploadResult, LoadedYears, MarkDayRequest } from '../../lib/api/types';

export const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number) => ['calendar', 'year', year] as const,
  loadedYears: () => ['calendar', 'loaded-years'] as const,
};

export const calendarApi = {
  year: (year: number, signal?: AbortSignal) => http.get<CalendarYear>(`/calendar/years/${year}`, { signal }),
  mark: (date: string, body: MarkDayRequest) => http.put<CalendarDay>(`/calendar/days/${date}`, body),
  clear: (date: string) => http.delete(`/calendar/days/${date}`),
  /** Which years have their official arrangement, and the warning when this or (from 1 November) next year has not. */
  loadedYears: (signal?: AbortSignal) => http.get<LoadedYears>('/calendar/years', { signal }),
  /** All or nothing: a 400 carries `report` (row, column, message) and the calendar is unchanged. */
  uploadYear: (year: number, file: Blob, contentType: string) =>
    http.post<CalendarYearUploadResult>(`/calendar/years/${year}`, undefined, { raw: { data: file, contentType } }),
};
