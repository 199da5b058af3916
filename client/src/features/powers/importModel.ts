// Pure helpers of the catalogue import: the content type of a chosen file and the error report of a 400.
import { problemReport } from '../../lib/problemReport';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The Content-Type the API expects for a file, by its extension; null when it cannot be imported. */
export function importContentType(fileName: string): string | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'text/csv';
  if (lower.endsWith('.xlsx')) return XLSX_TYPE;
  return null;
}

/** The `report` extension of a rejected import (row, column, message per bad cell); empty when there is none. */
export const importReportOf = problemReport;
