import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { formatRate, mayCorrect, mayRecordSurveys, surveyBody, surveyFilterFromQuery, surveyTags } from './surveyModel';

describe('the satisfaction survey helpers', () => {
  it('keep only well-formed filters', () => {
    expect(surveyFilterFromQuery({ teamId: 't-1', from: '2026-10-01', to: '2026-13-45' })).toEqual({
      teamId: 't-1',
      from: '2026-10-01',
    });
    expect(surveyFilterFromQuery({})).toEqual({});
  });

  it('write the rate in % and mark corrected records and corrections', () => {
    expect(formatRate(0.9333)).toBe('93.3%');
    expect(formatRate(1)).toBe('100.0%');
    expect(surveyTags({ correctsId: null, correctedById: null })).toEqual([]);
    expect(surveyTags({ correctsId: 'a', correctedById: 'b' })).toEqual(['corrected', 'correction']);
  });

  it('let only enforcement.supervise record, and correct only the newest record of a chain', () => {
    expect(mayRecordSurveys({ permissions: ['enforcement.supervise'] })).toBe(true);
    expect(mayRecordSurveys({ permissions: ['enforcement.teams'] })).toBe(false);
    expect(mayCorrect({ correctedById: null }, true)).toBe(true);
    expect(mayCorrect({ correctedById: 'x' }, true)).toBe(false);
    expect(mayCorrect({ correctedById: null }, false)).toBe(false);
  });

  it('send the form as the API names it: dates as YYYY-MM-DD, blanks as null', () => {
    expect(surveyBody({ teamId: 't', surveyedOn: dayjs('2026-11-02'), method: 'phone', respondents: 5, satisfied: 4, note: '  ' }))
      .toEqual({ teamId: 't', surveyedOn: '2026-11-02', method: 'phone', respondents: 5, satisfied: 4, note: null, correctsId: null });
  });
});
