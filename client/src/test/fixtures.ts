// Fixtures shared by the tests of several features (shapes as the API sends them).
import type { Application } from '../lib/api/types';

/** An application (办件) as GET /applications/{id} sends it: received at a window, due in three working days. */
export function application(overrides: Partial<Application> = {}): Application {
  return {
    id: 'app-1',
    number: '2026-0101-000001',
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
