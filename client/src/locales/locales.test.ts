import { describe, expect, it } from 'vitest';
import zhCN from './zh-CN.json';
import en from './en.json';

function leaves(obj: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) {
    if (v && typeof v === 'object') for (const [kk, vv] of leaves(v as object, `${prefix}${k}.`)) out.set(kk, vv);
    else out.set(`${prefix}${k}`, v);
  }
  return out;
}

describe('translations', () => {
  const zh = leaves(zhCN);
  const eng = leaves(en);

  it('have the same keys in Chinese and English', () => {
    expect([...eng.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('have no empty strings and keep the same interpolation variables', () => {
    for (const [key, value] of zh) {
      expect(typeof value === 'string' && value.length > 0, key).toBe(true);
      const vars = (s: unknown) => [...String(s).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
      expect(vars(eng.get(key)), key).toEqual(vars(value));
    }
  });
});
