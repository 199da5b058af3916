import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Tagged } from '../../lib/api/client';
import type { Application } from '../../lib/api/types';
import { etagOf } from '../../lib/versions';
import { applicationsApi, applicationsKeys } from './api';

/** One application with its ETag (personal data masked). */
export function useApplication(id: string | undefined) {
  return useQuery({
    queryKey: applicationsKeys.detail(id ?? ''),
    queryFn: ({ signal }) => applicationsApi.get(id ?? '', false, signal),
    enabled: !!id,
  });
}

/**
 * The same with the full ID number and phone (clerks and agents only). The API records every such view in the audit
 * trail, so it is fetched only when asked for, once, and never kept once the page is left.
 */
export function useRevealedApplication(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: applicationsKeys.revealed(id ?? ''),
    queryFn: ({ signal }) => applicationsApi.get(id ?? '', true, signal),
    enabled: !!id && enabled,
    staleTime: Infinity,
    gcTime: 0,
  });
}

/** The figures of the workbench: refreshed every minute (a window's day moves fast). */
export function useApplicationSummary(enabled = true) {
  return useQuery({
    queryKey: applicationsKeys.summary,
    queryFn: ({ signal }) => applicationsApi.summary(signal),
    refetchInterval: 60_000,
    staleTime: 15_000,
    enabled,
  });
}

/**
 * After a step or a registration: the application's cache holds the answer (with its new ETag), the revealed copy is
 * dropped (personal data hides again), and lists and figures are refetched.
 */
export function useApplicationChanged() {
  const queryClient = useQueryClient();
  return useCallback(
    (next: Application, etag: string | null) => {
      const tagged: Tagged<Application> = { data: next, etag: etag ?? etagOf(next.version) };
      queryClient.setQueryData(applicationsKeys.detail(next.id), tagged);
      queryClient.removeQueries({ queryKey: applicationsKeys.revealed(next.id), exact: true });
      void queryClient.invalidateQueries({ queryKey: applicationsKeys.lists });
      void queryClient.invalidateQueries({ queryKey: applicationsKeys.summary });
    },
    [queryClient],
  );
}
