// Cases and what their pages read besides, shaped as the API sends them (for the tests of the 案件 pages).
import type { CaseEvidence, EnforcementCase, Officer, TownshipEntry } from '../../lib/api/types';

/** A lead registered by a patrol in 城关镇, nothing filed yet. */
export function enforcementCase(overrides: Partial<EnforcementCase> = {}): EnforcementCase {
  return {
    id: 'case-1',
    teamId: 'team-1',
    state: 'lead',
    stateName: '线索待处理',
    procedure: 'general',
    source: 'patrol',
    sourceName: '巡查发现',
    domain: 'urban',
    domainName: '城市管理',
    occurredOn: '2026-11-30',
    place: '城关镇人民路 18 号',
    description: '占道经营，堆放货物',
    partyKind: 'person',
    partyName: '王五',
    partyIdNumber: '110101********0011',
    reporter: null,
    receivedAt: '2026-12-01T02:00:00+00:00',
    filing: null,
    extendedDays: 0,
    majorReasons: [],
    notice: null,
    hearing: null,
    decision: null,
    execution: null,
    closedOn: null,
    archivedOn: null,
    transferredToName: null,
    officers: [],
    reviews: [],
    discussions: [],
    evidence: [],
    coOwners: [],
    referredByName: null,
    team: { name: '城关镇综合行政执法大队', address: '城关镇人民路 1 号', phone: '0311-5551234', leaderName: '张队长' },
    events: [
      {
        at: '2026-12-01T02:00:00+00:00',
        actor: '李执法',
        action: 'register',
        fromState: null,
        toState: 'lead',
        note: null,
      },
    ],
    allowedActions: ['file', 'decline', 'transfer', 'simple'],
    createdBy: '李执法',
    version: 1,
    ...overrides,
  };
}

/** The same case filed on 2026-12-02 on a penalty item of the township, two officers on it. */
export function filedCase(overrides: Partial<EnforcementCase> = {}): EnforcementCase {
  return enforcementCase({
    state: 'filed',
    stateName: '已立案（调查取证）',
    filing: {
      itemId: 'item-1',
      itemCode: 'CF-URB-001',
      itemName: '对占道经营的处罚',
      exerciseMode: 'granted',
      exerciseModeName: '赋权',
      agreementNo: null,
      severeHarm: false,
      filedOn: '2026-12-02',
      decisionDueOn: '2027-03-02',
      limitationEndsOn: '2028-11-30',
    },
    officers: [
      { officerId: 'o1', name: '李执法', certificateNumber: 'ZF-001', assignedOn: '2026-12-02' },
      { officerId: 'o2', name: '赵执法', certificateNumber: 'ZF-002', assignedOn: '2026-12-02' },
    ],
    allowedActions: ['notify', 'decide', 'extend', 'review', 'discuss', 'reassign'],
    version: 2,
    ...overrides,
  });
}

export function officer(id: string, name: string, overrides: Partial<Officer> = {}): Officer {
  return {
    id,
    teamId: 'team-1',
    personId: null,
    name,
    phone: null,
    domains: ['urban'],
    domainNames: ['城市管理'],
    joinedOn: '2020-01-01',
    leftOn: null,
    leftReason: null,
    certificate: {
      id: `cert-${id}`,
      number: `ZF-${id}`,
      issuingBody: '清河县人民政府',
      validFrom: '2024-01-01',
      validUntil: '2029-12-31',
    },
    status: 'certified',
    statusName: '持证在岗',
    daysLeft: 1000,
    version: 1,
    ...overrides,
  };
}

export function entry(code: string, name: string, overrides: Partial<TownshipEntry> = {}): TownshipEntry {
  return {
    id: `entry-${code}`,
    townshipId: 'tw-1',
    itemId: `item-${code}`,
    code,
    name,
    type: 'CF',
    typeName: '行政处罚',
    domainCode: 'urban',
    domainName: '城市管理',
    departmentName: '县城市管理局',
    mode: 'granted',
    modeName: '赋权',
    listKind: 'basic',
    listKindName: '基本清单',
    decisionNo: null,
    agreementId: null,
    agreementNo: null,
    effectiveFrom: '2026-01-01',
    effectiveTo: null,
    exercisable: true,
    problem: null,
    publishedAt: null,
    ...overrides,
  };
}

export const HASH_A = 'a'.repeat(56) + '0123abcd';

/** A 现场笔录 of 2026-12-02 (a PDF of 1.5 MB) recorded by 李执法. */
export function evidence(seq: number, overrides: Partial<CaseEvidence> = {}): CaseEvidence {
  return {
    id: `ev-${seq}`,
    seq,
    kind: 'scene_record',
    kindName: '现场笔录',
    title: `现场检查笔录 ${seq}`,
    fileName: `scene-${seq}.pdf`,
    contentType: 'application/pdf',
    size: 1_572_864,
    sha256: HASH_A,
    collectedOn: '2026-12-02',
    collectedBy: '李执法',
    correctsId: null,
    correctedById: null,
    preservation: null,
    note: null,
    recordedAt: '2026-12-02T03:00:00+00:00',
    recordedBy: '李执法',
    ...overrides,
  };
}
