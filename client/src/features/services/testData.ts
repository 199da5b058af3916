// Fixtures for the 事项目录 / 办事指南 unit tests (shapes as the API sends them).
import type { ServiceItemDetail, ServiceItemVersion } from '../../lib/api/types';

export function guide(overrides: Partial<ServiceItemVersion> = {}): ServiceItemVersion {
  return {
    itemId: 'svc-1',
    code: 'BM-0001',
    version: 1,
    effectiveFrom: '2026-01-01',
    effectiveTo: null,
    name: '城乡居民基本养老保险参保登记',
    level: 'township',
    kind: 'promised',
    kindName: '承诺件',
    legalBasis: '《国务院关于建立统一的城乡居民基本养老保险制度的意见》',
    conditions: '年满 16 周岁、不属于职工基本养老保险覆盖范围的城乡居民。',
    materials: [
      { name: '居民身份证', form: 'original', copies: 1, required: true },
      { name: '户口簿', form: 'copy', copies: 1, required: false },
    ],
    noMaterials: false,
    statutoryDays: 20,
    promisedDays: 5,
    feeAmount: null,
    feeBasis: null,
    steps: ['受理', '审核', '办结'],
    phone: '0312-5551234',
    channels: ['window', 'online'],
    powerItemId: null,
    changeNote: '新增事项',
    publishedAt: null,
    ...overrides,
  };
}

export function detail(versions: ServiceItemVersion[], current: ServiceItemVersion | null = versions[versions.length - 1] ?? null): ServiceItemDetail {
  return { current, latestVersion: versions[versions.length - 1]?.version ?? 0, versions };
}
