import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import {
  disclosureActionBody,
  disclosureActionsOf,
  disclosureFilterFromQuery,
  disclosureLateness,
} from './disclosureModel';

describe('the 执法公示 model', () => {
  it('reads the list filter from the query string, dropping what the API would refuse', () => {
    expect(disclosureFilterFromQuery({ state: 'retracted', late: 'true' })).toEqual({ state: 'retracted', late: true });
    const dropped = disclosureFilterFromQuery({ state: 'deleted', late: 'false' });
    expect(dropped).toEqual({ state: undefined, late: undefined });
  });

  it('tells 逾期未公示 from 逾期公示, and nothing while on time', () => {
    expect(disclosureLateness({ state: 'pending', late: true })).toBe('overdue');
    expect(disclosureLateness({ state: 'published', late: true })).toBe('publishedLate');
    expect(disclosureLateness({ state: 'retracted', late: true })).toBe('publishedLate');
    expect(disclosureLateness({ state: 'pending', late: false })).toBeNull();
  });

  it('sends 撤回 with the day and the trimmed public reason, 公示 with a note only', () => {
    const values = { revokedOn: dayjs('2026-12-04'), reason: '  原决定被撤销 ', note: '  ' };
    expect(disclosureActionBody('retract', values)).toEqual({
      revokedOn: '2026-12-04',
      reason: '原决定被撤销',
      note: null,
    });
    expect(disclosureActionBody('publish', { ...values, note: ' 按期 ' })).toEqual({
      revokedOn: null,
      reason: null,
      note: '按期',
    });
  });

  it('reads what a 409 says is possible now, in the buttons’ order', () => {
    expect(disclosureActionsOf({ allowedActions: ['retract', 'fly', 'publish'] })).toEqual(['publish', 'retract']);
    expect(disclosureActionsOf({ allowedActions: 'publish' })).toEqual([]);
  });
});
