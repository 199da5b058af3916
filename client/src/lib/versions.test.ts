import { describe, expect, it } from 'vitest';
import { defaultRevisionDate, diffRange, earliestRevisionDate, etagOf, versionInForce, versionState } from './versions';

/** A version as the API sends one, with only what validity needs (power items and guides alike). */
function version(v: Partial<{ version: number; effectiveFrom: string; effectiveTo: string | null; withdrawn: boolean }> = {}) {
  return { version: 1, effectiveFrom: '2024-01-01', effectiveTo: null, withdrawn: false, ...v };
}

describe('diffRange', () => {
  const versions = [{ version: 1 }, { version: 2 }, { version: 3 }];

  it('compares the latest with the one before by default', () => {
    expect(diffRange(versions, undefined, undefined)).toEqual({ from: 2, to: 3 });
    expect(diffRange([{ version: 1 }], undefined, undefined)).toEqual({ from: 1, to: 1 });
  });

  it('takes the versions from the query string, falling back on a garbled one', () => {
    expect(diffRange(versions, '1', '2')).toEqual({ from: 1, to: 2 });
    expect(diffRange(versions, 'x', '')).toEqual({ from: 2, to: 3 });
  });
});

describe('versions', () => {
  const v1 = version({ version: 1, effectiveFrom: '2024-01-01', effectiveTo: '2025-03-01' });
  const v2 = version({ version: 2, effectiveFrom: '2025-03-01', effectiveTo: '2027-01-01' });
  const v3 = version({ version: 3, effectiveFrom: '2027-01-01', effectiveTo: null, withdrawn: true });
  const all = [v1, v2, v3];

  it('finds the version in force on a date (the end date is exclusive)', () => {
    expect(versionInForce(all, '2023-12-31')).toBeUndefined();
    expect(versionInForce(all, '2024-01-01')?.version).toBe(1);
    expect(versionInForce(all, '2025-02-28')?.version).toBe(1);
    expect(versionInForce(all, '2025-03-01')?.version).toBe(2);
    expect(versionInForce(all, '2099-01-01')?.version).toBe(3);
  });

  it('labels each version relative to the as-of date', () => {
    expect(all.map((v) => versionState(v, '2026-11-22'))).toEqual(['superseded', 'inForce', 'withdrawn']);
    expect(all.map((v) => versionState(v, '2024-06-01'))).toEqual(['inForce', 'planned', 'withdrawn']);
  });

  it('proposes a revision date after the latest version, today when possible', () => {
    expect(earliestRevisionDate(v2)).toBe('2025-03-02');
    expect(defaultRevisionDate(v2, '2026-11-22')).toBe('2026-11-22');
    const planned = version({ effectiveFrom: '2026-12-01' });
    expect(defaultRevisionDate(planned, '2026-11-22')).toBe('2026-12-02');
    expect(defaultRevisionDate(version({ effectiveFrom: '2026-11-22' }), '2026-11-22')).toBe('2026-11-23');
    expect(etagOf(3)).toBe('"v3"');
  });
});
