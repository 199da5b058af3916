import { describe, expect, it } from 'vitest';
import { changedGuideFields, diffGuides, GUIDE_DIFF_FIELDS, type GuideFieldDiff } from './guideDiff';
import { guide } from './testData';

const byField = (diff: GuideFieldDiff[], field: GuideFieldDiff['field']) => diff.find((d) => d.field === field)!;

describe('diffGuides', () => {
  const v1 = guide();

  it('marks nothing but the date and note when only those differ', () => {
    const v2 = guide({ version: 2, effectiveFrom: '2026-06-01', changeNote: '年度复核' });
    const diff = diffGuides(v1, v2);
    expect(diff.map((d) => d.field)).toEqual([...GUIDE_DIFF_FIELDS]);
    expect(diff.filter((d) => d.changed).map((d) => d.field)).toEqual(['effectiveFrom', 'changeNote']);
    expect(changedGuideFields(diff)).toEqual([]);
  });

  it('words the values of a guide as the public reads them', () => {
    const diff = diffGuides(v1, v1);
    expect(byField(diff, 'level').after).toEqual(['乡镇']);
    expect(byField(diff, 'kind').after).toEqual(['承诺件']);
    expect(byField(diff, 'materials').after).toEqual(['居民身份证（原件，1 份，必需）', '户口簿（复印件，1 份，非必需）']);
    expect(byField(diff, 'statutoryDays').after).toEqual(['20 个工作日']);
    expect(byField(diff, 'promisedDays').after).toEqual(['5 个工作日']);
    expect(byField(diff, 'fee').after).toEqual(['免费']);
    expect(byField(diff, 'steps').after).toEqual(['1. 受理', '2. 审核', '3. 办结']);
    expect(byField(diff, 'channels').after).toEqual(['窗口', '网上']);
  });

  it('lists materials and steps added and removed, and the changed time limit and fee', () => {
    const v2 = guide({
      version: 2,
      effectiveFrom: '2026-06-01',
      name: '城乡居民基本养老保险参保登记（修订）',
      materials: [
        { name: '居民身份证', form: 'original', copies: 1, required: true },
        { name: '申请表', form: 'original', copies: 2, required: true },
      ],
      promisedDays: 3,
      feeAmount: 10,
      feeBasis: '县物价局文件',
      steps: ['受理', '审核', '决定', '办结'],
      channels: ['window', 'online', 'mobile'],
    });
    const diff = diffGuides(v1, v2);
    expect(changedGuideFields(diff)).toEqual(['name', 'materials', 'promisedDays', 'fee', 'steps', 'channels']);
    expect(byField(diff, 'materials')).toMatchObject({
      added: ['申请表（原件，2 份，必需）'],
      removed: ['户口簿（复印件，1 份，非必需）'],
    });
    expect(byField(diff, 'promisedDays')).toMatchObject({ before: ['5 个工作日'], after: ['3 个工作日'] });
    expect(byField(diff, 'fee')).toMatchObject({ before: ['免费'], after: ['10 元（依据：县物价局文件）'] });
    // a step put in between renumbers those after it
    expect(byField(diff, 'steps')).toMatchObject({ added: ['3. 决定', '4. 办结'], removed: ['3. 办结'] });
    expect(byField(diff, 'channels').added).toEqual(['掌上/APP']);
    expect(byField(diff, 'statutoryDays').changed).toBe(false);
  });

  it('compares 无需材料 with a list, and a 即办件 without promised days', () => {
    const v2 = guide({ version: 2, kind: 'immediate', kindName: '即办件', promisedDays: null, materials: [], noMaterials: true });
    const diff = diffGuides(v1, v2);
    expect(byField(diff, 'materials')).toMatchObject({ changed: true, after: ['无需材料'] });
    expect(byField(diff, 'promisedDays')).toMatchObject({ changed: true, after: [] });
    expect(byField(diff, 'kind').after).toEqual(['即办件']);
  });

  it('takes the words of another language', () => {
    const diff = diffGuides(v1, v1, {
      levels: { township: 'Township', village: 'Village' },
      kinds: { immediate: 'Immediate', promised: 'Promised' },
      forms: { original: 'Original', copy: 'Copy', both: 'Both' },
      channels: { window: 'Window', online: 'Online', mobile: 'Mobile', kiosk: 'Kiosk', village_point: 'Village point' },
      workingDays: (n) => `${n} working day(s)`,
      material: (m, form) => `${m.name} (${form})`,
      noMaterials: 'None',
      free: 'Free',
      charged: (a, b) => `${a} (${b})`,
    });
    expect(byField(diff, 'level').after).toEqual(['Township']);
    expect(byField(diff, 'materials').after[0]).toBe('居民身份证 (Original)');
    expect(byField(diff, 'statutoryDays').after).toEqual(['20 working day(s)']);
  });
});
