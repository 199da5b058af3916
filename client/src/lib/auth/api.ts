import { CSRF_COOKIE, http, isApiProblem, readCookie } from '../api/client';
import type { LoginRequest, Me, SwitchScopeRequest } from '../api/types';

export const meQueryKey = ['auth', 'me'] as const;

export const authApi = {
  login: (body: LoginRequest) => http.post<Me>('/auth/login', body, { allowUnauthorized: true }),
  /** 切换评估范围: an evaluator's session moves to another region of its grant; the answer is the new me. */
  switchScope: (body: SwitchScopeRequest) => http.put<Me>('/auth/scope', body),
  logout: () => http.post<void>('/auth/logout', undefined, { allowUnauthorized: true }),
  /**
   * The signed-in user, or null when there is no session. Sign-in sets the readable CSRF cookie with the same
   * lifetime as the session cookie and sign-out deletes both: without it there is no session to ask about, and
   * not asking spares every visit to /login a 401 (which the browser logs as a console error). A session that
   * ended on the server still answers 401: then the stale CSRF cookie goes too.
   */
  me: async (signal?: AbortSignal): Promise<Me | null> => {
    if (!readCookie(CSRF_COOKIE)) return null;
    try {
      return await http.get<Me>('/auth/me', { signal, allowUnauthorized: true });
    } catch (e) {
      if (!isApiProblem(e) || e.status !== 401) throw e;
      document.cookie = `${CSRF_COOKIE}=; Max-Age=0; Path=/; SameSite=Strict`;
      return null;
    }
  },
};
