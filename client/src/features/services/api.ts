import { http } from '../../lib/api/client';
import type {
  Page,
  PublicCentre,
  PublicServiceItemQuery,
  ServiceItemDetail,
  ServiceItemQuery,
  ServiceItemRequest,
  ServiceItemVersion,
} from '../../lib/api/types';

const base = '/service-centre';
const enc = encodeURIComponent;

export const servicesKeys = {
  all: ['services'] as const,
  items: (q: Omit<ServiceItemQuery, 'cursor'>) => ['services', 'items', 'list', q] as const,
  item: (id: string) => ['services', 'items', 'detail', id] as const,
  publicItems: (countyId: string, q: PublicServiceItemQuery) => ['public', 'services', 'county', countyId, q] as const,
  publicItem: (id: string) => ['public', 'services', 'item', id] as const,
  publicPlaces: (id: string) => ['public', 'services', 'item', id, 'places'] as const,
};

export const servicesApi = {
  /** The catalogue as in force on `asOf` (default today), keyset-paginated by code. */
  items: (query: ServiceItemQuery, signal?: AbortSignal) =>
    http.get<Page<ServiceItemVersion>>(`${base}/items`, { query, signal }),
  /** An item (the version in force today as `current`) with its whole history and the ETag for If-Match. */
  item: (id: string, signal?: AbortSignal) => http.getTagged<ServiceItemDetail>(`${base}/items/${enc(id)}`, { signal }),
  createItem: (body: ServiceItemRequest) => http.postTagged<ServiceItemDetail>(`${base}/items`, body),
  /** A new version from a later effective date; 412 when the item changed since `etag`. */
  reviseItem: (id: string, body: ServiceItemRequest, etag: string) =>
    http.postTagged<ServiceItemDetail>(`${base}/items/${enc(id)}/versions`, body, { ifMatch: etag }),
  /** 公布 the latest version's guide; 412 when stale, 409 when already published. */
  publish: (id: string, etag: string) =>
    http.postTagged<ServiceItemDetail>(`${base}/items/${enc(id)}/publish`, undefined, { ifMatch: etag }),
};

/** No login: the published guides. A 401 here must never end a session or send anybody to /login. */
export const publicServicesApi = {
  items: (countyId: string, query: PublicServiceItemQuery, signal?: AbortSignal) =>
    http.get<ServiceItemVersion[]>(`/public/service-centre/counties/${enc(countyId)}/items`, {
      query,
      signal,
      allowUnauthorized: true,
    }),
  item: (id: string, signal?: AbortSignal) =>
    http.get<ServiceItemVersion>(`/public/service-centre/items/${enc(id)}`, { signal, allowUnauthorized: true }),
  /** 办理地点与办公时间: the county hall and the township centres that take the item. */
  places: (id: string, signal?: AbortSignal) =>
    http.get<PublicCentre[]>(`/public/service-centre/items/${enc(id)}/places`, { signal, allowUnauthorized: true }),
};
