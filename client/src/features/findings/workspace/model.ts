// Pure helpers of the evaluator's workspace (评估工作台): the tab and the KPI filters in the query string, kept inside
// the grant (its modules, its period of data — never past the county's current month — and at most 60 months), the
// one KPI query they make, and the figures' rows newest month first.
import type { EvaluationModule, KpiValueRow, KpiValuesQuery, MyGrant } from '../../../lib/api/types';
import { MAX_MONTHS, type KpiRevisionChoice } from '../../../lib/kpis';
import { addMonths, monthIndex, parseMonth } from '../../../lib/months';

export const WORKSPACE_TABS = ['kpis', 'records', 'audit', 'findings'] as const;
export type WorkspaceTab = (typeof WORKSPACE_TABS)[number];

export function workspaceTab(v: string | undefined): WorkspaceTab {
  return (WORKSPACE_TABS as readonly string[]).includes(v ?? '') ? (v as WorkspaceTab) : 'kpis';
}

/** The page's state in the address: the tab, the KPI filters, the finding open in the drawer. */
export const WORKSPACE_KEYS = ['tab', 'module', 'from', 'to', 'regionId', 'revision', 'finding'] as const;
export type WorkspaceKey = (typeof WORKSPACE_KEYS)[number];

export interface WorkspaceKpiFilter {
  /** One module the grant opens; none: every module it opens. */
  module?: EvaluationModule;
  from: string;
  to: string;
  /** A region in scope; none: the evaluator's current one. */
  regionId?: string;
  revision: KpiRevisionChoice;
}

type GrantPeriod = Pick<MyGrant, 'periodFrom' | 'periodTo'>;

const earlier = (a: string, b: string) => (monthIndex(a) <= monthIndex(b) ? a : b);
const later = (a: string, b: string) => (monthIndex(a) >= monthIndex(b) ? a : b);

/** The months the evaluator may ask: those of its grant's period, up to the county's current month. */
export function grantMonths(grant: GrantPeriod, today: string): { first: string; last: string } {
  const first = grant.periodFrom.slice(0, 7);
  return { first, last: later(first, earlier(grant.periodTo.slice(0, 7), today.slice(0, 7))) };
}

/** The month shown first: the last closed month (frozen figures), or the grant's last month when it ends before. */
export function defaultKpiMonth(grant: GrantPeriod, today: string): string {
  const { first } = grantMonths(grant, today);
  return later(first, earlier(grant.periodTo.slice(0, 7), addMonths(today.slice(0, 7), -1)));
}

/**
 * The KPI filters from the query string: a module only if the grant opens it; the months inside the grant's period
 * (a reversed range put right, a too long one shortened from the start); the default month both ends of the range.
 */
export function workspaceKpiFilter(
  values: Partial<Record<WorkspaceKey, string | undefined>>,
  grant: GrantPeriod & Pick<MyGrant, 'modules'>,
  today: string,
): WorkspaceKpiFilter {
  const { first, last } = grantMonths(grant, today);
  const clamp = (m: string) => later(first, earlier(last, m));
  const month = defaultKpiMonth(grant, today);
  let from = clamp(parseMonth(values.from) ?? month);
  let to = clamp(parseMonth(values.to) ?? month);
  if (monthIndex(from) > monthIndex(to)) [from, to] = [to, from];
  if (monthIndex(to) - monthIndex(from) >= MAX_MONTHS) from = addMonths(to, -(MAX_MONTHS - 1));
  const module = grant.modules.find((m) => m === values.module);
  return {
    module,
    from,
    to,
    regionId: values.regionId || undefined,
    revision: values.revision === 'original' ? 'original' : 'latest',
  };
}

/** The one KPI query of the filters (and the CSV link's): every module the grant opens unless one is chosen. */
export function workspaceKpiQuery(f: WorkspaceKpiFilter): KpiValuesQuery {
  return { from: f.from, to: f.to, revision: f.revision, module: f.module, regionId: f.regionId };
}

/** The rows newest month first; within a month the API's order (region, then the catalogue's). */
export function newestFirst(rows: readonly KpiValueRow[]): KpiValueRow[] {
  return [...rows].sort((a, b) => b.month.localeCompare(a.month));
}

/** A finding quotes a frozen figure (a closed month at a revision), never the open month's provisional one. */
export function mayQuote(row: Pick<KpiValueRow, 'frozen' | 'revision'>): boolean {
  return row.frozen && row.revision >= 1;
}
