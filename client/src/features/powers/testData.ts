// Fixtures for the 权责清单 unit tests (shapes as the API sends them).
import type { PowerItemVersion, TownshipEntry, TownshipList } from '../../lib/api/types';

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

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}
