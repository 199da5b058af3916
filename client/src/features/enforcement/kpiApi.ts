import { downloadUrl, http } from '../../lib/api/client';
import type { KpiCatalogueEntry, KpiValueRow, KpiValuesQuery } from '../../lib/api/types';

/** The KPI module of 综合行政执法 in the one KPI query (GET /kpis/values). */
export const ENFORCEMENT_MODULE = 'enforcement';

export const enforcementKpiKeys = {
  all: ['enforcement', 'kpis'] as const,
  definitions: ['enforcement', 'kpis', 'definitions'] as const,
  values: (q: KpiValuesQuery) => ['enforcement', 'kpis', 'values', q] as const,
};

const values = (q: KpiValuesQuery) => ({ ...q, module: ENFORCEMENT_MODULE });

export const enforcementKpiApi = {
  /** The enforcement KPIs of the catalogue: numerator and denominator in words, target and direction. */
  definitions: (signal?: AbortSignal) =>
    http.get<KpiCatalogueEntry[]>('/kpis/definitions', { query: { module: ENFORCEMENT_MODULE }, signal }),
  /** The figures of a region (or of each township under it), month by month. */
  values: (q: KpiValuesQuery, signal?: AbortSignal) =>
    http.get<KpiValueRow[]>('/kpis/values', { query: values(q), signal }),
  /** The same figures as CSV (a plain link: downloaded with the session cookie; Excel opens it). */
  csvUrl: (q: KpiValuesQuery) => downloadUrl('/kpis/values', { ...values(q), format: 'csv' }),
};
