// Fixtures shared by the tests of several features (shapes as the API sends them).
import type { Application, Me } from '../lib/api/types';

/** A signed-in user: a township window clerk (城关镇) without permissions unless given. */
export function signedIn(overrides: Partial<Me> = {}): Me {
  return {
    id: 'u-1',
    username: 't01_window',
    displayName: '郭芳',
    role: 'window_clerk',
    roleName: '窗口工作人员',
    regionId: 'r-1',
    regionName: '城关镇',
    regionLevel: 'township',
    unitId: null,
    unitName: null,
    permissions: [],
    ...overrides,
  };
}

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
    receivingCentre: '城关镇便民服务中心',
    ticketId: null,
    ticketDisplay: null,
    windowNumber: null,
    windowName: null,
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
    materials: [],
    version: 1,
    ...overrides,
  };
}
