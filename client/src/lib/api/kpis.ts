// The one KPI query across modules (指标): the catalogue (GET /kpis/definitions) and the figures (GET /kpis/values,
// JSON or CSV) that the KPI pages of every module and the evaluator's workspace ask.
import { downloadUrl, http } from './client';
import type { KpiCatalogueEntry, KpiValueRow, KpiValuesQuery } from './types';

export const kpiKeys = {
  all: ['kpis'] as const,
  /** The catalogue (every KPI the caller may read, or one module's). */
  definitions: (module?: string) => ['kpis', 'definitions', module ?? 'all'] as const,
  values: (q: KpiValuesQuery) => ['kpis', 'values', q] as const,
};

export const kpiApi = {
  /** The KPIs of the catalogue (an evaluator's: those of the modules its grant opens), or of one module. */
  definitions: (module?: string, signal?: AbortSignal) =>
    http.get<KpiCatalogueEntry[]>('/kpis/definitions', { query: { module }, signal }),
  /** The figures of a region (or of each county or township under it), month by month. */
  values: (q: KpiValuesQuery, signal?: AbortSignal) => http.get<KpiValueRow[]>('/kpis/values', { query: q, signal }),
  /** The same figures as CSV (a plain link: downloaded with the session cookie; Excel opens it). */
  csvUrl: (q: KpiValuesQuery) => downloadUrl('/kpis/values', { ...q, format: 'csv' }),
};
