import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import {
  caseActionBody,
  caseActionsOf,
  caseDue,
  caseFilterFromQuery,
  caseStateColor,
  coOwnerChoices,
  degreeRange,
  evidenceContentType,
  formatSize,
  shortHash,
  undecidedPreservations,
  fineOutsideDegree,
  initialCaseValues,
  itemsForAction,
  officerUnfit,
  visibleCaseActions,
  ACTION_FIELDS,
  CASE_ACTIONS,
  CASE_STATES,
} from './caseModel';
import { entry, enforcementCase, evidence, filedCase, officer } from './caseTestData';

describe('case states and actions', () => {
  it('has a colour for every state and a form for every action', () => {
    for (const s of CASE_STATES) expect(caseStateColor(s)).toBeTruthy();
    for (const a of CASE_ACTIONS) expect(ACTION_FIELDS[a].length).toBeGreaterThan(0);
  });

  it('shows exactly the allowed actions the client knows, in the panel order', () => {
    expect(visibleCaseActions({ allowedActions: ['decline', 'teleport', 'file', 'simple'] })).toEqual([
      'file',
      'simple',
      'decline',
    ]);
    expect(caseActionsOf({ allowedActions: ['decide', 'notify'] })).toEqual(['notify', 'decide']);
    expect(caseActionsOf({})).toEqual([]);
  });
});

describe('the decision deadline', () => {
  const filed = (due: string, state = 'filed' as const) =>
    filedCase({ state, filing: { ...filedCase().filing!, decisionDueOn: due } });

  it('is overdue once passed and due soon within ten days, only while the decision is to be made', () => {
    expect(caseDue(filed('2026-12-09'), '2026-12-10')).toBe('overdue');
    expect(caseDue(filed('2026-12-10'), '2026-12-10')).toBe('soon');
    expect(caseDue(filed('2026-12-20'), '2026-12-10')).toBe('soon');
    expect(caseDue(filed('2026-12-21'), '2026-12-10')).toBeNull();
    expect(caseDue(filedCase({ state: 'decided', filing: filed('2026-01-01').filing }), '2026-12-10')).toBeNull();
    expect(caseDue(enforcementCase(), '2026-12-10')).toBeNull();
  });
});

describe('the list filters', () => {
  it('keeps known values only', () => {
    const query = { state: 'filed', source: 'grid', due: 'soon', q: ' 人民路 ', domain: 'urban' };
    expect(caseFilterFromQuery(query)).toEqual({
      state: 'filed',
      source: 'grid',
      due: 'soon',
      q: '人民路',
      domain: 'urban',
    });
    expect(caseFilterFromQuery({ state: 'nope', source: 'x', due: 'later', q: '  ' })).toEqual({
      state: undefined,
      source: undefined,
      due: undefined,
      q: undefined,
      domain: undefined,
    });
  });
});

describe('the bodies of the steps', () => {
  it('files with the item, two officers and the limitation flag', () => {
    expect(caseActionBody('file', { itemId: 'i1', officerIds: ['o1', 'o2'], note: ' 证据确凿 ' })).toEqual({
      note: '证据确凿',
      itemId: 'i1',
      officerIds: ['o1', 'o2'],
      severeHarm: false,
      departmentId: null,
    });
    expect(caseActionBody('decline', { itemId: 'i1', note: '不属实' })).toEqual({
      note: '不属实',
      itemId: null,
      officerIds: null,
      severeHarm: null,
      departmentId: null,
    });
  });

  it('sends an amount only with its kind', () => {
    expect(
      caseActionBody('notify', {
        penaltyKinds: ['warning'],
        fineAmount: 500,
        confiscationAmount: 20,
        majorReasons: [],
      }),
    ).toEqual({ penaltyKinds: ['warning'], fineAmount: null, confiscationAmount: null, majorReasons: [], note: null });
    expect(
      caseActionBody('decide', {
        penaltyKinds: ['fine'],
        fineAmount: 800,
        benchmarkDegree: 'general',
        noPenaltyReason: 'x',
      }),
    ).toMatchObject({ penaltyKinds: ['fine'], fineAmount: 800, benchmarkDegree: 'general', noPenaltyReason: null });
    expect(
      caseActionBody('decide', { penaltyKinds: ['none'], benchmarkDegree: 'minor', noPenaltyReason: ' 轻微并改正 ' }),
    ).toMatchObject({ penaltyKinds: ['none'], benchmarkDegree: null, noPenaltyReason: '轻微并改正', itemId: null });
  });

  it('dates as YYYY-MM-DD, and none for 结案', () => {
    const on = dayjs('2026-12-05');
    expect(caseActionBody('deliver', { on, deliveryMethod: 'post' })).toEqual({
      on: '2026-12-05',
      deliveryMethod: 'post',
      paidAmount: null,
      note: null,
    });
    expect(caseActionBody('close', { on })).toMatchObject({ on: null });
    expect(caseActionBody('schedule_hearing', { hearingOn: on, presiderId: 'o3', place: ' 大队听证室 ' })).toEqual({
      requestedOn: null,
      hearingOn: '2026-12-05',
      presiderId: 'o3',
      place: '大队听证室',
      record: null,
      note: null,
    });
  });

  it('starts the decision from the notice and 执行 from the fine with today’s late fee', () => {
    const notified = filedCase({
      notice: {
        notifiedOn: '2026-12-03',
        kinds: [{ code: 'fine', name: '罚款' }],
        fine: 500,
        confiscation: null,
        hearingEligible: false,
        statementDueOn: '2026-12-10',
        statement: null,
      },
    });
    const today = dayjs('2026-12-20');
    expect(initialCaseValues('decide', notified, today)).toMatchObject({ penaltyKinds: ['fine'], fineAmount: 500 });
    const delivered = filedCase({
      decision: {
        decisionNo: '城关综执罚决〔2026〕1号',
        decidedOn: '2026-12-11',
        kinds: [{ code: 'fine', name: '罚款' }],
        fine: 500,
        confiscation: null,
        benchmarkDegree: 'general',
        legalBasis: null,
        noPenaltyReason: null,
        deliveryDueOn: '2026-12-22',
      },
      execution: {
        deliveredOn: '2026-12-12',
        deliveryMethod: 'direct',
        paymentDueOn: '2026-12-27',
        lateFeeToday: 30,
        paidOn: null,
        paidAmount: null,
        lateFee: null,
        note: null,
      },
    });
    expect(initialCaseValues('execute', delivered, today)).toEqual({ on: today, paidAmount: 530 });
    expect(initialCaseValues('reassign', delivered, today)).toEqual({ officerIds: ['o1', 'o2'] });
    // the hearing is held at the team's address unless the leader types another place
    expect(initialCaseValues('schedule_hearing', delivered, today)).toEqual({ place: '城关镇人民路 1 号' });
  });
});

describe('pickers', () => {
  it('offers exercisable items of the fitting type, the case’s domain first', () => {
    const items = [
      entry('CF-B', '其他领域处罚', { domainCode: 'market' }),
      entry('XK-1', '许可', { type: 'XK' }),
      entry('CF-A', '本领域处罚'),
      entry('JC-1', '检查', { type: 'JC' }),
      entry('CF-C', '不可行使', { exercisable: false }),
    ];
    expect(itemsForAction('file', items, 'urban').map((e) => e.code)).toEqual(['CF-A', 'JC-1', 'CF-B']);
    expect(itemsForAction('simple', items, 'urban').map((e) => e.code)).toEqual(['CF-A', 'CF-B']);
    expect(itemsForAction('transfer', items, 'urban').map((e) => e.code)).toEqual(['CF-A', 'JC-1', 'XK-1', 'CF-B']);
  });

  it('says why an officer cannot act on the case', () => {
    expect(officerUnfit(officer('o1', '甲'), 'urban')).toBeNull();
    expect(officerUnfit(officer('o1', '甲', { status: 'left' }), 'urban')).toBe('left');
    expect(officerUnfit(officer('o1', '甲', { status: 'expired' }), 'urban')).toBe('expired');
    expect(officerUnfit(officer('o1', '甲'), 'market')).toBe('domain');
  });

  it('reads a degree’s fine range', () => {
    const general = {
      degree: 'general',
      degreeName: '一般',
      description: '',
      kinds: ['fine'],
      minFine: 500,
      maxFine: 2000,
    };
    expect(degreeRange(general)).toBe('500–2000');
    expect(degreeRange({ minFine: null, maxFine: null })).toBeNull();
    expect(fineOutsideDegree(2500, general)).toBe(true);
    expect(fineOutsideDegree(800, general)).toBe(false);
    expect(fineOutsideDegree(800, undefined)).toBe(false);
  });
});

describe('evidence', () => {
  const preserved = (seq: number, outcome: string | null) =>
    evidence(seq, {
      kind: 'preservation',
      preservation: {
        dueOn: '2026-12-09',
        overdue: false,
        decidedOn: outcome ? '2026-12-05' : null,
        outcome,
        outcomeName: outcome ? '依法查封、扣押' : null,
        note: null,
      },
    });

  it('sends 收集证据, 处理决定 and 共同办理 with exactly their fields', () => {
    const on = dayjs('2026-12-05');
    expect(
      caseActionBody('collect', {
        kind: 'photo',
        title: ' 现场照片 ',
        sha256: 'abc',
        fileName: 'p.jpg',
        collectedOn: on,
        correctsId: 'ev-1',
        note: ' ',
      }),
    ).toEqual({
      kind: 'photo',
      title: '现场照片',
      sha256: 'abc',
      fileName: 'p.jpg',
      collectedOn: '2026-12-05',
      correctsId: 'ev-1',
      note: null,
    });
    expect(caseActionBody('decide_preservation', { evidenceId: 'ev-2', outcome: 'seized', decidedOn: on })).toEqual({
      evidenceId: 'ev-2',
      outcome: 'seized',
      decidedOn: '2026-12-05',
      note: null,
    });
    expect(caseActionBody('add_co_owner', { unitId: 'u-1', note: '联合查处' })).toEqual({
      unitId: 'u-1',
      note: '联合查处',
    });
  });

  it('offers only undecided preservations, and picks the one when there is one', () => {
    const list = [evidence(1), preserved(2, 'seized'), preserved(3, null)];
    expect(undecidedPreservations(list).map((e) => e.seq)).toEqual([3]);
    const today = dayjs('2026-12-06');
    const v = initialCaseValues('decide_preservation', filedCase({ evidence: list }), today);
    expect(v.evidenceId).toBe('ev-3');
    expect(v.decidedOn?.format('YYYY-MM-DD')).toBe('2026-12-06');
    const two = filedCase({ evidence: [...list, preserved(4, null)] });
    expect(initialCaseValues('decide_preservation', two, today).evidenceId).toBeUndefined();
  });

  it('leaves out the departments already handling the case', () => {
    const c = filedCase({
      coOwners: [{ unitId: 'u-1', name: '县市场监管局', addedOn: '2026-12-03', addedBy: '张三' }],
    });
    expect(coOwnerChoices([{ id: 'u-1' }, { id: 'u-2' }], c)).toEqual([{ id: 'u-2' }]);
  });

  it('reads sizes, shortens hashes and types files the browser cannot', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(1536)).toBe('1.5 KB');
    expect(formatSize(1_572_864)).toBe('1.5 MB');
    expect(formatSize(2 * 1024 * 1024)).toBe('2 MB');
    expect(formatSize(150 * 1024 * 1024)).toBe('150 MB');
    expect(shortHash('0123456789abcdef'.repeat(4))).toBe('01234567…89abcdef');
    expect(evidenceContentType({ name: 'd.OFD', type: '' })).toBe('application/ofd');
    expect(evidenceContentType({ name: 'a.png', type: 'image/png' })).toBe('image/png');
    expect(evidenceContentType({ name: 'x.exe', type: '' })).toBe('application/octet-stream');
  });
});
