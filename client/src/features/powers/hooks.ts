import { useQuery } from '@tanstack/react-query';
import { directoryApi, organizationKeys } from '../../lib/api/organization';
import { powersApi, powersKeys } from './api';

/** The 12 执法领域 (code + Chinese name), cached for the session. */
export function useDomains() {
  return useQuery({
    queryKey: powersKeys.domains,
    queryFn: ({ signal }) => powersApi.domains(signal),
    staleTime: 60 * 60_000,
  });
}

/** County departments (实施主体 / 委托方): units of kind county_department of the county. */
export function useCountyDepartments(countyId: string | undefined) {
  return useQuery({
    queryKey: ['organization', 'units', 'county-departments', countyId],
    queryFn: ({ signal }) => directoryApi.units({ regionId: countyId, kind: 'county_department', limit: 200 }, signal),
    enabled: !!countyId,
    staleTime: 10 * 60_000,
    select: (page) => page.items,
  });
}

/** Every unit of the county itself (a supervising unit may be any of them). */
export function useCountyUnits(countyId: string | undefined) {
  return useQuery({
    queryKey: ['organization', 'units', 'county-all', countyId],
    queryFn: ({ signal }) => directoryApi.units({ regionId: countyId, limit: 200 }, signal),
    enabled: !!countyId,
    staleTime: 10 * 60_000,
    select: (page) => page.items,
  });
}

/** The townships (and streets) under a county. */
export function useTownshipsOf(countyId: string | undefined) {
  return useQuery({
    queryKey: organizationKeys.regionChildren(countyId ?? null),
    queryFn: ({ signal }) => directoryApi.regions(countyId ?? null, signal),
    enabled: !!countyId,
    staleTime: 5 * 60_000,
    select: (regions) => regions.filter((r) => r.level === 'township'),
  });
}
