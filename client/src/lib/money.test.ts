import { describe, expect, it } from 'vitest';
import { yuanInWords } from './money';

describe('人民币大写', () => {
  it.each([
    [800, '捌佰元整'],
    [200, '贰佰元整'],
    [3000, '叁仟元整'],
    [10, '壹拾元整'],
    [15, '壹拾伍元整'],
    [1005, '壹仟零伍元整'],
    [1010, '壹仟零壹拾元整'],
    [10010, '壹万零壹拾元整'],
    [100000, '壹拾万元整'],
    [105000, '壹拾万伍仟元整'],
    [1000500, '壹佰万零伍佰元整'],
    [100000001, '壹亿零壹元整'],
    [1234.5, '壹仟贰佰叁拾肆元伍角'],
    [1234.56, '壹仟贰佰叁拾肆元伍角陆分'],
    [100.05, '壹佰元零伍分'],
    [0.5, '伍角'],
    [0.05, '伍分'],
    [0, '零元整'],
  ])('%s yuan is %s', (amount, words) => {
    expect(yuanInWords(amount)).toBe(words);
  });

  it('rounds to the 分 and refuses what is not an amount', () => {
    expect(yuanInWords(19.999)).toBe('贰拾元整');
    expect(() => yuanInWords(-1)).toThrow(RangeError);
    expect(() => yuanInWords(Number.NaN)).toThrow(RangeError);
  });

});
