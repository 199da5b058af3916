import { useQuery } from '@tanstack/react-query';
import { http } from './api/client';
import type { PublicCounty } from './api/types';

/** The counties and their townships, as every public page may need them (the landing page, the county pickers). */
export const publicCountiesKey = ['public', 'counties'] as const;

export function usePublicCounties() {
  return useQuery({
    queryKey: publicCountiesKey,
    queryFn: ({ signal }) =>
      http.get<PublicCounty[]>('/public/organization/counties', { signal, allowUnauthorized: true }),
    staleTime: 60 * 60_000, // reference data: regions change by decree, not during a visit
  });
}

/** The county a page shows: the one asked for when it exists, else the remembered one, else the first. */
export function pickCounty(
  counties: readonly Pick<PublicCounty, 'id'>[],
  asked: string | null | undefined,
  remembered: string | undefined,
): string | undefined {
  const known = (id: string | null | undefined) => !!id && counties.some((c) => c.id === id);
  if (known(asked)) return asked!;
  if (known(remembered)) return remembered;
  return counties[0]?.id;
}

/** The county whose townships include `townshipId`. */
export function countyOfTownship<C extends Pick<PublicCounty, 'townships'>>(
  counties: readonly C[],
  townshipId: string,
): C | undefined {
  return counties.find((c) => c.townships.some((t) => t.id === townshipId));
}
