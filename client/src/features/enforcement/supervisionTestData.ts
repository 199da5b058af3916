// 执法监督 and 双向考核 records as the API sends them (for the tests of their pages).
import type {
  AssessmentRankings,
  AssessmentRound,
  AssessmentSheet,
  Complaint,
  EnforcementTeam,
  FaultRecord,
  Me,
} from '../../lib/api/types';

/** The teams in the county's scope, as the team filters list them (only what the filters read). */
export const supervisionTeams = [
  { id: 'team-1', name: '城关镇综合行政执法大队' },
  { id: 'team-2', name: '河口镇综合行政执法大队' },
] as EnforcementTeam[];

/** A phone complaint about officer 李执法 on case-1, received on 2026-12-02, waiting for the supervisors. */
export function complaint(overrides: Partial<Complaint> = {}): Complaint {
  return {
    id: 'cp-1',
    teamId: 'team-1',
    teamName: '城关镇综合行政执法大队',
    caseId: 'case-1',
    decisionNo: '城关综执罚决〔2026〕17号',
    officerId: 'o-1',
    officerName: '李执法',
    state: 'received',
    stateName: '已受理',
    channel: 'phone',
    receivedOn: '2026-12-02',
    complainant: '王五',
    complainantPhone: '138****5678',
    content: '执法人员态度粗暴，未出示执法证件',
    finding: null,
    result: null,
    handledOn: null,
    allowedActions: ['handle'],
    events: [
      {
        at: '2026-12-02T01:00:00+00:00',
        actor: '县司法局 张监督',
        action: 'receive',
        fromState: null,
        toState: 'received',
        note: null,
      },
    ],
    version: 1,
    ...overrides,
  };
}

/** The same complaint handled on 2026-12-04: partly substantiated. */
export function handledComplaint(overrides: Partial<Complaint> = {}): Complaint {
  return complaint({
    state: 'handled',
    stateName: '已办结',
    finding: 'partly',
    result: '经核查，未出示执法证件属实，已批评教育',
    handledOn: '2026-12-04',
    allowedActions: [],
    events: [
      ...complaint().events,
      {
        at: '2026-12-04T06:00:00+00:00',
        actor: '县司法局 张监督',
        action: 'handle',
        fromState: 'received',
        toState: 'handled',
        note: '部分属实：经核查，未出示执法证件属实，已批评教育',
      },
    ],
    version: 2,
    ...overrides,
  });
}

export function faultRecord(overrides: Partial<FaultRecord> = {}): FaultRecord {
  return {
    id: 'f-1',
    officerId: 'o-1',
    officerName: '李执法',
    caseId: 'case-1',
    complaintId: 'cp-1',
    foundOn: '2026-12-05',
    fault: '执法检查时未出示执法证件',
    liability: 'written_review',
    liabilityName: '书面检查',
    documentNo: '清司追〔2026〕3号',
    recordedAt: '2026-12-05T03:00:00+00:00',
    recordedBy: '县司法局 张监督',
    ...overrides,
  };
}

/** A user of the county: the administrator runs rounds and supervises. */
export function me(overrides: Partial<Me> = {}): Me {
  return {
    id: 'u-admin',
    username: 'admin',
    displayName: '县管理员',
    role: 'county_admin',
    roleName: '县级管理员',
    regionId: 'county-1',
    regionName: '清河县',
    regionLevel: 'county',
    unitId: null,
    unitName: null,
    permissions: ['enforcement.teams', 'enforcement.benchmarks', 'enforcement.assess', 'enforcement.supervise'],
    ...overrides,
  };
}

/** 城关镇's leader: reads the complaints about its team, scores county departments. */
export const townshipLeader = me({
  id: 'u-leader',
  username: 't01_leader',
  displayName: '城关镇领导',
  role: 'township_leader',
  roleName: '乡镇（街道）领导',
  regionId: 'tw-1',
  regionName: '城关镇',
  regionLevel: 'township',
  permissions: ['enforcement.teams', 'enforcement.leads', 'enforcement.file', 'enforcement.investigate', 'enforcement.assess_score'],
});

/** A county department's staff: scores townships. */
export const departmentUser = me({
  id: 'u-dept',
  username: 'market',
  displayName: '市场监管局',
  role: 'county_department',
  roleName: '县直部门工作人员',
  unitId: 'd-market',
  unitName: '县市场监管局',
  permissions: ['enforcement.leads', 'enforcement.assess_score'],
});

/** 县直部门评乡镇 for 2026 Q4: open, the window on; one hand-scored and one computed indicator. */
export function round(overrides: Partial<AssessmentRound> = {}): AssessmentRound {
  return {
    id: 'r-1',
    title: '2026年第四季度综合行政执法双向考核',
    direction: 'townships',
    directionName: '县直部门评乡镇（街道）执法工作',
    periodKind: 'quarter',
    periodLabel: '2026年第4季度',
    periodFrom: '2026-10-01',
    periodTo: '2026-12-31',
    opensOn: '2026-12-01',
    closesOn: '2026-12-20',
    windowOpen: true,
    state: 'open',
    stateName: '评分中',
    indicators: [
      { code: 'TEAM', name: '执法队伍建设', weight: 60, maxScore: 10, source: 'manual', kpiName: null },
      { code: 'CLOSURE', name: '结案率', weight: 40, maxScore: 10, source: 'computed:EN_CLOSURE', kpiName: '结案率' },
    ],
    scorers: [
      { id: 'd-market', kind: 'department', name: '县市场监管局' },
      { id: 'd-urban', kind: 'department', name: '县城市管理局' },
    ],
    scored: [
      { id: 'tw-1', kind: 'township', name: '城关镇' },
      { id: 'tw-2', kind: 'township', name: '河口镇' },
    ],
    lockedAt: null,
    publishedAt: null,
    events: [
      { at: '2026-11-20T02:00:00+00:00', actor: '县管理员', action: 'create', fromState: null, toState: 'draft', note: null },
      { at: '2026-12-01T01:00:00+00:00', actor: '县管理员', action: 'open', fromState: 'draft', toState: 'open', note: null },
    ],
    allowedActions: ['lock'],
    version: 2,
    ...overrides,
  };
}

/** 乡镇评县直部门 of the same quarter: the townships score, by hand only. */
export function departmentsRound(overrides: Partial<AssessmentRound> = {}): AssessmentRound {
  return round({
    id: 'r-2',
    direction: 'departments',
    directionName: '乡镇（街道）评县直部门',
    indicators: [
      { code: 'SUPPORT', name: '业务指导', weight: 50, maxScore: 10, source: 'manual', kpiName: null },
      { code: 'COORD', name: '协调配合', weight: 50, maxScore: 10, source: 'manual', kpiName: null },
    ],
    scorers: [
      { id: 'tw-1', kind: 'township', name: '城关镇' },
      { id: 'tw-2', kind: 'township', name: '河口镇' },
    ],
    scored: [
      { id: 'd-market', kind: 'department', name: '县市场监管局' },
      { id: 'd-urban', kind: 'department', name: '县城市管理局' },
    ],
    ...overrides,
  });
}

export function sheet(overrides: Partial<AssessmentSheet> = {}): AssessmentSheet {
  return {
    roundId: 'r-1',
    scorerId: 'd-market',
    scorerName: '县市场监管局',
    version: 0,
    submittedAt: null,
    submittedBy: null,
    scores: [],
    ...overrides,
  };
}

export function rankings(overrides: Partial<AssessmentRankings> = {}): AssessmentRankings {
  const result = (code: string, score: number, value: number | null, scorers: number | null) => ({
    code,
    name: code === 'TEAM' ? '执法队伍建设' : '结案率',
    source: code === 'TEAM' ? 'manual' : 'computed:EN_CLOSURE',
    weight: code === 'TEAM' ? 60 : 40,
    maxScore: 10,
    score,
    weighted: ((code === 'TEAM' ? 60 : 40) * score) / 10,
    value,
    numerator: value === null ? null : 8,
    denominator: value === null ? null : 10,
    scorers,
  });
  return {
    roundId: 'r-1',
    periodLabel: '2026年第4季度',
    state: 'published',
    frozen: true,
    items: [
      { rank: 1, partyId: 'tw-2', name: '河口镇', total: 86, indicators: [result('TEAM', 9, null, 2), result('CLOSURE', 8, 0.8, null)] },
      { rank: 2, partyId: 'tw-1', name: '城关镇', total: 74, indicators: [result('TEAM', 7, null, 2), result('CLOSURE', 8, null, null)] },
    ],
    ...overrides,
  };
}
