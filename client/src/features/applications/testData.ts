// Fixtures for the 办件 unit tests (shapes as the API sends them).
import type { ApplicationItemOption, ApplicationListItem } from '../../lib/api/types';

export function listItem(overrides: Partial<ApplicationListItem> = {}): ApplicationListItem {
  return {
    id: 'app-1',
    number: '2026-0101-000001',
    itemCode: 'SX-001',
    itemName: '城乡居民养老保险参保登记',
    centreName: '城关镇',
    channel: 'window',
    applicantKind: 'person',
    applicantName: '张三',
    applicantIdNumber: '110101********0011',
    state: 'received',
    stateName: '已接件',
    receivedAt: '2026-09-30T02:00:00+00:00',
    dueOn: '2026-10-10',
    completedOn: null,
    outcome: null,
    onTheSpot: false,
    forwarded: false,
    overdue: false,
    dueSoon: false,
    ...overrides,
  };
}

export function itemOption(overrides: Partial<ApplicationItemOption> = {}): ApplicationItemOption {
  return {
    itemId: 'item-1',
    code: 'SX-001',
    version: 1,
    effectiveFrom: '2024-01-01',
    effectiveTo: null,
    name: '城乡居民养老保险参保登记',
    level: 'township',
    kind: 'promised',
    kindName: '承诺件',
    legalBasis: '依据',
    conditions: '条件',
    materials: [],
    noMaterials: true,
    statutoryDays: 20,
    promisedDays: 3,
    feeAmount: null,
    feeBasis: null,
    steps: ['受理', '办结'],
    phone: '0371-12345678',
    channels: ['window', 'village_point'],
    powerItemId: null,
    changeNote: '新增',
    publishedAt: '2026-01-01T00:00:00+00:00',
    ...overrides,
  };
}
