// A case taken step by step to each of its documents (for the tests of the 打印文书 pages).
import type { EnforcementCase, PowerItemDetail, WorkflowEvent } from '../../lib/api/types';
import { evidence, filedCase } from './caseTestData';

/** A timeline entry on a day of December 2026 at 10:00 in the county. */
function event(
  day: number,
  actor: string,
  action: string,
  fromState: string | null,
  toState: string,
  note: string | null = null,
): WorkflowEvent {
  return { at: `2026-12-${String(day).padStart(2, '0')}T02:00:00+00:00`, actor, action, fromState, toState, note };
}

/** Notified on 2026-12-03 of a fine of 800 yuan, with the right to a hearing; a scene record as evidence. */
export function notifiedCase(overrides: Partial<EnforcementCase> = {}): EnforcementCase {
  return filedCase({
    state: 'notified',
    stateName: '已告知（陈述申辩期）',
    evidence: [evidence(1)],
    notice: {
      notifiedOn: '2026-12-03',
      kinds: [{ code: 'fine', name: '罚款' }],
      fine: 800,
      confiscation: null,
      hearingEligible: true,
      statementDueOn: '2026-12-10',
      statement: null,
    },
    events: [
      event(1, '李执法', 'register', null, 'lead'),
      event(2, '张队长', 'file', 'lead', 'filed', '情况属实'),
      event(3, '李执法', 'notify', 'filed', 'notified'),
    ],
    version: 4,
    ...overrides,
  });
}

/** The hearing asked for on 2026-12-05, set for 2026-12-21 in the team's 听证室 with 周法制 presiding (notified
 * 2026-12-08). */
export function hearingCase(overrides: Partial<EnforcementCase> = {}): EnforcementCase {
  return notifiedCase({
    state: 'hearing_scheduled',
    stateName: '已通知听证',
    hearing: {
      requestedOn: '2026-12-05',
      notifiedOn: '2026-12-08',
      hearingOn: '2026-12-21',
      presider: '周法制',
      place: '城关镇人民路 1 号 听证室',
      record: null,
    },
    ...overrides,
  });
}

/** Decided on 2026-12-15 (城关综执罚决〔2026〕17号): a fine of 800 yuan; the first piece of evidence corrected. */
export function decidedCase(overrides: Partial<EnforcementCase> = {}): EnforcementCase {
  return notifiedCase({
    state: 'decided',
    stateName: '已决定（待送达）',
    evidence: [
      evidence(1, { correctedById: 'ev-2', title: '现场检查笔录（有误）' }),
      evidence(2, { correctsId: 'ev-1', title: '现场检查笔录', kind: 'scene_record' }),
      evidence(3, { kind: 'photo', kindName: '照片', title: '占道现场照片' }),
    ],
    decision: {
      decisionNo: '城关综执罚决〔2026〕17号',
      decidedOn: '2026-12-15',
      kinds: [{ code: 'fine', name: '罚款' }],
      fine: 800,
      confiscation: null,
      benchmarkDegree: 'general',
      legalBasis: '《城市市容和环境卫生管理条例》第三十六条',
      noPenaltyReason: null,
      deliveryDueOn: '2026-12-24',
    },
    ...overrides,
  });
}

/** Served directly on 2026-12-16 by 李执法, paid on 2026-12-20, closed on 2026-12-22 by 张队长. */
export function closedCase(overrides: Partial<EnforcementCase> = {}): EnforcementCase {
  const decided = decidedCase();
  return decidedCase({
    state: 'closed',
    stateName: '已结案',
    execution: {
      deliveredOn: '2026-12-16',
      deliveryMethod: 'direct',
      paymentDueOn: '2026-12-31',
      lateFeeToday: null,
      paidOn: '2026-12-20',
      paidAmount: 800,
      lateFee: null,
      note: null,
    },
    closedOn: '2026-12-22',
    events: [
      ...decided.events,
      event(16, '李执法', 'deliver', 'decided', 'delivered', '当事人本人签收'),
      event(22, '张队长', 'close', 'executed', 'closed', '罚款已缴清'),
    ],
    ...overrides,
  });
}

/** The filed item as PowerLists answers: its legal basis on the filing day. */
export const powerItem: PowerItemDetail = {
  latestVersion: 1,
  versions: [],
  current: {
    itemId: 'item-1',
    code: 'CF-URB-001',
    version: 1,
    effectiveFrom: '2026-01-01',
    effectiveTo: null,
    withdrawn: false,
    name: '对占道经营的处罚',
    type: 'CF',
    typeName: '行政处罚',
    domainCode: 'urban',
    domainName: '城市管理',
    legalBasis: [{ law: '城市市容和环境卫生管理条例', article: '第十四条、第三十六条', text: null }],
    departmentId: null,
    departmentName: '县城市管理局',
    supervisorId: null,
    supervisorName: null,
    responsibilities: [],
    accountabilities: [],
    changeNote: '新增',
    createdAt: '2026-01-01T00:00:00+00:00',
    createdBy: '编办',
  },
};
