import { describe, expect, it, vi } from 'vitest';
import { fetchMockInEachTest, json } from '../../test/fetch';
import { CSRF_COOKIE, readCookie } from '../api/client';
import { authApi } from './api';

const me = { id: 'u-1', username: 'admin', displayName: '王管理' };

describe('the session probe (authApi.me)', () => {
  const fetchMock = vi.fn(async () => json(200, me));
  fetchMockInEachTest(fetchMock);

  it('asks nothing without the CSRF cookie: no session, and no 401 for the browser to log', async () => {
    expect(await authApi.me()).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('asks the API while the cookie lasts', async () => {
    document.cookie = `${CSRF_COOKIE}=t`;
    expect(await authApi.me()).toEqual(me);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('takes a 401 for "not signed in" and drops the stale cookie, so the next visit asks nothing', async () => {
    document.cookie = `${CSRF_COOKIE}=t`;
    fetchMock.mockResolvedValueOnce(json(401, { title: '未登录', status: 401, code: 'unauthenticated' }));
    expect(await authApi.me()).toBeNull();
    expect(readCookie(CSRF_COOKIE)).toBeUndefined();
    expect(await authApi.me()).toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
