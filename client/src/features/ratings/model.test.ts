import { describe, expect, it } from 'vitest';
import {
  commentRequired,
  daysOverdue,
  isBadLevel,
  levelColor,
  looksLikeApplicationId,
  publicRateBody,
  rateBody,
  ratingFilterFromQuery,
  rectificationActionBody,
  rectificationActionSpec,
  rectificationAllowedActionsOf,
  rectificationFilterFromQuery,
  showRatingPad,
  visibleRectificationActions,
  RATING_LEVELS,
} from './model';

describe('rating levels', () => {
  it('runs from 非常满意 to 非常不满意; the last two are bad and must say why', () => {
    expect(RATING_LEVELS).toEqual([5, 4, 3, 2, 1]);
    expect(RATING_LEVELS.filter(isBadLevel)).toEqual([2, 1]);
    expect(commentRequired(2)).toBe(true);
    expect(commentRequired(1)).toBe(true);
    expect(commentRequired(3)).toBe(false);
    expect(commentRequired(undefined)).toBe(false);
    expect(levelColor(5)).not.toEqual(levelColor(1));
  });

  it('builds the bodies: comment trimmed or null, the public one with its channel', () => {
    expect(rateBody(2, '  等了很久 ')).toEqual({ level: 2, comment: '等了很久' });
    expect(rateBody(5, '   ')).toEqual({ level: 5, comment: null });
    const id = '0190f3a2-1b2c-7d3e-8f40-123456789abc';
    expect(publicRateBody({ applicationId: ` ${id} `, phone: '13812345678 ', level: 4 })).toEqual({
      applicationId: id,
      applicationNumber: null,
      phone: '13812345678',
      channel: 'online',
      level: 4,
      comment: null,
    });
    expect(publicRateBody({ level: 1, comment: 'x' }, 'qr').channel).toBe('qr');
    expect(publicRateBody({ applicationId: ' 2026-0101-000123 ', phone: '13812345678', level: 5 }, 'qr')).toMatchObject(
      {
        applicationId: null,
        applicationNumber: '2026-0101-000123',
      },
    );
    expect(looksLikeApplicationId(id)).toBe(true);
    expect(looksLikeApplicationId('2026-0101-000123')).toBe(true);
    expect(looksLikeApplicationId('12345')).toBe(false);
    expect(looksLikeApplicationId('2026-0101-0001%')).toBe(false);
    expect(looksLikeApplicationId(undefined)).toBe(false);
  });

  it('offers the pad to the window of a finished application until it has a window rating', () => {
    const clerk = { role: 'window_clerk' };
    expect(showRatingPad(clerk, 'completed', [])).toBe(true);
    expect(showRatingPad(clerk, 'delivered', [{ channel: 'online' }])).toBe(true);
    expect(showRatingPad(clerk, 'delivered', [{ channel: 'window' }])).toBe(false);
    expect(showRatingPad(clerk, 'accepted', [])).toBe(false);
    expect(showRatingPad({ role: 'village_agent' }, 'completed', [])).toBe(true);
    expect(showRatingPad({ role: 'township_leader' }, 'completed', [])).toBe(false);
  });
});

describe('list filters', () => {
  it('keeps only what the API understands', () => {
    expect(ratingFilterFromQuery({ bad: 'true', from: '2026-02-30', to: '2026-03-31' })).toEqual({
      bad: true,
      from: undefined,
      to: '2026-03-31',
    });
    expect(ratingFilterFromQuery({ bad: 'yes' }).bad).toBeUndefined();
    expect(rectificationFilterFromQuery({ state: 'called_back', centreId: 'c-2', overdue: 'true' })).toEqual({
      state: 'called_back',
      centreId: 'c-2',
      overdue: true,
    });
    expect(rectificationFilterFromQuery({ state: 'nonsense', overdue: 'false' })).toEqual({
      state: undefined,
      overdue: undefined,
    });
  });
});

describe('rectification actions', () => {
  it('shows exactly the allowed actions, in the usual order, and reads them from a 409', () => {
    expect(visibleRectificationActions({ allowedActions: ['appeal', 'rectify', 'callback'] })).toEqual([
      'callback',
      'rectify',
      'appeal',
    ]);
    expect(visibleRectificationActions({ allowedActions: [] })).toEqual([]);
    expect(rectificationAllowedActionsOf({ allowedActions: ['respond', 'bogus'] })).toEqual(['respond']);
    expect(rectificationAllowedActionsOf({})).toEqual([]);
  });

  it('asks each action for what it needs and sends only that', () => {
    expect(rectificationActionSpec('callback').noteRequired).toBe(true);
    expect(rectificationActionSpec('respond')).toMatchObject({ noteRequired: false, response: true });
    expect(rectificationActionSpec('decide')).toMatchObject({ noteRequired: true, decision: true });
    expect(
      rectificationActionBody('callback', { note: ' 已电话回访 ', response: 'satisfied', decision: 'upheld' }),
    ).toEqual({
      note: '已电话回访',
      response: null,
      decision: null,
    });
    expect(rectificationActionBody('respond', { response: 'unsatisfied' })).toEqual({
      note: null,
      response: 'unsatisfied',
      decision: null,
    });
    expect(rectificationActionBody('decide', { decision: 'rejected', note: '证据不足' })).toEqual({
      note: '证据不足',
      response: null,
      decision: 'rejected',
    });
  });

  it('counts the calendar days past the deadline of an overdue one', () => {
    expect(daysOverdue({ overdue: true, dueOn: '2026-11-23' }, '2026-11-24')).toBe(1);
    expect(daysOverdue({ overdue: true, dueOn: '2026-10-22' }, '2026-11-02')).toBe(11);
    expect(daysOverdue({ overdue: false, dueOn: '2026-10-22' }, '2026-11-02')).toBe(0);
  });
});
