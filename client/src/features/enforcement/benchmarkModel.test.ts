import { describe, expect, it } from 'vitest';
import { benchmarkValues, matchesItem, nextDegree } from './benchmarkModel';

describe('the 裁量基准 model', () => {
  it('starts a new item with one empty degree and an existing one with its degrees, unknown kinds left out', () => {
    expect(benchmarkValues(undefined)).toEqual({ degrees: [{ kinds: [] }] });
    const set = {
      itemCode: 'CF1',
      version: 3,
      degrees: [
        {
          degree: 'general', degreeName: '一般', description: '一般', kinds: ['fine', 'banish'], minFine: 1,
          maxFine: 9,
        },
      ],
    };
    expect(benchmarkValues(set)).toEqual({
      degrees: [{ degree: 'general', description: '一般', kinds: ['fine'], minFine: 1, maxFine: 9 }],
    });
  });

  it('offers the first degree of the scale not yet used, none once all four are', () => {
    expect(nextDegree([])).toBe('minor');
    expect(nextDegree([{ degree: 'minor' }, { degree: 'serious' }])).toBe('general');
    expect(nextDegree([{ degree: 'minor' }, { degree: 'general' }, { degree: 'serious' }, { degree: 'severe' }]))
      .toBeUndefined();
  });

  it('finds an item by a part of its code or name, whatever the case', () => {
    expect(matchesItem('CF00003000', '对乱贴乱画违规行为的处罚', 'cf0000300')).toBe(true);
    expect(matchesItem('CF00003000', '对乱贴乱画违规行为的处罚', '乱贴')).toBe(true);
    expect(matchesItem('CF00003000', undefined, '占道')).toBe(false);
    expect(matchesItem('CF00003000', undefined, '  ')).toBe(true);
  });
});
