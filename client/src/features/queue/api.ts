import { http } from '../../lib/api/client';
import type {
  ApplicationItemOption,
  Centre,
  CentreDetail,
  CentreQuery,
  CentreWindow,
  CreateCentreRequest,
  CreateWindowRequest,
  OfferedItemsRequest,
  Page,
  PublicCentre,
  QueueBoard,
  TakeTicketRequest,
  Ticket,
  TicketAction,
} from '../../lib/api/types';
import { etagOf } from '../../lib/versions';

const base = '/service-centre';
const publicBase = '/public/service-centre';
const enc = encodeURIComponent;

export const queueKeys = {
  all: ['queue'] as const,
  centres: ['queue', 'centres'] as const,
  centreList: (q: Omit<CentreQuery, 'cursor'>) => ['queue', 'centres', 'list', q] as const,
  /** The caller's own centres (the whole first page, unfiltered). */
  callerCentres: ['queue', 'centres', 'caller'] as const,
  centre: (id: string) => ['queue', 'centres', 'detail', id] as const,
  tickets: (centreId: string) => ['queue', 'tickets', centreId] as const,
  countyItems: ['queue', 'county-items'] as const,
  publicCentres: (countyId: string) => ['queue', 'public', 'centres', countyId] as const,
  board: (centreId: string) => ['queue', 'public', 'board', centreId] as const,
};

/** Staff: the service network (centres, windows, offered items) and the window's queue. */
export const queueApi = {
  centres: (query: CentreQuery, signal?: AbortSignal) => http.get<Page<Centre>>(`${base}/centres`, { query, signal }),
  centre: (id: string, signal?: AbortSignal) => http.get<CentreDetail>(`${base}/centres/${enc(id)}`, { signal }),
  createCentre: (body: CreateCentreRequest) => http.post<CentreDetail>(`${base}/centres`, body),
  /** 事项进驻: replaces the whole set of offered items. */
  setItems: (id: string, body: OfferedItemsRequest) => http.put<CentreDetail>(`${base}/centres/${enc(id)}/items`, body),
  addWindow: (id: string, body: CreateWindowRequest) => http.post<CentreWindow>(`${base}/centres/${enc(id)}/windows`, body),
  /** Today's tickets of a centre, by number. */
  tickets: (id: string, signal?: AbortSignal) => http.get<Ticket[]>(`${base}/centres/${enc(id)}/tickets`, { signal }),
  /** 叫号: the next waiting ticket this window serves (409 queue.empty when none). */
  callNext: (id: string, windowId: string) => http.post<Ticket>(`${base}/centres/${enc(id)}/windows/${enc(windowId)}/call`),
  /** 开始办理 / 办结 / 过号, based on the version the clerk sees (412 when the ticket has moved on since). */
  act: (ticket: Pick<Ticket, 'id' | 'version'>, action: TicketAction) =>
    http.post<Ticket>(`${base}/tickets/${enc(ticket.id)}/${action}`, undefined, { ifMatch: etagOf(ticket.version) }),
  /** One page of the county's service items in force today (the offered-items editor loads them all). */
  items: (cursor: string | null, signal?: AbortSignal) =>
    http.get<Page<ApplicationItemOption>>(`${base}/items`, { query: { cursor, limit: 200 }, signal }),
};

/** The public side (no session): a county's centres, the hall display, taking a ticket. */
export const publicQueueApi = {
  centres: (countyId: string, signal?: AbortSignal) =>
    http.get<PublicCentre[]>(`${publicBase}/counties/${enc(countyId)}/centres`, { signal, allowUnauthorized: true }),
  board: (centreId: string, signal?: AbortSignal) =>
    http.get<QueueBoard>(`${publicBase}/centres/${enc(centreId)}/queue`, { signal, allowUnauthorized: true }),
  take: (centreId: string, body: TakeTicketRequest) =>
    http.post<Ticket>(`${publicBase}/centres/${enc(centreId)}/tickets`, body, { allowUnauthorized: true }),
};
