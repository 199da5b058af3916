import { useQuery } from '@tanstack/react-query';
import { organizationApi, organizationKeys } from './api';

/** The assignable roles (code + Chinese name), cached for the session. */
export function useRoles() {
  return useQuery({
    queryKey: organizationKeys.roles,
    queryFn: ({ signal }) => organizationApi.roles(signal),
    staleTime: 10 * 60_000,
  });
}
