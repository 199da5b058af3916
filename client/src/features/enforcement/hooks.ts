import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Tagged } from '../../lib/api/client';
import type { EnforcementCase } from '../../lib/api/types';
import { etagOf } from '../../lib/versions';
import { directoryApi, organizationKeys } from '../../lib/api/organization';
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

/** One team (its township, for the case's power items). */
export function useTeam(id: string | undefined) {
  return useQuery({
    queryKey: enforcementKeys.team(id ?? ''),
    queryFn: ({ signal }) => enforcementApi.team(id ?? '', signal),
    enabled: !!id,
    select: (tagged) => tagged.data,
  });
}

/** One case with its ETag. */
export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: enforcementKeys.case(id ?? ''),
    queryFn: ({ signal }) => enforcementApi.case(id ?? '', signal),
    enabled: !!id,
  });
}

/** After a step or a registration: the case's cache holds the answer (with its new ETag), the lists are refetched. */
export function useCaseChanged() {
  const queryClient = useQueryClient();
  return useCallback(
    (next: EnforcementCase, etag: string | null) => {
      const tagged: Tagged<EnforcementCase> = { data: next, etag: etag ?? etagOf(next.version) };
      queryClient.setQueryData(enforcementKeys.case(next.id), tagged);
      void queryClient.invalidateQueries({ queryKey: enforcementKeys.caseLists });
    },
    [queryClient],
  );
}

/** The officers of a team, 已调离 included (a team has a few dozen at most): the pickers of a case's steps. */
export function useTeamOfficers(teamId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: enforcementKeys.teamOfficers(teamId ?? ''),
    queryFn: ({ signal }) => enforcementApi.officers({ teamId, limit: 200 }, signal),
    enabled: !!teamId && enabled,
    select: (page) => page.items,
    staleTime: 60_000,
  });
}

/** The county's 裁量基准 of one item: its degrees (none when the county has set none). */
export function useBenchmarks(itemCode: string | undefined) {
  return useQuery({
    queryKey: enforcementKeys.benchmarks(itemCode ?? ''),
    queryFn: ({ signal }) => enforcementApi.benchmarks(itemCode ?? '', signal),
    enabled: !!itemCode,
    select: (sets) => sets.find((s) => s.itemCode === itemCode)?.degrees ?? [],
    staleTime: 5 * 60_000,
  });
}

/** Every 裁量基准 set of the caller's county. */
export function useAllBenchmarks() {
  return useQuery({
    queryKey: enforcementKeys.allBenchmarks,
    queryFn: ({ signal }) => enforcementApi.allBenchmarks(signal),
  });
}

/** The county's 行政处罚 items in force today (names for the codes, the items a benchmark may be set for). */
export function usePenaltyItems() {
  return useQuery({
    queryKey: enforcementKeys.penaltyItems,
    queryFn: ({ signal }) => enforcementApi.penaltyItems(signal),
    select: (page) => page.items,
    staleTime: 5 * 60_000,
  });
}

/** The township's 权责清单 entries today. */
export function useTownshipItems(townshipId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: enforcementKeys.townshipItems(townshipId ?? ''),
    queryFn: ({ signal }) => enforcementApi.townshipItems(townshipId ?? '', signal),
    enabled: !!townshipId && enabled,
    select: (list) => list.entries,
    staleTime: 5 * 60_000,
  });
}

/**
 * The county departments in the caller's scope (移送's receivers): a county user sees the county's, a township user
 * none (the item's department then takes the case).
 */
export function useCountyDepartments(enabled = true) {
  return useQuery({
    queryKey: organizationKeys.units({ kind: 'county_department', limit: 200 }),
    queryFn: ({ signal }) => directoryApi.units({ kind: 'county_department', limit: 200 }, signal),
    enabled,
    select: (page) => page.items,
    staleTime: 10 * 60_000,
  });
}
