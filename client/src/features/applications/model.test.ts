import { describe, expect, it } from 'vitest';
import type { ApplicationAction } from '../../lib/api/types';
import {
  actionBody,
  actionSpec,
  allowedActionsOf,
  chineseDate,
  deadlineColor,
  deadlineRowClass,
  deadlineStatus,
  filterFromQuery,
  handlesApplications,
  idNumberLabelKey,
  initialActionValues,
  isOpenState,
  looksLikeIdentifier,
  needsTrackingNumber,
  newIdempotencyKey,
  registrationKey,
  stateColor,
  summaryLink,
  summaryTone,
  visibleActions,
  APPLICATION_STATES,
} from './model';
import { application } from '../../test/fixtures';
import { listItem } from './testData';

describe('states', () => {
  it('has a colour for every state and knows which are still open', () => {
    for (const s of APPLICATION_STATES) expect(stateColor(s)).toBeTruthy();
    expect(APPLICATION_STATES.filter(isOpenState)).toEqual(['received', 'accepted', 'suspended']);
  });

  it('lets only window clerks and village agents handle applications', () => {
    expect(handlesApplications({ role: 'window_clerk' })).toBe(true);
    expect(handlesApplications({ role: 'village_agent' })).toBe(true);
    expect(handlesApplications({ role: 'township_leader' })).toBe(false);
    expect(handlesApplications({ role: 'evaluator' })).toBe(false);
  });
});

describe('actions', () => {
  it('shows exactly the allowed actions in a stable order, ignoring unknown names', () => {
    expect(visibleActions(application({ allowedActions: [] }))).toEqual([]);
    expect(visibleActions(application({ allowedActions: ['forward', 'refuse', 'complete', 'accept'] }))).toEqual([
      'accept',
      'complete',
      'forward',
      'refuse',
    ]);
    expect(visibleActions({ allowedActions: ['deliver', 'rate'] as unknown as ApplicationAction[] })).toEqual(['deliver']);
    expect(allowedActionsOf({ allowedActions: ['forward', 'x', 7] })).toEqual(['forward']);
    expect(allowedActionsOf({})).toEqual([]);
  });

  it('knows what each step asks for', () => {
    expect(actionSpec('accept')).toMatchObject({ immediate: true, noteRequired: false });
    expect(actionSpec('refuse')).toMatchObject({ immediate: false, noteKind: 'reason', noteRequired: true, danger: true });
    expect(actionSpec('suspend')).toMatchObject({ noteKind: 'materials', materials: true, danger: false });
    expect(actionSpec('resume')).toMatchObject({ visit: true, noteRequired: false });
    expect(actionSpec('complete')).toMatchObject({ outcome: true, delivery: false });
    expect(actionSpec('deliver')).toMatchObject({ delivery: true, outcome: false });
    expect(actionSpec('forward')).toMatchObject({ immediate: false, noteRequired: false, visit: null });
    expect(needsTrackingNumber('deliver', 'post')).toBe(true);
    expect(needsTrackingNumber('deliver', 'pickup')).toBe(false);
    expect(needsTrackingNumber('complete', 'post')).toBe(false);
  });

  it('starts the forms with what a window does most', () => {
    expect(initialActionValues('complete').outcome).toBe('approved');
    expect(initialActionValues('deliver').deliveryMethod).toBe('pickup');
    expect(initialActionValues('resume').visit).toBe(true);
    expect(initialActionValues('refuse')).toMatchObject({ outcome: undefined, deliveryMethod: undefined, visit: false });
  });

  it('sends only the fields a step takes, trimmed', () => {
    expect(actionBody('refuse', { note: '  不属于本中心受理范围 ', outcome: 'approved', visit: true })).toEqual({
      note: '不属于本中心受理范围',
      outcome: null,
      deliveryMethod: null,
      trackingNumber: null,
      visit: null,
    });
    expect(actionBody('complete', { note: '', outcome: 'rejected' })).toEqual({
      note: null,
      outcome: 'rejected',
      deliveryMethod: null,
      trackingNumber: null,
      visit: null,
    });
    expect(actionBody('deliver', { deliveryMethod: 'pickup', trackingNumber: 'SF1' })).toMatchObject({
      deliveryMethod: 'pickup',
      trackingNumber: null,
    });
    expect(actionBody('deliver', { deliveryMethod: 'post', trackingNumber: ' SF1234567890 ' })).toMatchObject({
      deliveryMethod: 'post',
      trackingNumber: 'SF1234567890',
    });
    expect(actionBody('resume', { visit: true })).toMatchObject({ visit: true });
    expect(actionBody('resume', { visit: false })).toMatchObject({ visit: false });
    expect(actionBody('accept', {})).toEqual({ note: null, outcome: null, deliveryMethod: null, trackingNumber: null, visit: null });
  });
});

describe('deadlines', () => {
  it('picks red for overdue over orange for due soon, nothing otherwise', () => {
    expect(deadlineStatus(listItem({ overdue: true, dueSoon: false }))).toBe('overdue');
    expect(deadlineStatus(listItem({ overdue: true, dueSoon: true }))).toBe('overdue');
    expect(deadlineStatus(listItem({ overdue: false, dueSoon: true }))).toBe('dueSoon');
    expect(deadlineStatus(listItem())).toBeNull();
    expect(deadlineColor('overdue').tag).toBe('red');
    expect(deadlineColor('dueSoon').tag).toBe('orange');
    expect(deadlineColor(null).text).toBeUndefined();
    expect(deadlineRowClass(listItem({ overdue: true }))).toBe('ap-row-overdue');
    expect(deadlineRowClass(listItem({ dueSoon: true }))).toBe('ap-row-due-soon');
    expect(deadlineRowClass(listItem())).toBe('');
  });
});

describe('list filters and the workbench figures', () => {
  it('reads only valid filters from the query string', () => {
    expect(
      filterFromQuery({ state: 'suspended', from: '2026-10-01', to: '2026-02-30', applicant: ' 张 ', overdue: 'true', dueSoon: '1' }),
    ).toEqual({ state: 'suspended', from: '2026-10-01', to: undefined, applicant: '张', overdue: true, dueSoon: undefined });
    expect(filterFromQuery({ state: 'closed', applicant: '  ' })).toEqual({
      state: undefined,
      from: undefined,
      to: undefined,
      applicant: undefined,
      overdue: undefined,
      dueSoon: undefined,
    });
  });

  it('links every figure to the list filtered the same way', () => {
    expect(summaryLink('open', '2026-10-08')).toBe('/services/applications');
    expect(summaryLink('overdue', '2026-10-08')).toBe('/services/applications?overdue=true');
    expect(summaryLink('dueSoon', '2026-10-08')).toBe('/services/applications?dueSoon=true');
    expect(summaryLink('suspended', '2026-10-08')).toBe('/services/applications?state=suspended');
    expect(summaryLink('receivedToday', '2026-10-08')).toBe('/services/applications?from=2026-10-08&to=2026-10-08');
    expect(summaryLink('completedToday', '2026-10-08')).toBe('/services/applications?state=completed');
    // and the list reads those links back
    const back = new URLSearchParams(summaryLink('receivedToday', '2026-10-08').split('?')[1]);
    expect(filterFromQuery(Object.fromEntries(back))).toMatchObject({ from: '2026-10-08', to: '2026-10-08' });
  });

  it('colours only figures that need attention', () => {
    expect(summaryTone('overdue', 2)).toBe('danger');
    expect(summaryTone('overdue', 0)).toBeUndefined();
    expect(summaryTone('dueSoon', 1)).toBe('warning');
    expect(summaryTone('open', 9)).toBeUndefined();
  });
});

describe('register form', () => {
  it('asks for an ID number or a credit code by applicant kind, checking only the shape', () => {
    expect(idNumberLabelKey('person')).toBe('idNumber');
    expect(idNumberLabelKey('organisation')).toBe('creditCode');
    expect(looksLikeIdentifier('person', '11010119900307001X')).toBe(true);
    expect(looksLikeIdentifier('person', ' 110101199003070011 ')).toBe(true);
    expect(looksLikeIdentifier('person', '1101011990030700')).toBe(false);
    expect(looksLikeIdentifier('organisation', '91410100MA12345678')).toBe(true);
    expect(looksLikeIdentifier('organisation', '91410100-MA1234567')).toBe(false);
  });

  it('makes version-4 UUIDs', () => {
    const seq = [0.1, 0.9, 0.5, 0.3];
    let i = 0;
    const key = newIdempotencyKey(() => seq[i++ % seq.length]!);
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).toMatch(/^[0-9a-f-]{36}$/);
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });

  it('keeps the key while the same registration is sent again, and takes a new one when it changes', () => {
    let n = 0;
    const make = () => `k-${++n}`;
    const body = { itemId: 'i', applicantName: '张三' };
    const first = registrationKey(null, body, make);
    expect(first.key).toBe('k-1');
    // a double click or a retry after a lost answer: the same key, so the API creates one application
    expect(registrationKey(first, { ...body }, make)).toBe(first);
    // the clerk corrected the form: a new key (the API refuses a key reused for another request)
    const second = registrationKey(first, { ...body, applicantName: '李四' }, make);
    expect(second.key).toBe('k-2');
    // after a success the form starts over
    expect(registrationKey(null, body, make).key).toBe('k-3');
  });
});

describe('receipt', () => {
  it('writes dates the Chinese way', () => {
    expect(chineseDate('2026-10-10')).toBe('2026年10月10日');
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
  });
});
