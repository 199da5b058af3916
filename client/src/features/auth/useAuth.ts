import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Me, Permission } from '../../lib/api/types';
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

/** The user, for components rendered inside RequireAuth (where it is always loaded). */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside an authenticated route');
  return data;
}

export function hasPermission(me: Me | null | undefined, permission: Permission): boolean {
  return !!me && me.permissions.includes(permission);
}

export function usePermission(permission: Permission): boolean {
  const { data } = useMe();
  return hasPermission(data, permission);
}

export function useSetMe() {
  const queryClient = useQueryClient();
  return useCallback((me: Me | null) => queryClient.setQueryData(meQueryKey, me), [queryClient]);
}
