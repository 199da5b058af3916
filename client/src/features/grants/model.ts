import dayjs, { type Dayjs } from 'dayjs';
import type {
  AuditEntry,
  EvaluationGrant,
  EvaluationGrantRequest,
  EvaluationModule,
  GrantStatus,
} from '../../lib/api/types';
import { EVALUATION_MODULES, expiryOfDay } from '../../lib/grants';

export const GRANT_STATUSES: readonly GrantStatus[] = ['active', 'expired', 'revoked'];

export function isGrantStatus(s: string | undefined): s is GrantStatus {
  return GRANT_STATUSES.includes(s as GrantStatus);
}

/** What the grant form holds. */
export interface GrantFormValues {
  organisation: string;
  purpose: string;
  regionId?: string;
  townshipIds: string[];
  periodFrom?: Dayjs;
  periodTo?: Dayjs;
  modules: EvaluationModule[];
  expiresAt?: Dayjs;
}

/** The form's fields, named as the API names them in a 400's errors. */
export const GRANT_FIELDS = [
  'organisation',
  'purpose',
  'regionId',
  'townshipIds',
  'periodFrom',
  'periodTo',
  'modules',
  'expiresAt',
] as const;

/**
 * A new grant's form: the caller's county, the whole of last year and this year up to today, every module, and an
 * expiry in three months.
 */
export function newGrantValues(countyId: string | undefined, today: Dayjs = dayjs()): Partial<GrantFormValues> {
  return {
    regionId: countyId,
    townshipIds: [],
    periodFrom: today.subtract(1, 'year').startOf('year'),
    periodTo: today.startOf('day'),
    modules: [...EVALUATION_MODULES],
    expiresAt: today.add(3, 'month').startOf('day'),
  };
}

/** A grant as its edit form shows it. */
export function grantFormValues(g: EvaluationGrant): GrantFormValues {
  return {
    organisation: g.organisation,
    purpose: g.purpose,
    regionId: g.regionId,
    townshipIds: g.townships.map((t) => t.id),
    periodFrom: dayjs(g.periodFrom),
    periodTo: dayjs(g.periodTo),
    modules: g.modules,
    expiresAt: dayjs(g.expiresAt).startOf('day'),
  };
}

/**
 * The request: dates as yyyy-MM-dd, the expiry at the end of its day — or, editing a grant whose expiry day is
 * unchanged, its expiry exactly as it was.
 */
export function grantRequest(v: GrantFormValues, editing?: Pick<EvaluationGrant, 'expiresAt'>): EvaluationGrantRequest {
  return {
    organisation: v.organisation.trim(),
    purpose: v.purpose.trim(),
    regionId: v.regionId,
    townshipIds: v.townshipIds,
    periodFrom: v.periodFrom?.format('YYYY-MM-DD'),
    periodTo: v.periodTo?.format('YYYY-MM-DD'),
    modules: EVALUATION_MODULES.filter((m) => v.modules.includes(m)),
    expiresAt: v.expiresAt ? expiryOfDay(v.expiresAt, { keep: editing?.expiresAt }) : undefined,
  };
}

/** One read of an evaluator, as the audit trail records it (`after`: the method and the path with its query). */
export function readOf(entry: Pick<AuditEntry, 'after'>): { method: string; path: string } {
  const after = (entry.after ?? {}) as { method?: unknown; path?: unknown };
  return {
    method: typeof after.method === 'string' ? after.method : '',
    path: typeof after.path === 'string' ? after.path : '',
  };
}
