import { describe, expect, it } from 'vitest';
import { diffRange } from './versions';

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
