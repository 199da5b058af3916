import { describe, expect, it } from 'vitest';
import { addMonths, parseMonth } from './months';

describe('months', () => {
  it('adds months across year ends and accepts only real YYYY-MM', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(parseMonth('2026-13')).toBeUndefined();
    expect(parseMonth('2026-02')).toBe('2026-02');
  });
});
