import { http, isApiProblem } from '../api/client';
import type { LoginRequest, Me } from '../api/types';

export const meQueryKey = ['auth', 'me'] as const;

export const authApi = {
  login: (body: LoginRequest) => http.post<Me>('/auth/login', body, { allowUnauthorized: true }),
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
