// The `report` extension of a rejected upload (a catalogue import, a calendar year): row, column and message per bad
// entry; nothing was changed. Shared by the features that upload files.
import type { ImportReportRow } from './api/types';
import { isApiProblem } from './api/client';

/** The rows of the `report` member of a 400; empty when there is none (or the error is not a problem). */
export function problemReport(error: unknown): ImportReportRow[] {
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
