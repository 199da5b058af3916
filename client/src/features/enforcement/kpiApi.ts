import { kpiApi } from '../../lib/api/kpis';
import type { KpiValuesQuery } from '../../lib/api/types';

/** The KPI module of 综合行政执法 in the one KPI query (GET /kpis/values). */
export const ENFORCEMENT_MODULE = 'enforcement';

export const enforcementKpiKeys = {
  all: ['enforcement', 'kpis'] as const,
  definitions: ['enforcement', 'kpis', 'definitions'] as const,
  values: (q: KpiValuesQuery) => ['enforcement', 'kpis', 'values', q] as const,
};

const values = (q: KpiValuesQuery) => ({ ...q, module: ENFORCEMENT_MODULE });

/** The shared KPI query (lib/api/kpis), narrowed to the enforcement KPIs. */
export const enforcementKpiApi = {
  /** The enforcement KPIs of the catalogue: numerator and denominator in words, target and direction. */
  definitions: (signal?: AbortSignal) => kpiApi.definitions(ENFORCEMENT_MODULE, signal),
  /** The figures of a region (or of each township under it), month by month. */
  values: (q: KpiValuesQuery, signal?: AbortSignal) => kpiApi.values(values(q), signal),
  /** The same figures as CSV (a plain link: downloaded with the session cookie; Excel opens it). */
  csvUrl: (q: KpiValuesQuery) => kpiApi.csvUrl(values(q)),
};
