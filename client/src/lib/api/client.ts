// The one HTTP client of the SPA. Every call to the API goes through `request` so that
// - the CSRF double-submit header is added to every non-GET request,
// - cookies travel (same origin),
// - every non-2xx answer becomes a typed ApiProblem (RFC 9457 problem details),
// - a 401 (except where the caller opts out, e.g. login) signals "session gone" once, centrally.

import type { ProblemDetails } from './types';

export const CSRF_COOKIE = 'gov_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

/** A failed API call: the problem details the server sent, or one made up for network/format errors. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly code: string;
  readonly errors: Record<string, string[]>;
  readonly traceId: string | undefined;

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

/** Field keys come camelCase per the contract; tolerate `Username`, `$.username` and `body.username`. */
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
    const key = trimmed.length > 0 ? trimmed.charAt(0).toLowerCase() + trimmed.slice(1) : '';
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
  /** Do not treat a 401 as "session ended" (login, and the initial who-am-I probe). */
  allowUnauthorized?: boolean;
}

export const API_BASE = '/api/v1';

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const hasBody = options.body !== undefined;
  const url = `${API_BASE}${path}${toQueryString(options.query)}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: buildHeaders(method, hasBody),
      body: hasBody ? JSON.stringify(options.body) : undefined,
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
  if (res.status === 204 || res.status === 205) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const http = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};
