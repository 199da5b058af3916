// The one HTTP client of the SPA. Every call to the API goes through `request` so that
// - the CSRF double-submit header is added to every non-GET request,
// - cookies travel (same origin),
// - every non-2xx answer becomes a typed ApiProblem (RFC 9457 problem details),
// - a 401 (except where the caller opts out, e.g. login) signals "session gone" once, centrally.

import type { ProblemDetails } from './types';

export const CSRF_COOKIE = 'gov_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

const STANDARD_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'errors', 'traceId']);

/** A failed API call: the problem details the server sent, or one made up for network/format errors. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly code: string;
  readonly errors: Record<string, string[]>;
  readonly traceId: string | undefined;
  /** Members beyond RFC 9457 and our own (`code`, `errors`, `traceId`), e.g. `overlaps` of powers.entry_overlap. */
  readonly extensions: Record<string, unknown>;

  constructor(status: number, body: ProblemDetails) {
    const title = body.title ?? `HTTP ${status}`;
    super(body.detail ?? title);
    this.name = 'ApiProblem';
    this.status = status;
    this.type = body.type ?? 'about:blank';
    this.title = title;
    this.detail = body.detail;
    this.code = body.code ?? (status === 0 ? 'network_error' : `http_${status}`);
    this.errors = normalizeFieldErrors(body.errors);
    this.traceId = body.traceId;
    this.extensions = Object.fromEntries(Object.entries(body).filter(([key]) => !STANDARD_MEMBERS.has(key)));
  }

  /** An extension member that is a list of strings (empty when absent or of another shape). */
  stringList(name: string): string[] {
    const value = this.extensions[name];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }

  /** What to show a person: the detail if the server gave one, else the title. */
  get displayMessage(): string {
    return this.detail ?? this.title;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

export function isApiProblem(e: unknown): e is ApiProblem {
  return e instanceof ApiProblem;
}

/**
 * Field keys come camelCase per the contract; tolerate `Username`, `$.username` and `body.username`.
 * Nested keys keep their path, each segment camel-cased: `LegalBasis[0].Law` → `legalBasis[0].law`.
 */
export function normalizeFieldErrors(errors: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!errors || typeof errors !== 'object') return out;
  for (const [rawKey, value] of Object.entries(errors as Record<string, unknown>)) {
    const messages = Array.isArray(value)
      ? value.filter((m): m is string => typeof m === 'string')
      : typeof value === 'string'
        ? [value]
        : [];
    if (messages.length === 0) continue;
    const trimmed = rawKey.replace(/^\$\./, '').replace(/^body\./i, '');
    const key = trimmed
      .split('.')
      .map((segment) => (segment.length > 0 ? segment.charAt(0).toLowerCase() + segment.slice(1) : segment))
      .join('.');
    out[key] = [...(out[key] ?? []), ...messages];
  }
  return out;
}

/** Turns any non-2xx response into an ApiProblem, whether or not its body is problem JSON. */
export async function parseProblem(res: Response): Promise<ApiProblem> {
  let body: ProblemDetails = {};
  const text = await res.text().catch(() => '');
  if (text) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as ProblemDetails;
    } catch {
      // not JSON (e.g. a proxy error page): keep the status only
    }
  }
  if (!body.title) body = { ...body, title: res.statusText || `HTTP ${res.status}` };
  return new ApiProblem(typeof body.status === 'number' ? body.status : res.status, body);
}

export function readCookie(name: string, cookieString: string = document.cookie): string | undefined {
  for (const part of cookieString.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const raw = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  }
  return undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Headers for a request: JSON accept, content type for bodies, CSRF token for unsafe methods. */
export function buildHeaders(method: string, hasBody: boolean, cookieString?: string): Headers {
  const headers = new Headers({ Accept: 'application/json, application/problem+json' });
  if (hasBody) headers.set('Content-Type', 'application/json');
  if (!SAFE_METHODS.has(method.toUpperCase())) {
    const token = readCookie(CSRF_COOKIE, cookieString);
    if (token) headers.set(CSRF_HEADER, token);
  }
  return headers;
}

export type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=x`, skipping null, undefined and empty strings. */
export function toQueryString(query?: object): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Record<string, QueryValue>)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

let unauthorizedHandler: (() => void) | undefined;

/** Registered once by the app: what to do when the session has ended (a 401). */
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  unauthorizedHandler = handler;
}

export interface RequestOptions {
  query?: object;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not treat a 401 as "session ended" (login, the initial who-am-I probe, public pages). */
  allowUnauthorized?: boolean;
  /** The entity tag the change is based on (`"v3"`), sent as If-Match; the API answers 412 when it is stale. */
  ifMatch?: string | null;
  /** A raw body (e.g. an uploaded file) sent as is with this content type, instead of `body` as JSON. */
  raw?: { data: Blob; contentType: string };
  /**
   * Sent as `Idempotency-Key`: a create retried with the same key (a double click, a lost answer) gives back what the
   * first one created instead of creating it twice (办件登记).
   */
  idempotencyKey?: string | null;
}

/** A response body together with its entity tag (ETag header), for records that are changed with If-Match. */
export interface Tagged<T> {
  data: T;
  /** e.g. `"v3"`; null when the response had none. */
  etag: string | null;
}

export const API_BASE = '/api/v1';

/** Sends the request; a non-2xx answer becomes an ApiProblem (and a 401 signals "session ended"). */
async function fetchOk(method: string, path: string, options: RequestOptions, accept?: string): Promise<Response> {
  const hasBody = options.body !== undefined;
  const url = `${API_BASE}${path}${toQueryString(options.query)}`;
  const headers = buildHeaders(method, hasBody);
  if (accept) headers.set('Accept', accept);
  if (options.ifMatch) headers.set('If-Match', options.ifMatch);
  if (options.idempotencyKey) headers.set('Idempotency-Key', options.idempotencyKey);
  if (options.raw) headers.set('Content-Type', options.raw.contentType);
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: options.raw ? options.raw.data : hasBody ? JSON.stringify(options.body) : undefined,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiProblem(0, { title: 'Network error', detail: '无法连接服务器，请检查网络后重试。' });
  }

  if (!res.ok) {
    const problem = await parseProblem(res);
    if (res.status === 401 && !options.allowUnauthorized) unauthorizedHandler?.();
    throw problem;
  }
  return res;
}

async function send<T>(method: string, path: string, options: RequestOptions): Promise<Tagged<T>> {
  const res = await fetchOk(method, path, options);
  const etag = res.headers.get('ETag');
  if (res.status === 204 || res.status === 205) return { data: undefined as T, etag };
  const text = await res.text();
  return { data: (text ? JSON.parse(text) : undefined) as T, etag };
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  return (await send<T>(method, path, options)).data;
}

/** Like `request`, keeping the response's ETag (GET a record before changing it with If-Match). */
export function requestTagged<T>(method: string, path: string, options: RequestOptions = {}): Promise<Tagged<T>> {
  return send<T>(method, path, options);
}

export const http = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
  getTagged: <T>(path: string, options?: RequestOptions) => requestTagged<T>('GET', path, options),
  postTagged: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    requestTagged<T>('POST', path, { ...options, body }),
  putTagged: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    requestTagged<T>('PUT', path, { ...options, body }),
};

/**
 * The address of a file the API sends (CSV, Excel) for a plain link or `window.location`: the browser downloads it
 * with the session cookie (a GET, so no CSRF header is needed).
 */
export function downloadUrl(path: string, query?: object): string {
  return `${API_BASE}${path}${toQueryString(query)}`;
}

/** A file the API sent, read whole: its bytes and the name its Content-Disposition gives (null without one). */
export interface FetchedFile {
  blob: Blob;
  filename: string | null;
}

/**
 * GETs a file (a ZIP package) through the same path as every other call — session cookie, problem details, 401
 * handling — for a page that must show the API's problem instead of navigating to it as a plain link would.
 */
export async function getFile(path: string, options: Omit<RequestOptions, 'body' | 'raw'> = {}): Promise<FetchedFile> {
  const res = await fetchOk('GET', path, options, '*/*');
  return { blob: await res.blob(), filename: contentDispositionFilename(res.headers.get('Content-Disposition')) };
}

/**
 * The file name of a Content-Disposition header: `filename*` (RFC 5987, UTF-8) when present, else `filename`
 * (quoted or not); any path in it is dropped.
 */
export function contentDispositionFilename(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  let name: string | undefined;
  if (extended?.[2]) {
    try {
      name = decodeURIComponent(extended[2].trim().replace(/^"|"$/g, ''));
    } catch {
      name = undefined;
    }
  }
  if (!name) {
    const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(header);
    name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2]?.trim();
  }
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base ? base : null;
}

/** The 412 of a stale If-Match: somebody changed the record since it was loaded. */
export function isStaleRecord(e: unknown): boolean {
  return isApiProblem(e) && e.status === 412;
}
