import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { directoryApi, organizationKeys } from '../../lib/api/organization';

/** Units by name, searched on the server (within the caller's scope; one region when given). */
export function useUnitSearch(q: string, regionId: string | undefined) {
  const query = { q: q || undefined, regionId, limit: 50 };
  return useQuery({
    queryKey: organizationKeys.units(query),
    queryFn: ({ signal }) => directoryApi.units(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    select: (page) => page.items,
  });
}
