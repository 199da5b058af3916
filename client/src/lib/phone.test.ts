import { describe, expect, it } from 'vitest';
import { looksLikePhone } from './phone';

describe('phone shape', () => {
  it('takes a mobile number or a landline with its area code', () => {
    expect(looksLikePhone('13812345678')).toBe(true);
    expect(looksLikePhone('0371-12345678')).toBe(true);
    expect(looksLikePhone('12345')).toBe(false);
  });
});
