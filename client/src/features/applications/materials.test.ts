import { describe, expect, it } from 'vitest';
import { initialTicks, materialChecks, noticesFor, requiredMissing } from './materials';

const guide = [
  { name: '身份证', form: 'both', copies: 1, required: true },
  { name: '银行卡', form: 'copy', copies: 1, required: false },
];

describe('the materials checklist', () => {
  it('starts missing, sends one line per guide material and names the required ones still missing', () => {
    expect(initialTicks(guide)).toEqual(['missing', 'missing']);
    expect(requiredMissing(guide, ['missing', 'copy'])).toEqual(['身份证']);
    expect(requiredMissing(guide, ['original', 'missing'])).toEqual([]);
    expect(materialChecks(guide, ['copy'])).toEqual([
      { name: '身份证', status: 'received', receivedForm: 'copy' },
      { name: '银行卡', status: 'missing', receivedForm: null },
    ]);
  });

  it('offers the 补正通知书 only while suspended, and no notice without a checklist', () => {
    const line = {
      name: '身份证',
      form: 'both',
      copies: 1,
      required: true,
      status: 'missing',
      receivedForm: null,
    } as const;
    expect(noticesFor({ state: 'accepted', materials: [line] })).toEqual(['notice', 'checklist']);
    expect(noticesFor({ state: 'suspended', materials: [line] })).toEqual(['notice', 'rectification', 'checklist']);
    expect(noticesFor({ state: 'suspended', materials: [] })).toEqual([]);
  });
});
