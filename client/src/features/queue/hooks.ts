import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApplicationItemOption, Centre, Me, Ticket } from '../../lib/api/types';
import { directoryApi, organizationKeys } from '../../lib/api/organization';
import { publicQueueApi, queueApi, queueKeys } from './api';
import { countyIdOf, mergeTicket } from './model';

/** The hall display and the take page refresh this often (叫号屏: 3 s). */
export const BOARD_REFRESH_MS = 3_000;
/** The caller's list refreshes this often (new visitors take tickets all the time). */
export const TICKETS_REFRESH_MS = 5_000;
/** More than this many pages of items is not a county catalogue: stop there. */
const MAX_ITEM_PAGES = 20;

/** One centre with its windows and offered items. */
export function useCentre(id: string | undefined) {
  return useQuery({
    queryKey: queueKeys.centre(id ?? ''),
    queryFn: ({ signal }) => queueApi.centre(id ?? '', signal),
    enabled: !!id,
  });
}

/** The centres the caller page offers: the first page of the user's list (a clerk's scope holds one or two). */
export function useCallerCentres() {
  return useQuery({
    queryKey: queueKeys.callerCentres,
    queryFn: ({ signal }) => queueApi.centres({ limit: 200 }, signal),
    select: (page): Centre[] => page.items,
    staleTime: 5 * 60_000,
  });
}

/** Today's tickets of a centre, refreshed every few seconds. */
export function useTodayTickets(centreId: string | undefined) {
  return useQuery({
    queryKey: queueKeys.tickets(centreId ?? ''),
    queryFn: ({ signal }) => queueApi.tickets(centreId ?? '', signal),
    enabled: !!centreId,
    refetchInterval: TICKETS_REFRESH_MS,
    staleTime: 0,
  });
}

/** Puts a ticket the API answered with into today's list at once (before the next refresh); without one, refetches. */
export function useTicketChanged(centreId: string | undefined) {
  const queryClient = useQueryClient();
  return useCallback(
    (ticket?: Ticket) => {
      if (!centreId) return;
      if (ticket) queryClient.setQueryData<Ticket[]>(queueKeys.tickets(centreId), (prev) => mergeTicket(prev ?? [], ticket));
      void queryClient.invalidateQueries({ queryKey: queueKeys.tickets(centreId) });
    },
    [queryClient, centreId],
  );
}

/** Every item of the county in force today (the offered-items editor lists them all), page after page. */
export function useCountyItems(enabled: boolean) {
  return useQuery({
    queryKey: queueKeys.countyItems,
    queryFn: async ({ signal }) => {
      const all: ApplicationItemOption[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < MAX_ITEM_PAGES; page++) {
        const next = await queueApi.items(cursor, signal);
        all.push(...next.items);
        cursor = next.nextCursor;
        if (!cursor) break;
      }
      return all;
    },
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** The hall display of a centre (no session), refreshed every 3 s, also when the screen is not focused. */
export function useQueueBoard(centreId: string | undefined) {
  return useQuery({
    queryKey: queueKeys.board(centreId ?? ''),
    queryFn: ({ signal }) => publicQueueApi.board(centreId ?? '', signal),
    enabled: !!centreId,
    refetchInterval: BOARD_REFRESH_MS,
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
}

/** The user's county (for links to the public pages): their region at county level, else read from its ancestors. */
export function useCountyId(me: Me): string | undefined {
  const atCounty = me.regionLevel === 'county';
  const region = useQuery({
    queryKey: organizationKeys.region(me.regionId),
    queryFn: ({ signal }) => directoryApi.region(me.regionId, signal),
    enabled: !atCounty,
    staleTime: 10 * 60_000,
  });
  return countyIdOf(me, region.data?.ancestors);
}
