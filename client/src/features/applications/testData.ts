// Fixtures for the 办件 unit tests (shapes as the API sends them).
import type { Application, ApplicationItemOption, ApplicationListItem } from '../../lib/api/types';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

export function application(overrides: Partial<Application> = {}): Application {
  return {
    id: 'app-1',
    itemId: 'item-1',
    itemCode: 'SX-001',
    itemName: '城乡居民养老保险参保登记',
    itemVersion: 1,
    itemLevel: 'township',
    itemKind: 'promised',
    centreName: '城关镇',
    originName: '城关镇',
    channel: 'window',
    applicantKind: 'person',
    applicantName: '张三',
    applicantIdNumber: '110101********0011',
    applicantPhone: '138****5678',
    personalDataRevealed: false,
    state: 'received',
    stateName: '已接件',
    receivedAt: '2026-09-30T02:00:00+00:00',
    receivedOn: '2026-09-30',
    promisedDays: 3,
    dueOn: '2026-10-10',
    suspendedOn: null,
    outcome: null,
    completedOn: null,
    onTheSpot: false,
    visits: 1,
    forwarded: false,
    deliveryMethod: null,
    trackingNumber: null,
    deliveredAt: null,
    overdue: false,
    dueSoon: false,
    allowedActions: ['accept', 'refuse', 'complete', 'forward'],
    events: [
      {
        at: '2026-09-30T02:00:00+00:00',
        actor: '李窗口',
        action: 'register',
        fromState: null,
        toState: 'received',
        note: null,
      },
    ],
    version: 1,
    ...overrides,
  };
}

export function listItem(overrides: Partial<ApplicationListItem> = {}): ApplicationListItem {
  return {
    id: 'app-1',
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
