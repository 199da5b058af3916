import { http, isApiProblem } from '../api/client';
import type { LoginRequest, Me, SwitchScopeRequest } from '../api/types';

export const meQueryKey = ['auth', 'me'] as const;

export const authApi = {
  login: (body: LoginRequest) => http.post<Me>('/auth/login', body, { allowUnauthorized: true }),
  /** 切换评估范围: an evaluator's session moves to another region of its grant; the answer is the new me. */
  switchScope: (body: SwitchScopeRequest) => http.put<Me>('/auth/scope', body),
  logout: () => http.post<void>('/auth/logout', undefined, { allowUnauthorized: true }),
  /** The signed-in user, or null when there is no session (401). */
  me: async (signal?: AbortSignal): Promise<Me | null> => {
    try {
      return await http.get<Me>('/auth/me', { signal, allowUnauthorized: true });
    } catch (e) {
      if (isApiProblem(e) && e.status === 401) return null;
      throw e;
    }
  },
};
