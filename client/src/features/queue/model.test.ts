import { describe, expect, it } from 'vitest';
import type { ApplicationItemOption, Me } from '../../lib/api/types';
import {
  callKey,
  callToAnnounce,
  countyIdOf,
  currentTicket,
  isAtWindow,
  itemIdFromQuery,
  itemsChanged,
  latestCalls,
  managesServices,
  mergeTicket,
  minutesBetween,
  newestCall,
  nextWindowNumber,
  offeredItemsEditor,
  ownCentres,
  pickCentre,
  pickWindow,
  rememberCounty,
  rememberedCounty,
  ticketActions,
  ticketCounts,
  ticketStateColor,
  waitText,
  waitedMinutes,
  waitingFor,
  windowItemNames,
  TICKET_STATES,
} from './model';
import { call, centre, centreDetail, ticket } from './testData';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

describe('ticket states and actions', () => {
  it('has a colour for every state and offers exactly what the API allows', () => {
    for (const s of TICKET_STATES) expect(ticketStateColor(s)).toBeTruthy();
    // exactly the API's allowedActions, in the buttons' order
    expect(ticketActions({ allowedActions: ['no-show', 'done', 'serve'] })).toEqual(['serve', 'done', 'no-show']);
    expect(ticketActions({ allowedActions: ['done'] })).toEqual(['done']);
    expect(ticketActions({ allowedActions: [] })).toEqual([]);
    expect(TICKET_STATES.filter(isAtWindow)).toEqual(['called', 'serving']);
  });
});

describe('the current ticket of a window', () => {
  const list = [
    ticket({ number: 1, state: 'done', windowNumber: 1, calledAt: '2026-11-20T01:05:00Z' }),
    ticket({ number: 2, state: 'serving', windowNumber: 1, calledAt: '2026-11-20T01:10:00Z' }),
    ticket({ number: 3, state: 'called', windowNumber: 2, calledAt: '2026-11-20T01:20:00Z' }),
    ticket({ number: 4, state: 'waiting' }),
  ];

  it('is the one still at that window, called last', () => {
    expect(currentTicket(list, 1)?.display).toBe('A002');
    expect(currentTicket(list, 2)?.display).toBe('A003');
    const recalled = [...list, ticket({ number: 5, state: 'called', windowNumber: 1, calledAt: '2026-11-20T01:30:00Z' })];
    expect(currentTicket(recalled, 1)?.display).toBe('A005');
  });

  it('is nothing when the window has finished or none is chosen', () => {
    expect(currentTicket(list, 3)).toBeNull();
    expect(currentTicket(list, undefined)).toBeNull();
    expect(currentTicket([ticket({ state: 'no_show', windowNumber: 1, calledAt: '2026-11-20T01:00:00Z' })], 1)).toBeNull();
  });

  it('takes a newer answer of the API into the list, in number order', () => {
    const merged = mergeTicket(list, ticket({ number: 4, state: 'called', windowNumber: 1 }));
    expect(merged.map((t) => `${t.display}:${t.state}`)).toEqual(['A001:done', 'A002:serving', 'A003:called', 'A004:called']);
    expect(mergeTicket([], ticket({ number: 7 })).map((t) => t.display)).toEqual(['A007']);
  });

  it('counts the day and what a window can call', () => {
    expect(ticketCounts(list)).toEqual({ total: 4, waiting: 1, atWindows: 2, done: 1, noShow: 0 });
    const waiting = [ticket({ number: 6 }), ticket({ number: 7, itemId: 'item-1' }), ticket({ number: 8, itemId: 'item-2' })];
    const [general, social] = centreDetail().windows;
    expect(waitingFor(waiting, general)).toBe(3);
    // the 社保 window serves its item and 综合 tickets, not another item's
    expect(waitingFor(waiting, social)).toBe(2);
  });
});

describe('waits', () => {
  it('are whole minutes, until called or until now', () => {
    expect(minutesBetween('2026-11-20T01:00:00Z', '2026-11-20T01:12:59Z')).toBe(12);
    expect(minutesBetween(null, '2026-11-20T01:00:00Z')).toBeNull();
    expect(minutesBetween('2026-11-20T01:10:00Z', '2026-11-20T01:00:00Z')).toBe(0);
    const now = new Date('2026-11-20T01:30:00Z');
    expect(waitedMinutes({ takenAt: '2026-11-20T01:00:00Z', calledAt: '2026-11-20T01:05:00Z' }, now)).toBe(5);
    expect(waitedMinutes({ takenAt: '2026-11-20T01:00:00Z', calledAt: null }, now)).toBe(30);
  });

  it('read as people say them', () => {
    expect(waitText(null)).toEqual({ key: 'none' });
    expect(waitText(Number.NaN)).toEqual({ key: 'none' });
    expect(waitText(0)).toEqual({ key: 'underMinute' });
    expect(waitText(0.6)).toEqual({ key: 'underMinute' });
    expect(waitText(12.4)).toEqual({ key: 'minutes', minutes: 12 });
    expect(waitText(59.6)).toEqual({ key: 'hoursMinutes', hours: 1, minutes: 0 });
    expect(waitText(125)).toEqual({ key: 'hoursMinutes', hours: 2, minutes: 5 });
  });
});

describe('the hall display', () => {
  const older = call({ display: 'A001', calledAt: '2026-11-20T01:12:00Z' });
  const newer = call({ display: 'A002', windowNumber: 2, calledAt: '2026-11-20T01:15:00Z' });

  it('finds the newest call whatever the order', () => {
    expect(newestCall([older, newer])).toBe(newer);
    expect(newestCall([newer, older])).toBe(newer);
    expect(newestCall([])).toBeNull();
    expect(latestCalls([older, newer], 1)).toEqual([newer]);
    expect(latestCalls([older, newer]).map((c) => c.display)).toEqual(['A002', 'A001']);
  });

  it('announces a new call, not the one seen on the first load or seen already', () => {
    expect(callToAnnounce(undefined, [newer, older])).toBeNull();
    expect(callToAnnounce(callKey(newer), [newer, older])).toBeNull();
    expect(callToAnnounce(callKey(older), [newer, older])).toBe(newer);
    expect(callToAnnounce(null, [older])).toBe(older);
    expect(callToAnnounce(null, [])).toBeNull();
    // the same number called again (e.g. at another window) is a new call
    const again = call({ display: 'A002', windowNumber: 3, calledAt: '2026-11-20T01:20:00Z' });
    expect(callToAnnounce(callKey(newer), [again, newer])).toBe(again);
  });
});

describe("the caller's remembered choice", () => {
  it('falls back to the first centre and the only window', () => {
    const centres = [centre({ id: 'c-1' }), centre({ id: 'c-2' })];
    expect(pickCentre('c-2', centres)).toBe('c-2');
    expect(pickCentre('gone', centres)).toBe('c-1');
    expect(pickCentre(undefined, [])).toBeUndefined();
    const windows = centreDetail().windows;
    expect(pickWindow('w-2', windows)).toBe('w-2');
    expect(pickWindow('gone', windows)).toBeUndefined();
    expect(pickWindow(undefined, [windows[0]!])).toBe('w-1');
  });

  it('offers only the centre of the clerk’s own region', () => {
    const hall = centre({ id: 'c-county', regionId: 'r-county', tier: 'county' });
    expect(ownCentres([hall, centre()], { regionId: 'r-t1' }).map((c) => c.id)).toEqual(['c-1']);
  });
});

describe('the network pages', () => {
  const option = (itemId: string, code: string, name: string) => ({ itemId, code, name, level: 'township', kind: 'immediate' }) as ApplicationItemOption;

  it('proposes the next window number and names what a window serves', () => {
    expect(nextWindowNumber([])).toBe(1);
    expect(nextWindowNumber(centreDetail().windows)).toBe(3);
    const { windows, items } = centreDetail();
    expect(windowItemNames(windows[0]!, items)).toBeNull();
    expect(windowItemNames(windows[1]!, items)).toEqual(['城乡居民养老保险参保登记']);
  });

  it('lists the county items by code and sets offered items no longer in force apart', () => {
    const county = [option('i-2', 'SX-002', '乙'), option('i-1', 'SX-001', '甲')];
    const offered = [
      { itemId: 'i-2', code: 'SX-002', name: '乙', level: 'township', kind: 'immediate' },
      { itemId: 'old', code: 'SX-000', name: '旧事项', level: 'township', kind: 'promised' },
    ];
    const editor = offeredItemsEditor(county, offered);
    expect(editor.items.map((i) => i.code)).toEqual(['SX-001', 'SX-002']);
    expect(editor.selected).toEqual(['i-2']);
    expect(editor.stale.map((s) => s.name)).toEqual(['旧事项']);
    expect(itemsChanged(['i-2'], [{ itemId: 'i-2' }])).toBe(false);
    expect(itemsChanged(['i-1', 'i-2'], [{ itemId: 'i-2' }, { itemId: 'i-1' }])).toBe(false);
    expect(itemsChanged(['i-1'], [{ itemId: 'i-2' }])).toBe(true);
    expect(itemsChanged([], [{ itemId: 'i-2' }])).toBe(true);
  });

  it('knows who manages the network, the county of a user, and item ids from a link', () => {
    expect(managesServices({ permissions: ['services.manage'] })).toBe(true);
    expect(managesServices({ permissions: ['powers.manage'] })).toBe(false);
    expect(managesServices(null)).toBe(false);
    const county: Pick<Me, 'regionId' | 'regionLevel'> = { regionId: 'r-county', regionLevel: 'county' };
    expect(countyIdOf(county, undefined)).toBe('r-county');
    const township: Pick<Me, 'regionId' | 'regionLevel'> = { regionId: 'r-t1', regionLevel: 'township' };
    const ancestors = [
      { id: 'r-prov', name: '演示省', level: 'province' as const },
      { id: 'r-county', name: '清河县', level: 'county' as const },
    ];
    expect(countyIdOf(township, ancestors)).toBe('r-county');
    expect(countyIdOf(township, undefined)).toBeUndefined();
    const id = '0193a6f2-7c1e-7d2a-9b3c-1234567890ab';
    expect(itemIdFromQuery(` ${id} `)).toBe(id);
    expect(itemIdFromQuery('abc')).toBeUndefined();
    expect(itemIdFromQuery(null)).toBeUndefined();
    const storage = memoryStorage();
    rememberCounty('not-an-id', storage);
    expect(rememberedCounty(storage)).toBeUndefined();
    rememberCounty(id, storage);
    expect(rememberedCounty(storage)).toBe(id);
  });
});
