import { useQuery } from '@tanstack/react-query';
import { http } from './client';
import type { LoadedYears } from './types';

/** The calendar's loaded years: shared by the calendar page and the dashboard notice. */
export const loadedYearsKey = ['calendar', 'loaded-years'] as const;

/** Which years have their official arrangement, and the warning when this or (from 1 November) next year has not. */
export const fetchLoadedYears = (signal?: AbortSignal) => http.get<LoadedYears>('/calendar/years', { signal });

export function useLoadedYears(enabled = true) {
  return useQuery({ queryKey: loadedYearsKey, queryFn: ({ signal }) => fetchLoadedYears(signal), enabled });
}
