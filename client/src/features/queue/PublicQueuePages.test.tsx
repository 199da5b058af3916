import { describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import { routes } from '../../app/router';
import { renderRoutes } from '../../test/render';
import type { QueueBoard } from '../../lib/api/types';
import { queueKeys } from './api';
import { board, call, ticket } from './testData';
import { json, fetchMockInEachTest } from '../../test/fetch';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

describe('the public queue pages (no session)', { timeout: 30_000 }, () => {
  let current: QueueBoard;
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = String(input);
    if (url === '/api/v1/public/service-centre/centres/c-1/queue') return json(200, current);
    if (url === '/api/v1/public/service-centre/centres/c-1/tickets' && init?.method === 'POST')
      return json(201, ticket({ number: 3, waitingAhead: 2 }));
    if (url.startsWith('/api/v1/public/service-centre/centres/'))
      return json(404, { title: '未找到', status: 404, detail: '服务中心不存在。', code: 'not_found' });
    return json(401, { title: '未登录', status: 401, code: 'unauthenticated' });
  });

  fetchMockInEachTest(fetchMock);

  it('shows the calls with the newest highlighted, who waits and the average wait; announces a new call', async () => {
    current = board({
      called: [
        call({ display: 'A002', windowNumber: 2, windowName: '社保窗口', calledAt: '2026-11-20T01:15:00Z' }),
        call(),
      ],
      waiting: ['A003', 'A004'],
      waitingCount: 2,
      servedToday: 1,
      averageWaitMinutes: 12.4,
    });
    const { queryClient } = renderRoutes(routes, '/public/queue/c-1');

    expect(await screen.findByTestId('hall-centre', {}, { timeout: 8_000 })).toHaveTextContent('城关镇便民服务中心');
    const calls = screen.getAllByTestId('hall-call');
    expect(calls.map((c) => [c.getAttribute('data-display'), c.getAttribute('data-newest')])).toEqual([
      ['A002', 'true'],
      ['A001', 'false'],
    ]);
    expect(calls[0]).toHaveClass('is-newest');
    // a bare screen: not inside the public layout
    expect(screen.queryByTestId('public-layout')).toBeNull();
    expect(calls[0]).toHaveTextContent('请到 2 号窗口');
    expect(screen.getAllByTestId('hall-waiting-number').map((n) => n.textContent)).toEqual(['A003', 'A004']);
    expect(screen.getByTestId('hall-waiting-count')).toHaveTextContent('2');
    expect(screen.getByTestId('hall-average-wait')).toHaveTextContent('12 分钟');
    // what was called before the screen came on is not announced; no session is asked for
    expect(screen.queryByTestId('hall-announce')).toBeNull();
    expect(fetchMock.mock.calls.map(([u]) => String(u)).some((u) => u.includes('/auth/'))).toBe(false);

    current = {
      ...current,
      called: [call({ display: 'A003', windowNumber: 1, calledAt: '2026-11-20T01:20:00Z' }), ...current.called],
      waiting: ['A004'],
      waitingCount: 1,
    };
    await act(() => queryClient.refetchQueries({ queryKey: queueKeys.board('c-1') }));

    const banner = await screen.findByTestId('hall-announce', {}, { timeout: 5_000 });
    expect(banner).toHaveTextContent('请 A003 号到 1 号窗口');
    const newest = screen.getAllByTestId('hall-call')[0]!;
    expect(newest).toHaveAttribute('data-display', 'A003');
    expect(newest).toHaveClass('is-fresh');
  });

  it('reads a new call out in Chinese, but not the calls already on the screen when it came on', async () => {
    const speak = vi.fn();
    vi.stubGlobal('speechSynthesis', { speak });
    vi.stubGlobal(
      'SpeechSynthesisUtterance',
      class {
        lang = '';
        text: string;
        constructor(text: string) {
          this.text = text;
        }
      },
    );
    current = board({ called: [call()] });
    const { queryClient } = renderRoutes(routes, '/public/queue/c-1');
    expect(await screen.findByTestId('hall-centre', {}, { timeout: 8_000 })).toBeInTheDocument();
    expect(speak).not.toHaveBeenCalled();

    current = {
      ...current,
      called: [call({ display: 'A012', windowNumber: 3, calledAt: '2026-11-20T01:20:00Z' }), call()],
    };
    await act(() => queryClient.refetchQueries({ queryKey: queueKeys.board('c-1') }));
    await waitFor(() => expect(speak).toHaveBeenCalledTimes(1), { timeout: 5_000 });
    expect(speak.mock.calls[0]![0]).toEqual(
      expect.objectContaining({ text: '请 A012 号到 3 号窗口办理', lang: 'zh-CN' }),
    );
  });

  it('takes a ticket for 综合 and shows the number and who waits ahead', async () => {
    current = board({ waiting: ['A001', 'A002'], waitingCount: 2 });
    renderRoutes(routes, '/public/queue/c-1/take');

    expect(await screen.findByTestId('take-centre', {}, { timeout: 8_000 })).toHaveTextContent('城关镇便民服务中心');
    expect(screen.getByTestId('public-layout')).toBeInTheDocument();
    expect(screen.queryByTestId('take-for-item')).toBeNull();
    await userEvent.setup().click(screen.getByTestId('take-general'));

    const card = await screen.findByTestId('take-ticket', {}, { timeout: 5_000 });
    expect(within(card).getByTestId('take-ticket-number')).toHaveTextContent('A003');
    expect(within(card).getByTestId('take-ahead')).toHaveTextContent('前面还有 2 人等候');
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect(JSON.parse(String(post[1]?.body))).toEqual({ itemId: null });
  });

  it('says so for an unknown centre', async () => {
    renderRoutes(routes, '/public/queue/nope');
    await waitFor(() => expect(screen.getByTestId('not-found')).toHaveTextContent('服务中心不存在'), {
      timeout: 8_000,
    });
  });
});
