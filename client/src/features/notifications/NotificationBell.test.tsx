import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import { setLanguage } from '../../lib/i18n';
import { renderRoutes } from '../../test/render';
import { badgeText, noticeTarget } from './api';
import { NotificationBell, UNREAD_POLL_MS } from './NotificationBell';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('notification helpers', () => {
  it('badge text', () => {
    expect(badgeText(undefined)).toBeNull();
    expect(badgeText(0)).toBeNull();
    expect(badgeText(7)).toBe('7');
    expect(badgeText(120)).toBe('99+');
  });
  it('only follows links into the app', () => {
    expect(noticeTarget('/power-lists/admissions/a1')).toBe('/power-lists/admissions/a1');
    expect(noticeTarget(null)).toBeNull();
    expect(noticeTarget('https://example.com/x')).toBeNull();
    expect(noticeTarget('//evil.example/x')).toBeNull();
  });
  it('polls every minute', () => expect(UNREAD_POLL_MS).toBe(60_000));
});

describe('notification bell', () => {
  let count = 3;
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = String(input);
    if (url === '/api/v1/notifications/unread-count') return json(200, { count });
    if (url.startsWith('/api/v1/notifications?'))
      return json(200, {
        items: [
          { id: 'n1', title: '职责准入申请已批准', body: '涉及城关镇', link: '/power-lists/admissions/a1', createdAt: '2026-11-22T01:00:00Z', read: false },
        ],
        nextCursor: null,
      });
    if (url === '/api/v1/notifications/n1/read' && init?.method === 'POST') {
      count = 2;
      return new Response(null, { status: 204 });
    }
    return json(404, { title: '未找到', status: 404 });
  });

  beforeEach(async () => {
    await setLanguage('zh-CN');
    count = 3;
    fetchMock.mockClear();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows the unread count, and a click on a notice marks it read and opens its link', async () => {
    const { router } = renderRoutes(
      [
        { path: '/', element: <NotificationBell /> },
        { path: '/power-lists/admissions/:id', element: <div data-testid="target">target</div> },
      ],
      '/',
    );
    await waitFor(() => expect(screen.getByTestId('notice-badge')).toHaveAttribute('data-count', '3'));
    expect(screen.getByTestId('notice-badge')).toHaveTextContent('3');
    const user = userEvent.setup();
    await user.click(screen.getByTestId('notice-bell'));
    await user.click(await screen.findByText('职责准入申请已批准'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/power-lists/admissions/a1'));
    expect(fetchMock.mock.calls.some(([u, i]) => String(u) === '/api/v1/notifications/n1/read' && i?.method === 'POST')).toBe(true);
  });

  it('shows no badge number when all is read', async () => {
    count = 0;
    renderRoutes([{ path: '/', element: <NotificationBell /> }], '/');
    await waitFor(() => expect(screen.getByTestId('notice-badge')).toHaveAttribute('data-count', '0'));
    expect(screen.getByTestId('notice-badge').querySelector('.ant-badge-count')).toBeNull();
  });
});
