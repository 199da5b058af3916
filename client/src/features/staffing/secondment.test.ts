import { describe, expect, it } from 'vitest';
import type { Assessment, GradeRow } from '../../lib/api/types';
import {
  changedGrades,
  effectiveGrade,
  excellentUse,
  gradeOptions,
  postsWithRoom,
  scoreField,
  scoreLines,
  stageIndex,
  weightedTotal,
  whoseTurn,
} from './secondment';

const row = (id: string, grade: GradeRow['grade'], lessThanHalfYear = false, secondmentState: GradeRow['secondmentState'] = 'active') => ({
  secondeeId: id,
  grade,
  lessThanHalfYear,
  secondmentState,
});

describe('选岗 order', () => {
  const posts = [
    { posts: 1, taken: 1 },
    { posts: 2, taken: 0 },
  ];
  it('is the best ranked candidate without a post', () => {
    const ranking = [
      { rank: 2, registrationId: 'b', chosenPostId: null },
      { rank: 1, registrationId: 'a', chosenPostId: 'p1' },
      { rank: 3, registrationId: 'c', chosenPostId: null },
    ];
    expect(whoseTurn(ranking, posts)).toBe('b');
  });
  it('is nobody once everyone has chosen or no post has room', () => {
    expect(whoseTurn([{ rank: 1, registrationId: 'a', chosenPostId: 'p' }], posts)).toBeUndefined();
    expect(whoseTurn([{ rank: 1, registrationId: 'a', chosenPostId: null }], [{ posts: 1, taken: 1 }])).toBeUndefined();
  });
  it('offers only posts with room', () => {
    expect(postsWithRoom(posts)).toEqual([{ posts: 2, taken: 0 }]);
  });
});

describe('stages and scores', () => {
  it('orders the stages', () => {
    expect(stageIndex('announced')).toBe(0);
    expect(stageIndex('choosing')).toBe(5);
    expect(stageIndex('unknown')).toBe(0);
  });
  it('takes the score of the stage from qualified registrations only', () => {
    expect(scoreField('written')).toBe('written');
    expect(scoreField('interview')).toBe('interview');
    expect(scoreField('choosing')).toBeUndefined();
    const regs = [
      { id: 'a', state: 'qualified' as const },
      { id: 'b', state: 'disqualified' as const },
      { id: 'c', state: 'qualified' as const },
    ];
    expect(scoreLines('interview', regs, { a: 80.5, b: 70, c: null })).toEqual([{ registrationId: 'a', interview: 80.5 }]);
  });
  it('weights the total like the API', () => {
    expect(weightedTotal(80, 90, 0.5)).toBe(85);
    expect(weightedTotal(81, 70, 0.6)).toBe(76.6);
  });
});

describe('grades', () => {
  it('forces 不确定档次 for less than half a year, and offers it to nobody else', () => {
    expect(gradeOptions({ lessThanHalfYear: true })).toEqual(['none']);
    expect(gradeOptions({ lessThanHalfYear: false })).not.toContain('none');
    expect(effectiveGrade(row('a', null, true), { a: 'excellent' })).toBe('none');
  });
  it('fills the 优秀 quota as grades are chosen', () => {
    const a = { excellentQuota: 2, grades: [row('a', 'excellent'), row('b', null), row('c', 'competent'), row('d', null, true)] } as Pick<Assessment, 'excellentQuota' | 'grades'>;
    expect(excellentUse(a, {})).toEqual({ used: 1, quota: 2, over: false, percent: 50 });
    expect(excellentUse(a, { b: 'excellent' })).toMatchObject({ used: 2, percent: 100, over: false });
    expect(excellentUse(a, { b: 'excellent', c: 'excellent' })).toMatchObject({ used: 3, over: true, percent: 100 });
    expect(excellentUse(a, { a: 'competent' })).toMatchObject({ used: 0, percent: 0 });
  });
  it('shows a zero quota as full when someone is 优秀 anyway', () => {
    expect(excellentUse({ excellentQuota: 0, grades: [row('a', null)] } as Pick<Assessment, 'excellentQuota' | 'grades'>, { a: 'excellent' })).toMatchObject({ over: true, percent: 100 });
  });
  it('saves only the changed grades, 不确定档次 included when not yet saved', () => {
    const grades = [row('a', 'competent'), row('b', null), row('c', null, true), row('d', 'none', true)];
    expect(changedGrades(grades, { a: 'competent', b: 'basic' })).toEqual([
      { secondeeId: 'b', grade: 'basic' },
      { secondeeId: 'c', grade: 'none' },
    ]);
  });
  it('leaves out a secondment no longer active: no grade is sent for it, typed or forced', () => {
    const grades = [row('a', null, false, 'converted'), row('b', null, true, 'ended'), row('c', null)];
    expect(effectiveGrade(row('b', null, true, 'ended'), {})).toBeUndefined();
    expect(changedGrades(grades, { a: 'competent', c: 'basic' })).toEqual([{ secondeeId: 'c', grade: 'basic' }]);
  });
});
