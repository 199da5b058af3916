// How the KPI pages write the one KPI query's figures (GET /kpis/values): rates in %, days with one decimal, counts
// as integers; the target with its direction; met or not; 临时 (the open month) or 已冻结 at a revision.
import type { KpiCatalogueEntry, KpiValueRow } from './api/types';

/** The API answers at most 60 months at once. */
export const MAX_MONTHS = 60;

export const KPI_REVISIONS = ['latest', 'original'] as const;
export type KpiRevisionChoice = (typeof KPI_REVISIONS)[number];

export type KpiShape = Pick<KpiCatalogueEntry, 'code' | 'name' | 'unit' | 'target' | 'direction'> &
  Partial<Pick<KpiCatalogueEntry, 'numerator' | 'denominator'>>;

/** A value as the page writes it: 95.3% (a fraction), 12.5 天, 8 件; — when there is none (no denominator). */
export function formatKpiValue(unit: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (unit === '%') return `${(value * 100).toFixed(1)}%`;
  if (unit === '天') return `${value.toFixed(1)} 天`;
  if (unit === '件') return `${Math.round(value)} 件`;
  return unit ? `${value} ${unit}` : String(value);
}

/** The target with its direction: ≥ 90.0%, ≤ 30.0 天; — when the KPI has none. */
export function formatTarget(def: Pick<KpiShape, 'unit' | 'target' | 'direction'>): string {
  if (def.target === null || def.direction === 'none') return '—';
  return `${def.direction === 'lower' ? '≤' : '≥'} ${formatKpiValue(def.unit, def.target)}`;
}

/** A KPI with a denominator is a quotient (its numerator / denominator shown beside the value). */
export function isQuotient(def: Pick<KpiShape, 'denominator'>): boolean {
  return !!def.denominator && def.denominator !== '—';
}

export type MetTone = 'met' | 'missed' | 'none';

/** The API decides whether a figure meets its target (by the KPI's direction); no target or no value: neutral. */
export function metTone(met: boolean | null | undefined): MetTone {
  return met === true ? 'met' : met === false ? 'missed' : 'none';
}

export function metColor(tone: MetTone): string | undefined {
  return tone === 'met' ? '#389e0d' : tone === 'missed' ? '#cf1322' : undefined;
}

/** 临时: the open month, computed live; 已冻结: a closed month's figures at a revision (1 = as first frozen). */
export type FreezeStatus = { kind: 'provisional' } | { kind: 'frozen'; revision: number };

export function freezeStatus(row: Pick<KpiValueRow, 'frozen' | 'revision'>): FreezeStatus {
  return row.frozen ? { kind: 'frozen', revision: Math.max(1, row.revision) } : { kind: 'provisional' };
}
