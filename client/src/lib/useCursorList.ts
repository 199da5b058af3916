import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import type { Page } from './api/types';

export const DEFAULT_PAGE_SIZE = 50;

export interface CursorList<T, P extends Page<T> = Page<T>> {
  items: T[];
  /** The first page as the API sent it (for what a list sends beside its items, e.g. a ledger's totals). */
  firstPage?: P;
  isLoading: boolean;
  isFetchingMore: boolean;
  hasMore: boolean;
  loadMore: () => void;
  error: Error | null;
  refetch: () => void;
}

/**
 * A keyset-paginated list: the first page loads at once, `loadMore` fetches the page after
 * the last cursor. Items of all loaded pages are concatenated in server order.
 */
export function useCursorList<T, P extends Page<T> = Page<T>>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | null, signal: AbortSignal) => Promise<P>,
  options: { enabled?: boolean } = {},
): CursorList<T, P> {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled ?? true,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return {
    items,
    firstPage: query.data?.pages[0],
    isLoading: query.isPending && query.fetchStatus !== 'idle',
    isFetchingMore: query.isFetchingNextPage,
    hasMore: query.hasNextPage,
    loadMore: () => void query.fetchNextPage(),
    error: query.error,
    refetch: () => void query.refetch(),
  };
}
