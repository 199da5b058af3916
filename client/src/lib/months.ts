// Months as YYYY-MM (the KPI pages' ranges).

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function parseMonth(v: string | null | undefined): string | undefined {
  return v && MONTH.test(v) ? v : undefined;
}

/** A month's position in time (year × 12 + month − 1): to compare months and count between them. */
export function monthIndex(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y * 12 + m - 1;
}

/** YYYY-MM plus n months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}
