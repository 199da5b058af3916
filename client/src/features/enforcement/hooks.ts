import { useQuery } from '@tanstack/react-query';
import { enforcementApi, enforcementKeys } from './api';

/** The 执法领域 (code and name), for selects and filters: data of the catalogue, rarely changed. */
export function useDomains() {
  return useQuery({
    queryKey: enforcementKeys.domains,
    queryFn: ({ signal }) => enforcementApi.domains(signal),
    staleTime: 10 * 60_000,
  });
}

/** Every team in scope (a select of teams, the teams page). */
export function useTeams() {
  return useQuery({
    queryKey: enforcementKeys.teams,
    queryFn: ({ signal }) => enforcementApi.teams(signal),
    select: (page) => page.items,
  });
}
