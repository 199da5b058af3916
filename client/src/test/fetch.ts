import { afterEach, beforeEach, vi, type Mock } from 'vitest';
import { setLanguage } from '../lib/i18n';

/** Every test of the enclosing block runs in Chinese with `fetch` replaced by this mock, its calls forgotten. */
export function fetchMockInEachTest(fetchMock: Mock) {
  beforeEach(async () => {
    await setLanguage('zh-CN');
    fetchMock.mockClear();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());
}

/** A JSON answer as the API sends it (problem details for 4xx and 5xx). */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}
