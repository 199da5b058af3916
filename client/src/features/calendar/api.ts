import { http } from '../../lib/api/client';
import { fetchLoadedYears, loadedYearsKey } from '../../lib/api/calendar';
import type { CalendarDay, CalendarYear, CalendarYearUploadResult, MarkDayRequest } from '../../lib/api/types';

export const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number) => ['calendar', 'year', year] as const,
  loadedYears: () => loadedYearsKey,
};

export const calendarApi = {
  year: (year: number, signal?: AbortSignal) => http.get<CalendarYear>(`/calendar/years/${year}`, { signal }),
  mark: (date: string, body: MarkDayRequest) => http.put<CalendarDay>(`/calendar/days/${date}`, body),
  clear: (date: string) => http.delete(`/calendar/days/${date}`),
  loadedYears: fetchLoadedYears,
  /** All or nothing: a 400 carries `report` (row, column, message) and the calendar is unchanged. */
  uploadYear: (year: number, file: Blob, contentType: string) =>
    http.post<CalendarYearUploadResult>(`/calendar/years/${year}`, undefined, { raw: { data: file, contentType } }),
};
