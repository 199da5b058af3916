import { describe, expect, it } from 'vitest';
import { knownActions } from './allowedActions';

const KNOWN = ['forward', 'approve', 'return'] as const;

describe('knownActions', () => {
  it('keeps the client order and leaves out names it does not know', () => {
    expect(knownActions(KNOWN, ['return', 'delete', 'forward'])).toEqual(['forward', 'return']);
    expect(knownActions(KNOWN, [])).toEqual([]);
  });

  it('takes anything that is not a list as none (a 409 without allowedActions)', () => {
    expect(knownActions(KNOWN, undefined)).toEqual([]);
    expect(knownActions(KNOWN, 'approve')).toEqual([]);
  });
});
