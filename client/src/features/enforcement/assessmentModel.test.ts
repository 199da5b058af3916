import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import {
  cellIndex,
  defaultIndicators,
  formatKpiValue,
  kpiOf,
  ownScorerId,
  roundBody,
  roundFilterFromQuery,
  sheetBody,
  sheetCells,
  sheetEtag,
  visibleRoundActions,
  weightTotal,
} from './assessmentModel';
import { departmentsRound, departmentUser, round, sheet, townshipLeader } from './supervisionTestData';

describe('双向考核 helpers', () => {
  it('read the filters, drop unknown values, offer only the known steps the API allows', () => {
    expect(roundFilterFromQuery({ state: 'open', direction: 'departments' })).toEqual({ state: 'open', direction: 'departments' });
    expect(roundFilterFromQuery({ state: 'closed', direction: 'up' })).toEqual({ state: undefined, direction: undefined });
    expect(visibleRoundActions({ allowedActions: ['publish', 'archive', 'open'] })).toEqual(['open', 'publish']);
  });

  it('start each direction with weights adding up to 100, townships scoring departments by hand only', () => {
    expect(weightTotal(defaultIndicators('townships'))).toBe(100);
    expect(weightTotal(defaultIndicators('departments'))).toBe(100);
    expect(defaultIndicators('departments').every((i) => i.source === 'manual')).toBe(true);
    expect(weightTotal([{ weight: 33.33 }, { weight: 33.33 }, { weight: 33.34 }, {}])).toBe(100);
    expect(kpiOf('computed:EN_CLOSURE')).toBe('EN_CLOSURE');
    expect(kpiOf('manual')).toBeNull();
  });

  it('send a round with its days, no quarter for a year, null for no departments chosen', () => {
    const body = roundBody({
      title: ' 年度考核 ',
      direction: 'townships',
      periodKind: 'year',
      year: 2026,
      quarter: 4,
      opensOn: dayjs('2027-01-05'),
      closesOn: dayjs('2027-01-20'),
      departmentIds: [],
      indicators: [{ code: 'TEAM', name: '队伍', weight: 100, maxScore: 10, source: 'manual' }],
    });
    expect(body).toEqual({
      title: '年度考核',
      direction: 'townships',
      periodKind: 'year',
      year: 2026,
      quarter: null,
      opensOn: '2027-01-05',
      closesOn: '2027-01-20',
      departmentIds: null,
      indicators: [{ code: 'TEAM', name: '队伍', weight: 100, maxScore: 10, source: 'manual' }],
    });
  });

  it('find a township’s own sheet by its region and a department’s by its unit', () => {
    expect(ownScorerId(departmentsRound(), townshipLeader)).toBe('tw-1');
    expect(ownScorerId(round(), departmentUser)).toBe('d-market');
    expect(ownScorerId(round(), { ...departmentUser, unitId: 'd-other' })).toBeNull();
    expect(ownScorerId(departmentsRound(), departmentUser)).toBeNull();
  });

  it('lay out the sheet as every scored unit × every hand-scored indicator, and send it whole in that order', () => {
    const cells = sheetCells(round(), sheet({ scores: [{ scoredId: 'tw-2', scoredName: '河口镇', indicatorCode: 'TEAM', score: 8.5, comment: '好', submittedAt: null }] }));
    expect(cells).toEqual([
      { scoredId: 'tw-1', indicatorCode: 'TEAM', score: null, comment: '' },
      { scoredId: 'tw-2', indicatorCode: 'TEAM', score: 8.5, comment: '好' },
    ]);
    expect(cellIndex(cells, 'tw-2', 'TEAM')).toBe(1);
    expect(sheetBody(cells, { scores: [{ score: 7, comment: ' 一般 ' }, { comment: '' }] })).toEqual({
      scores: [
        { scoredId: 'tw-1', indicatorCode: 'TEAM', score: 7, comment: '一般' },
        { scoredId: 'tw-2', indicatorCode: 'TEAM', score: 8.5, comment: null },
      ],
    });
    expect(sheetEtag(sheet(), '"v0"')).toBeNull();
    expect(sheetEtag(sheet({ version: 2 }), null)).toBe('"v2"');
  });

  it('read a computed value: rates in per cent, counts as they are, none as null', () => {
    expect(formatKpiValue({ source: 'computed:EN_CLOSURE', value: 0.8 })).toBe('80%');
    expect(formatKpiValue({ source: 'computed:EN_CASES', value: 12 })).toBe('12');
    expect(formatKpiValue({ source: 'computed:EN_AVG_DAYS', value: null })).toBeNull();
  });
});
