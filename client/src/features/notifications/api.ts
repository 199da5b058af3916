import { http } from '../../lib/api/client';
import type { Notice, NoticeQuery, Page, UnreadCount } from '../../lib/api/types';

export const noticesKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread-count'] as const,
  recent: (q: Omit<NoticeQuery, 'cursor'>) => ['notifications', 'list', q] as const,
};

export const noticesApi = {
  list: (query: NoticeQuery, signal?: AbortSignal) => http.get<Page<Notice>>('/notifications', { query, signal }),
  unreadCount: (signal?: AbortSignal) => http.get<UnreadCount>('/notifications/unread-count', { signal }),
  markRead: (id: string) => http.post<void>(`/notifications/${encodeURIComponent(id)}/read`),
};

/** Where a notice leads inside the SPA: its link when it is a path of this app, else nowhere. */
export function noticeTarget(link: string | null | undefined): string | null {
  if (!link) return null;
  if (link.startsWith('/') && !link.startsWith('//')) return link.startsWith('/api/') ? null : link;
  try {
    const url = new URL(link, window.location.origin);
    return url.origin === window.location.origin ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}

/** The badge text: the count, 99+ beyond 99, nothing at 0. */
export function badgeText(count: number | undefined): string | null {
  if (!count || count <= 0) return null;
  return count > 99 ? '99+' : String(count);
}
