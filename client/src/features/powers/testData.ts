// Fixtures for the 权责清单 unit tests (shapes as the API sends them).
import type { Admission, PowerItemVersion, TownshipEntry, TownshipList } from '../../lib/api/types';

export function version(overrides: Partial<PowerItemVersion> = {}): PowerItemVersion {
  return {
    itemId: 'item-1',
    code: 'CF00123000',
    version: 1,
    effectiveFrom: '2024-01-01',
    effectiveTo: null,
    withdrawn: false,
    name: '对占道经营违法行为的行政处罚',
    type: 'CF',
    typeName: '行政处罚',
    domainCode: 'CG',
    domainName: '城市管理',
    legalBasis: [{ law: '《中华人民共和国行政处罚法》', article: '第二十四条', text: '可以交由乡镇行使。' }],
    departmentId: 'dept-cg',
    departmentName: '县城市管理局',
    supervisorId: null,
    supervisorName: null,
    responsibilities: ['受理责任', '审查责任', '决定责任'],
    accountabilities: ['滥用职权'],
    changeNote: '首次公布',
    createdAt: '2026-11-22T00:00:00+00:00',
    createdBy: 'bianban',
    ...overrides,
  };
}

export function entry(overrides: Partial<TownshipEntry> = {}): TownshipEntry {
  return {
    id: 'entry-1',
    townshipId: 'tw-1',
    itemId: 'item-1',
    code: 'CF00123000',
    name: '对占道经营违法行为的行政处罚',
    type: 'CF',
    typeName: '行政处罚',
    domainCode: 'CG',
    domainName: '城市管理',
    departmentName: '县城市管理局',
    mode: 'statutory',
    modeName: '法定',
    listKind: 'basic',
    listKindName: '基本履职事项',
    decisionNo: null,
    agreementId: null,
    agreementNo: null,
    effectiveFrom: '2024-01-01',
    effectiveTo: null,
    exercisable: true,
    problem: null,
    publishedAt: '2026-11-01T00:00:00+00:00',
    ...overrides,
  };
}

export function townshipList(entries: TownshipEntry[], overrides: Partial<TownshipList> = {}): TownshipList {
  return { townshipId: 'tw-1', townshipName: '城关镇', asOf: '2026-11-22', entries, ...overrides };
}

export function admission(overrides: Partial<Admission> = {}): Admission {
  return {
    id: 'adm-1',
    kind: 'admission',
    state: 'submitted',
    stateName: '待编办审核',
    departmentId: 'dept-scjg',
    departmentName: '县市场监督管理局',
    itemId: 'item-1',
    itemCode: 'CF00123000',
    itemName: '对占道经营违法行为的行政处罚',
    mode: 'statutory',
    listKind: 'basic',
    effectiveFrom: '2026-11-22',
    legalBasis: '《中华人民共和国行政处罚法》第二十四条',
    reason: '乡镇已具备承接能力。',
    postsOffered: 2,
    fundsOffered: 10,
    decisionNo: null,
    decisionNote: null,
    townships: [
      { id: 'tw-1', name: '城关镇' },
      { id: 'tw-2', name: '河口镇' },
    ],
    events: [{ at: '2026-11-22T01:00:00+00:00', actor: 'dept_scjg', action: 'submit', fromState: null, toState: 'submitted', note: null }],
    allowedActions: [],
    createdAt: '2026-11-22T01:00:00+00:00',
    createdBy: 'dept_scjg',
    version: 1,
    ...overrides,
  };
}
