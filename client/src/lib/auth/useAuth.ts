import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext } from 'react';
import type { Me, Permission } from '../api/types';
import { authApi, meQueryKey } from './api';

/** The signed-in user (null: no session). Loaded once, kept until login/logout/401 changes it. */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => authApi.me(signal),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
}

/**
 * The user as RequireAuth last rendered it. Pages read it from this context rather than the query so that,
 * when the session ends (logout, 401), they keep the old value for the moment until RequireAuth redirects.
 */
export const CurrentUserContext = createContext<Me | null>(null);

/** The user, for components rendered inside RequireAuth (where it is always loaded). */
export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser outside an authenticated route');
  return me;
}

export function hasPermission(me: Me | null | undefined, permission: Permission): boolean {
  return !!me && me.permissions.includes(permission);
}

export function usePermission(permission: Permission): boolean {
  return hasPermission(useContext(CurrentUserContext), permission);
}

export function useSetMe() {
  const queryClient = useQueryClient();
  return useCallback((me: Me | null) => queryClient.setQueryData(meQueryKey, me), [queryClient]);
}

/** The county whose catalogue the user maintains: their own region when they sit at county level. */
export function countyOf(me: Me): string | undefined {
  return me.regionLevel === 'county' ? me.regionId : undefined;
}
