import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from './api/client';
import type { ClerkWindow } from './api/types';

/**
 * 我的窗口: the window the signed-in clerk works at, remembered on the server per user (the same on any PC), and the
 * ticket it is handling now. The caller sets it; the workbench links that ticket to the application it registers.
 */
export const myWindowKey = ['service-centre', 'my-window'] as const;

const path = '/service-centre/my-window';

export function useMyWindow(enabled = true) {
  return useQuery({
    queryKey: myWindowKey,
    queryFn: ({ signal }) => http.get<ClerkWindow>(path, { signal }),
    enabled,
    staleTime: 0, // its ticket changes with every call: the workbench asks again each time it opens
  });
}

export function useChooseMyWindow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (windowId: string) => http.put<ClerkWindow>(path, { windowId }),
    onSuccess: (mine) => queryClient.setQueryData(myWindowKey, mine),
  });
}
