import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiProblem,
  buildHeaders,
  contentDispositionFilename,
  CSRF_HEADER,
  getFile,
  http,
  isStaleRecord,
  normalizeFieldErrors,
  parseProblem,
  readCookie,
  setUnauthorizedHandler,
  toQueryString,
} from './client';

function jsonResponse(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': contentType },
  });
}

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

describe('parseProblem', () => {
  it('reads every RFC 9457 member the API sends', async () => {
    const problem = await parseProblem(
      jsonResponse(
        409,
        {
          type: '/problems/users.username_taken',
          title: '用户名已存在',
          status: 409,
          detail: '用户名 zhang3 已被使用，请换一个。',
          code: 'users.username_taken',
          traceId: '00-abc-01',
        },
        'application/problem+json',
      ),
    );
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem.status).toBe(409);
    expect(problem.code).toBe('users.username_taken');
    expect(problem.type).toBe('/problems/users.username_taken');
    expect(problem.title).toBe('用户名已存在');
    expect(problem.displayMessage).toBe('用户名 zhang3 已被使用，请换一个。');
    expect(problem.traceId).toBe('00-abc-01');
    expect(problem.errors).toEqual({});
  });

  it('keeps field errors and falls back to the title when there is no detail', async () => {
    const problem = await parseProblem(
      jsonResponse(400, {
        title: '请求参数有误',
        status: 400,
        code: 'validation_failed',
        errors: { username: ['用户名不能为空。'], Password: ['密码至少 8 位。'] },
      }),
    );
    expect(problem.displayMessage).toBe('请求参数有误');
    expect(problem.errors).toEqual({ username: ['用户名不能为空。'], password: ['密码至少 8 位。'] });
  });

  it('turns a non-JSON error page into a problem with the HTTP status', async () => {
    const problem = await parseProblem(
      new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } }),
    );
    expect(problem.status).toBe(502);
    expect(problem.title).toBe('Bad Gateway');
    expect(problem.code).toBe('http_502');
    expect(problem.detail).toBeUndefined();
  });
});

describe('normalizeFieldErrors', () => {
  it('camel-cases keys, strips JSON-path prefixes, merges duplicates and drops non-string messages', () => {
    expect(
      normalizeFieldErrors({
        DisplayName: ['必填'],
        '$.regionId': ['区划不存在'],
        regionId: ['超出范围'],
        phone: 'bad',
        junk: [1, 2],
      }),
    ).toEqual({ displayName: ['必填'], regionId: ['区划不存在', '超出范围'], phone: ['bad'] });
    expect(normalizeFieldErrors(null)).toEqual({});
    expect(normalizeFieldErrors({ 'LegalBasis[1].Law': ['x'], '$.legalBasis[0].article': ['y'] })).toEqual({
      'legalBasis[1].law': ['x'],
      'legalBasis[0].article': ['y'],
    });
  });
});

describe('CSRF double submit', () => {
  it('reads the readable gov_csrf cookie among others, URL-decoded', () => {
    expect(readCookie('gov_csrf', 'a=1; gov_csrf=abc%2Fdef%3D; gov_csrf_old=zzz')).toBe('abc/def=');
    expect(readCookie('gov_csrf', 'a=1')).toBeUndefined();
  });

  it('adds X-CSRF-Token to unsafe methods only', () => {
    const cookies = 'gov_csrf=tok123';
    for (const method of ['POST', 'PUT', 'DELETE', 'patch']) {
      expect(buildHeaders(method, false, cookies).get(CSRF_HEADER)).toBe('tok123');
    }
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      expect(buildHeaders(method, false, cookies).has(CSRF_HEADER)).toBe(false);
    }
    expect(buildHeaders('POST', false, '').has(CSRF_HEADER)).toBe(false);
    expect(buildHeaders('POST', true, cookies).get('Content-Type')).toBe('application/json');
  });
});

describe('request', () => {
  let fetchMock: ReturnType<typeof vi.fn<(...args: FetchArgs) => Promise<Response>>>;

  beforeEach(() => {
    fetchMock = vi.fn<(...args: FetchArgs) => Promise<Response>>();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setUnauthorizedHandler(undefined);
  });

  it('sends JSON with the cookie token and same-origin credentials on POST', async () => {
    document.cookie = 'gov_csrf=csrf-value-1; path=/';
    fetchMock.mockResolvedValue(jsonResponse(201, { id: 'u1' }));

    const result = await http.post<{ id: string }>('/organization/users', { username: 'li4' });

    expect(result).toEqual({ id: 'u1' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/organization/users');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.body).toBe(JSON.stringify({ username: 'li4' }));
    expect(new Headers(init?.headers).get('X-CSRF-Token')).toBe('csrf-value-1');
  });

  it('sends no CSRF header on GET and builds the query string without empty values', async () => {
    document.cookie = 'gov_csrf=csrf-value-2; path=/';
    fetchMock.mockResolvedValue(jsonResponse(200, { items: [], nextCursor: null }));

    await http.get('/organization/users', { query: { q: '张', regionId: undefined, role: '', cursor: null, limit: 50 } });

    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/organization/users?q=%E5%BC%A0&limit=50');
    expect(new Headers(init?.headers).has('X-CSRF-Token')).toBe(false);
  });

  it('returns undefined for 204 and throws ApiProblem for errors', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await expect(http.delete('/calendar/days/2027-03-10')).resolves.toBeUndefined();

    fetchMock.mockResolvedValueOnce(jsonResponse(404, { title: '未找到', detail: '记录不存在或无权访问。', status: 404, code: 'not_found' }));
    const error = await http.get('/organization/regions/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect((error as ApiProblem).isNotFound).toBe(true);
    expect((error as ApiProblem).displayMessage).toBe('记录不存在或无权访问。');
  });

  it('signals a 401 as "session ended", except for calls that opt out (login)', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    const unauthorized = () => jsonResponse(401, { title: '未登录', status: 401, code: 'unauthenticated' });

    fetchMock.mockResolvedValueOnce(unauthorized());
    await expect(http.get('/organization/units')).rejects.toBeInstanceOf(ApiProblem);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);

    fetchMock.mockResolvedValueOnce(unauthorized());
    await expect(http.post('/auth/login', { username: 'a', password: 'b' }, { allowUnauthorized: true })).rejects.toMatchObject({
      status: 401,
    });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('keeps the ETag of a tagged GET and sends it back as If-Match', async () => {
    document.cookie = 'gov_csrf=csrf-value-3; path=/';
    fetchMock.mockResolvedValueOnce(
      new Response(JSON.stringify({ latestVersion: 2 }), { status: 200, headers: { 'Content-Type': 'application/json', ETag: '"v2"' } }),
    );
    const loaded = await http.getTagged<{ latestVersion: number }>('/power-lists/items/i1');
    expect(loaded).toEqual({ data: { latestVersion: 2 }, etag: '"v2"' });

    fetchMock.mockResolvedValueOnce(jsonResponse(201, { latestVersion: 3 }));
    await http.postTagged('/power-lists/items/i1/versions', { changeNote: 'x' }, { ifMatch: loaded.etag });
    const [, init] = fetchMock.mock.calls[1]!;
    const headers = new Headers(init?.headers);
    expect(headers.get('If-Match')).toBe('"v2"');
    expect(headers.get('X-CSRF-Token')).toBe('csrf-value-3');
  });

  it('recognises a stale If-Match (412) and keeps extension members such as overlaps', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(412, { title: '记录已被他人修改', status: 412, detail: '记录已被他人修改，请刷新后重试。', code: 'precondition_failed' }),
    );
    const stale = await http.post('/power-lists/agreements/a1/revoke', {}, { ifMatch: '"v1"' }).catch((e: unknown) => e);
    expect(isStaleRecord(stale)).toBe(true);

    fetchMock.mockResolvedValueOnce(
      jsonResponse(409, {
        title: '状态冲突',
        status: 409,
        detail: '以下事项在该期间已在乡镇清单中：城关镇 CF00001000。',
        code: 'powers.entry_overlap',
        overlaps: ['城关镇 CF00001000', 7],
        traceId: 't-1',
      }),
    );
    const conflict = (await http.post('/power-lists/entries', {}).catch((e: unknown) => e)) as ApiProblem;
    expect(isStaleRecord(conflict)).toBe(false);
    expect(conflict.extensions).toEqual({ overlaps: ['城关镇 CF00001000', 7] });
    expect(conflict.stringList('overlaps')).toEqual(['城关镇 CF00001000']);
    expect(conflict.stringList('missing')).toEqual([]);
  });

  it('reports a network failure as a problem with status 0', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(http.get('/auth/me')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('fetches a file with the session: its bytes and the name from Content-Disposition, or the problem', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response(new Uint8Array([0x50, 0x4b, 3, 4]), {
        status: 200,
        headers: {
          'Content-Type': 'application/zip',
          'Content-Disposition':
            'attachment; filename=open-data-990101000000-2026-10.zip; ' +
            "filename*=UTF-8''open-data-990101000000-2026-10.zip",
        },
      }),
    );
    const file = await getFile('/open-data/packages/c-1/2026-10');
    expect(file.filename).toBe('open-data-990101000000-2026-10.zip');
    expect(new Uint8Array(await file.blob.arrayBuffer())).toEqual(new Uint8Array([0x50, 0x4b, 3, 4]));
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/open-data/packages/c-1/2026-10');
    expect(init?.credentials).toBe('same-origin');

    const unauthorized = vi.fn();
    setUnauthorizedHandler(unauthorized);
    fetchMock.mockResolvedValueOnce(
      jsonResponse(503, {
        title: '服务不可用',
        status: 503,
        code: 'open_data.no_signing_key',
        detail: '未配置签名密钥。',
      }),
    );
    await expect(getFile('/open-data/packages/c-1/2026-10')).rejects.toMatchObject({
      status: 503,
      code: 'open_data.no_signing_key',
      displayMessage: '未配置签名密钥。',
    });
    fetchMock.mockResolvedValueOnce(jsonResponse(401, { title: '未登录', status: 401 }));
    await expect(getFile('/open-data/packages/c-1/2026-10')).rejects.toMatchObject({ status: 401 });
    expect(unauthorized).toHaveBeenCalledTimes(1);
  });
});

describe('contentDispositionFilename', () => {
  it('prefers filename* (UTF-8), reads a quoted or bare filename, drops paths, is null without one', () => {
    const header = "attachment; filename=a.zip; filename*=UTF-8''%E6%95%B0%E6%8D%AE.zip";
    expect(contentDispositionFilename(header)).toBe('数据.zip');
    expect(contentDispositionFilename('attachment; filename="open data \\"1\\".zip"')).toBe('open data "1".zip');
    expect(contentDispositionFilename('attachment; filename=open-data-1-2026-10.zip')).toBe('open-data-1-2026-10.zip');
    expect(contentDispositionFilename('attachment; filename="../../etc/x.zip"')).toBe('x.zip');
    expect(contentDispositionFilename('attachment')).toBeNull();
    expect(contentDispositionFilename(null)).toBeNull();
  });
});

describe('toQueryString', () => {
  it('is empty without values', () => {
    expect(toQueryString()).toBe('');
    expect(toQueryString({ a: undefined, b: '' })).toBe('');
    expect(toQueryString({ parentId: 'p-1' })).toBe('?parentId=p-1');
  });
});
