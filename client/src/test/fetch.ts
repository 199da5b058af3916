import { afterEach, beforeEach, vi, type Mock } from 'vitest';
import { setLanguage } from '../app/i18n';

/** Every test of the enclosing block runs in Chinese with `fetch` replaced by this mock, its calls forgotten. */
export function fetchMockInEachTest(fetchMock: Mock) {
  beforeEach(async () => {
    await setLanguage('zh-CN');
    fetchMock.mockClear();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());
}
