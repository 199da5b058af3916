// Pure helpers of the year upload (官方节假日安排): the content type of a chosen file and the years offered.

/** The Content-Type the API takes for an arrangement file, by its extension; null when it cannot be uploaded. */
export function arrangementContentType(fileName: string): string | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return 'application/json';
  if (lower.endsWith('.csv')) return 'text/csv';
  return null;
}

/** The years the page offers: 2024 up to next year, and up to the year after the last one loaded. */
export function offeredYears(loaded: readonly number[], today: Date = new Date()): number[] {
  const last = Math.max(today.getFullYear() + 1, 2027, ...loaded.map((y) => y + 1));
  const years: number[] = [];
  for (let y = 2024; y <= last; y++) years.push(y);
  return years;
}

/** The first year the admin should upload: the warning's year, else the first year after the last loaded one. */
export function suggestedUploadYear(loaded: readonly number[], warningYear?: number | null, today: Date = new Date()): number {
  if (warningYear) return warningYear;
  const last = loaded.length > 0 ? Math.max(...loaded) : today.getFullYear() - 1;
  return last + 1;
}
