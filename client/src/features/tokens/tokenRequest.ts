import dayjs, { type Dayjs } from 'dayjs';
import type { CreateApiTokenRequest, EvaluationGrant } from '../../lib/api/types';
import { expiryOfDay, grantRegions } from '../../lib/grants';
import { EVALUATOR } from '../../lib/roles';

export const DEFAULT_TOKEN_DAYS = 90;

export interface TokenFormValues {
  name: string;
  role: string;
  regionId?: string;
  /** Only for an evaluator token (评估任务). */
  grantId?: string;
  expiresAt: Dayjs;
}

type Grant = Pick<EvaluationGrant, 'regionId' | 'regionName' | 'townships' | 'expiresAt'>;

/**
 * The request: the end of the chosen day as expiry; an evaluator token joins its grant and never outlives it (on the
 * grant's last day it ends with the grant).
 */
export function createTokenRequest(v: TokenFormValues, grant?: Grant): CreateApiTokenRequest {
  const evaluator = v.role === EVALUATOR;
  return {
    name: v.name.trim(),
    role: v.role,
    regionId: v.regionId,
    expiresAt: expiryOfDay(v.expiresAt, { limit: evaluator ? grant?.expiresAt : undefined }),
    ...(evaluator ? { grantId: v.grantId } : {}),
  };
}

/**
 * What choosing a grant fills in: its region when it has only one (the county, or its one township), and an expiry
 * within the grant (the chosen one if the grant outlives it, else the grant's last day).
 */
export function grantDefaults(
  grant: Grant,
  expiresAt: Dayjs | undefined,
): Pick<TokenFormValues, 'regionId' | 'expiresAt'> {
  const regions = grantRegions(grant);
  const grantEnds = dayjs(grant.expiresAt);
  return {
    regionId: regions.length === 1 ? regions[0]?.id : undefined,
    expiresAt: expiresAt && !expiresAt.isAfter(grantEnds, 'day') ? expiresAt : grantEnds.startOf('day'),
  };
}
