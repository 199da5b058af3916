// Fixtures for the queue unit tests (shapes as the API sends them).
import type { Centre, CentreDetail, QueueBoard, QueueCall, Ticket, TicketAction, TicketState } from '../../lib/api/types';

/** What the API allows a window clerk to do with a ticket in each state (the server's transition table). */
export function clerkActions(state: TicketState): TicketAction[] {
  if (state === 'called') return ['serve', 'done', 'no-show'];
  return state === 'serving' ? ['done'] : [];
}

/** A ticket as a window clerk gets it: unless overridden, `allowedActions` follow the state. */
export function ticket(overrides: Partial<Ticket> = {}): Ticket {
  const number = overrides.number ?? 1;
  const state = overrides.state ?? 'waiting';
  return {
    id: `t-${number}`,
    number,
    display: `A${String(number).padStart(3, '0')}`,
    itemId: null,
    itemName: null,
    state: 'waiting',
    stateName: '等候中',
    takenAt: '2026-11-20T01:00:00Z',
    calledAt: null,
    windowNumber: null,
    windowName: null,
    waitingAhead: 0,
    applicationNumbers: [],
    allowedActions: clerkActions(state),
    version: 1,
    ...overrides,
  };
}

export function centre(overrides: Partial<Centre> = {}): Centre {
  return {
    id: 'c-1',
    regionId: 'r-t1',
    tier: 'township',
    tierName: '乡镇（街道）便民服务中心',
    name: '城关镇便民服务中心',
    address: '政府路 1 号',
    phone: '0371-1234567',
    hours: '8:30–17:30',
    itemCount: 1,
    windowCount: 2,
    ...overrides,
  };
}

export function centreDetail(overrides: Partial<CentreDetail> = {}): CentreDetail {
  return {
    centre: centre(),
    windows: [
      { id: 'w-1', number: 1, name: '综合窗口', itemIds: [] },
      { id: 'w-2', number: 2, name: '社保窗口', itemIds: ['item-1'] },
    ],
    items: [{ itemId: 'item-1', code: 'SX-001', name: '城乡居民养老保险参保登记', level: 'township', kind: 'promised' }],
    ...overrides,
  };
}

export function call(overrides: Partial<QueueCall> = {}): QueueCall {
  return { display: 'A001', windowNumber: 1, windowName: '综合窗口', calledAt: '2026-11-20T01:12:00Z', ...overrides };
}

export function board(overrides: Partial<QueueBoard> = {}): QueueBoard {
  return {
    centreId: 'c-1',
    centreName: '城关镇便民服务中心',
    day: '2026-11-20',
    called: [],
    waiting: [],
    waitingCount: 0,
    servedToday: 0,
    averageWaitMinutes: null,
    ...overrides,
  };
}
