import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import {
  complaintBody,
  complaintFilterFromQuery,
  faultBody,
  faultFilterFromQuery,
  handlingBody,
  visibleComplaintActions,
} from './supervisionModel';

describe('执法监督 helpers', () => {
  it('read the filters from the query string, dropping an unknown state and blank ids', () => {
    expect(complaintFilterFromQuery({ state: 'handled', teamId: ' team-1 ', caseId: 'c-1', officerId: ' ' })).toEqual({
      state: 'handled',
      teamId: 'team-1',
      caseId: 'c-1',
      officerId: undefined,
    });
    expect(complaintFilterFromQuery({ state: 'closed' }).state).toBeUndefined();
    expect(faultFilterFromQuery({ officerId: 'o-1' })).toEqual({ officerId: 'o-1' });
    expect(faultFilterFromQuery({ teamId: 'team-1', caseId: ' ', complaintId: 'cp-1' })).toStrictEqual({
      teamId: 'team-1',
      officerId: undefined,
      caseId: undefined,
      complaintId: 'cp-1',
    });
  });

  it('offer only the known actions the API allows', () => {
    expect(visibleComplaintActions({ allowedActions: ['escalate', 'handle'] })).toEqual(['handle']);
    expect(visibleComplaintActions({ allowedActions: [] })).toEqual([]);
  });

  it('send trimmed text, null for what was left out, days as YYYY-MM-DD', () => {
    expect(
      complaintBody({ officerId: 'o-1', channel: 'phone', receivedOn: dayjs('2026-12-02'), complainant: ' 王五 ', content: 'x' }),
    ).toEqual({
      caseId: null,
      officerId: 'o-1',
      channel: 'phone',
      receivedOn: '2026-12-02',
      complainant: '王五',
      complainantPhone: null,
      content: 'x',
    });
    expect(handlingBody({ finding: 'unfounded', result: ' 不属实 ', note: '  ' })).toEqual({
      finding: 'unfounded',
      result: '不属实',
      note: null,
    });
    expect(faultBody({ officerId: 'o-1', foundOn: dayjs('2026-12-05'), liability: 'criticism' })).toEqual({
      officerId: 'o-1',
      caseId: null,
      complaintId: null,
      foundOn: '2026-12-05',
      fault: null,
      liability: 'criticism',
      documentNo: null,
    });
  });
});
