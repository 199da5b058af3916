// Pure helpers of the catalogue import: the content type of a chosen file and the error report of a 400.
import type { ImportReportRow } from '../../lib/api/types';
import { isApiProblem } from '../../lib/api/client';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The Content-Type the API expects for a file, by its extension; null when it cannot be imported. */
export function importContentType(fileName: string): string | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'text/csv';
  if (lower.endsWith('.xlsx')) return XLSX_TYPE;
  return null;
}

/** The `report` extension of a rejected import (row, column, message per bad cell); empty when there is none. */
export function importReportOf(error: unknown): ImportReportRow[] {
  if (!isApiProblem(error)) return [];
  const report = error.extensions.report;
  if (!Array.isArray(report)) return [];
  return report
    .filter((r): r is Record<string, unknown> => !!r && typeof r === 'object')
    .map((r) => ({
      row: typeof r.row === 'number' ? r.row : Number(r.row) || 0,
      column: typeof r.column === 'string' ? r.column : '',
      message: typeof r.message === 'string' ? r.message : '',
    }));
}
