import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import {
  canPublish,
  feeBasisRule,
  guideVersionState,
  materialsRule,
  newGuideValues,
  promisedDaysRule,
  stepsRule,
  toGuideRequest,
  valuesFromVersion,
  type GuideFormValues,
} from './model';
import { guide } from './testData';

describe('guide rules (as the API checks them)', () => {
  it('keeps the promised time limit within the statutory one', () => {
    expect(promisedDaysRule('promised', 5, 20)).toBeUndefined();
    expect(promisedDaysRule('promised', 20, 20)).toBeUndefined();
    expect(promisedDaysRule('promised', 21, 20)).toBe('promisedOverStatutory');
    // the statutory limit not entered yet: nothing to compare with
    expect(promisedDaysRule('promised', 21, null)).toBeUndefined();
  });

  it('wants promised days for 承诺件 and none for 即办件', () => {
    expect(promisedDaysRule('promised', null, 20)).toBe('promisedRequired');
    expect(promisedDaysRule('promised', 0, 20)).toBe('promisedRequired');
    expect(promisedDaysRule('immediate', null, 0)).toBeUndefined();
    expect(promisedDaysRule('immediate', 3, 20)).toBe('promisedForImmediate');
    expect(promisedDaysRule(undefined, 3, 20)).toBeUndefined();
  });

  it('allows one to four process steps, blank ones not counted', () => {
    expect(stepsRule([])).toBe('stepsRequired');
    expect(stepsRule(['  ', ''])).toBe('stepsRequired');
    expect(stepsRule(['受理'])).toBeUndefined();
    expect(stepsRule(['受理', '审核', '决定', '办结'])).toBeUndefined();
    expect(stepsRule(['受理', '审核', '决定', '办结', '送达'])).toBe('tooManySteps');
    expect(stepsRule(['受理', '审核', '决定', '办结', ' '])).toBeUndefined();
  });

  it('wants at least one material or an explicit 无需材料, not both', () => {
    expect(materialsRule(0, false)).toBe('materialsOrNone');
    expect(materialsRule(0, true)).toBeUndefined();
    expect(materialsRule(2, false)).toBeUndefined();
    expect(materialsRule(1, true)).toBe('materialsAndNone');
  });

  it('wants the basis of a fee', () => {
    expect(feeBasisRule(null, null)).toBeUndefined();
    expect(feeBasisRule(0, null)).toBeUndefined();
    expect(feeBasisRule(10, ' ')).toBe('feeBasisRequired');
    expect(feeBasisRule(10, '《行政事业性收费标准》')).toBeUndefined();
  });
});

describe('form values ⇄ request', () => {
  const values = (overrides: Partial<GuideFormValues> = {}): GuideFormValues => ({
    code: 'bm-0009',
    name: ' 居住证申领 ',
    level: 'village',
    kind: 'promised',
    legalBasis: '《居住证暂行条例》 ',
    conditions: '在本县居住半年以上。',
    materials: [{ name: ' 居民身份证 ', form: 'both', copies: 2, required: true }],
    noMaterials: false,
    statutoryDays: 15,
    promisedDays: 7,
    fee: 'free',
    feeAmount: null,
    steps: ['受理', ' ', '办结 '],
    phone: ' 0312-5550000 ',
    channels: ['window', 'village_point'],
    effectiveFrom: dayjs('2026-12-01'),
    changeNote: ' 新增事项 ',
    ...overrides,
  });

  it('trims the text, drops blank steps and upper-cases a new code', () => {
    expect(toGuideRequest(values(), 'create')).toEqual({
      code: 'BM-0009',
      name: '居住证申领',
      level: 'village',
      kind: 'promised',
      legalBasis: '《居住证暂行条例》',
      conditions: '在本县居住半年以上。',
      materials: [{ name: '居民身份证', form: 'both', copies: 2, required: true }],
      noMaterials: false,
      statutoryDays: 15,
      promisedDays: 7,
      feeAmount: null,
      feeBasis: null,
      steps: ['受理', '办结'],
      phone: '0312-5550000',
      channels: ['window', 'village_point'],
      powerItemId: null,
      effectiveFrom: '2026-12-01',
      changeNote: '新增事项',
    });
    expect(toGuideRequest(values(), 'revise')).not.toHaveProperty('code');
  });

  it('sends no promised days for 即办件, no materials when none are needed, no amount when free', () => {
    const r = toGuideRequest(
      values({ kind: 'immediate', promisedDays: 3, noMaterials: true, fee: 'free', feeAmount: 10, feeBasis: 'x' }),
      'revise',
    );
    expect(r).toMatchObject({ kind: 'immediate', promisedDays: null, noMaterials: true, materials: [], feeAmount: null, feeBasis: null });
  });

  it('sends amount and basis of a charged item', () => {
    expect(toGuideRequest(values({ fee: 'charged', feeAmount: 12.5, feeBasis: ' 物价局文件 ' }), 'revise')).toMatchObject({
      feeAmount: 12.5,
      feeBasis: '物价局文件',
    });
  });

  it('starts a revision from the version, with the new date and an empty note', () => {
    const v = guide({ feeAmount: 20, feeBasis: '收费依据', powerItemId: 'p-1' });
    const form = valuesFromVersion(v, '2026-06-01');
    expect(form).toMatchObject({
      name: v.name,
      fee: 'charged',
      feeAmount: 20,
      materials: v.materials,
      steps: v.steps,
      channels: v.channels,
      changeNote: '',
    });
    expect(form.effectiveFrom.format('YYYY-MM-DD')).toBe('2026-06-01');
    // copies, not the version's own lists
    expect(form.materials).not.toBe(v.materials);
    expect(form.steps).not.toBe(v.steps);
    expect(valuesFromVersion(guide(), '2026-06-01').fee).toBe('free');
  });

  it('proposes a township 承诺件, free, at the window, with one material row', () => {
    const v = newGuideValues('2026-11-22');
    expect(v).toMatchObject({ level: 'township', kind: 'promised', fee: 'free', channels: ['window'], noMaterials: false });
    expect(v.materials).toHaveLength(1);
    expect(v.steps!.length).toBeLessThanOrEqual(4);
    expect(v.effectiveFrom!.format('YYYY-MM-DD')).toBe('2026-11-22');
  });
});

describe('versions', () => {
  const v1 = guide({ version: 1, effectiveFrom: '2026-01-01', effectiveTo: '2026-06-01', publishedAt: '2026-01-02T02:00:00Z' });
  const v2 = guide({ version: 2, effectiveFrom: '2026-06-01', effectiveTo: null });

  it('labels each version relative to a date (end dates exclusive)', () => {
    expect([v1, v2].map((v) => guideVersionState(v, '2026-05-31'))).toEqual(['inForce', 'planned']);
    expect([v1, v2].map((v) => guideVersionState(v, '2026-06-01'))).toEqual(['superseded', 'inForce']);
  });

  it('publishes only an unpublished latest version', () => {
    expect(canPublish(v2)).toBe(true);
    expect(canPublish(v1)).toBe(false);
  });
});
