import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { EvaluationGrant, EvaluationModule } from './api/types';
import { grantDirectoryApi, grantKeys } from './api/grants';

/** The modules a grant can open, in the server's order (权责清单, 便民服务, 编制与人员, 综合行政执法). */
export const EVALUATION_MODULES: readonly EvaluationModule[] = [
  'power_lists',
  'service_centre',
  'staffing',
  'enforcement',
];

/** The active grants (for the evaluator's 评估任务 field of the user and token forms). */
export function useActiveGrants(enabled = true) {
  return useQuery({
    queryKey: grantKeys.active,
    queryFn: ({ signal }) => grantDirectoryApi.active(signal),
    enabled,
    staleTime: 60_000,
  });
}

/** How a grant is named in a select: organisation, region and period. */
export function grantLabel(
  g: Pick<EvaluationGrant, 'organisation' | 'regionName' | 'periodFrom' | 'periodTo'>,
): string {
  return `${g.organisation} · ${g.regionName} · ${g.periodFrom} ~ ${g.periodTo}`;
}

/**
 * The regions a grant's users and tokens act in (the API's rule): its townships when it names some, else its own
 * region (the whole county).
 */
export function grantRegions(
  g: Pick<EvaluationGrant, 'regionId' | 'regionName' | 'townships'>,
): { id: string; name: string }[] {
  return g.townships.length > 0
    ? g.townships.map((t) => ({ id: t.id, name: t.name }))
    : [{ id: g.regionId, name: g.regionName }];
}

/**
 * The expiry sent for a chosen day: the end of that day, local time — but never after `limit` (a grant's own expiry,
 * which an evaluator token may not outlive), nor moved when the day is that of `keep` (an expiry being edited).
 */
export function expiryOfDay(day: Dayjs, { limit, keep }: { limit?: string; keep?: string } = {}): string {
  if (keep && dayjs(keep).isSame(day, 'day')) return dayjs(keep).toISOString();
  const end = day.endOf('day');
  return limit && end.isAfter(dayjs(limit)) ? dayjs(limit).toISOString() : end.toISOString();
}
