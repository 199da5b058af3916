import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import { setLanguage } from '../../lib/i18n';
import { renderRoutes } from '../../test/render';
import type { ClerkWindow, Me, Ticket } from '../../lib/api/types';
import { CurrentUserContext } from '../../lib/auth/useAuth';
import { CallerPage } from './CallerPage';
import { centre, centreDetail, clerkActions, ticket } from './testData';
import { json } from '../../test/fetch';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const clerk: Me = {
  id: 'u-1',
  username: 't01_window',
  displayName: '张窗口',
  role: 'window_clerk',
  roleName: '窗口工作人员',
  regionId: 'r-t1',
  regionName: '城关镇',
  regionLevel: 'township',
  unitId: null,
  unitName: null,
  permissions: [],
};

describe('the window caller', { timeout: 30_000 }, () => {
  /** Today's tickets as the server has them. */
  let tickets: Ticket[];
  let callAnswer: () => Response;
  /** The If-Match of each ticket action, by URL. */
  let ifMatches: [string, string | null][];
  /** The clerk's window as the server remembers it, and the windows chosen (PUT) in this test. */
  let mine: ClerkWindow;
  let chosen: unknown[];
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (url.startsWith('/api/v1/service-centre/centres?'))
      return json(200, {
        items: [centre({ id: 'c-county', regionId: 'r-county', tier: 'county', name: '县行政服务中心' }), centre()],
        nextCursor: null,
      });
    if (url === '/api/v1/service-centre/centres/c-1') return json(200, centreDetail());
    if (url === '/api/v1/service-centre/my-window' && method === 'PUT') {
      const body = JSON.parse(String(init?.body)) as { windowId: string };
      chosen.push(body);
      const w = centreDetail().windows.find((x) => x.id === body.windowId)!;
      mine = { ...mine, centreId: 'c-1', windowId: w.id, windowNumber: w.number, windowName: w.name };
      return json(200, mine);
    }
    if (url === '/api/v1/service-centre/my-window') return json(200, mine);
    if (url === '/api/v1/service-centre/centres/c-1/tickets') return json(200, tickets);
    if (url === '/api/v1/service-centre/centres/c-1/windows/w-1/call' && method === 'POST') return callAnswer();
    if (url === '/api/v1/service-centre/tickets/t-1/serve' && method === 'POST') {
      const ifMatch = new Headers(init?.headers).get('If-Match');
      ifMatches.push([url, ifMatch]);
      const t = tickets[0]!;
      if (ifMatch !== `"v${t.version}"`)
        return json(412, { title: '记录已被他人修改', status: 412, code: 'precondition_failed' });
      tickets = [
        { ...t, state: 'serving', allowedActions: clerkActions('serving'), version: t.version + 1 },
        ...tickets.slice(1),
      ];
      return json(200, tickets[0]);
    }
    return json(404, { title: '未找到', status: 404 });
  });

  beforeEach(async () => {
    await setLanguage('zh-CN');
    fetchMock.mockClear();
    vi.stubGlobal('fetch', fetchMock);
    tickets = [ticket({ number: 1 }), ticket({ number: 2, itemId: 'item-9' })];
    ifMatches = [];
    chosen = [];
    mine = {
      centreId: 'c-1',
      windowId: 'w-1',
      windowNumber: 1,
      windowName: '综合窗口',
      ticketId: null,
      ticketDisplay: null,
    };
  });
  afterEach(() => vi.unstubAllGlobals());

  const renderCaller = () =>
    renderRoutes(
      [
        {
          path: '/services/caller',
          element: (
            <CurrentUserContext.Provider value={clerk}>
              <CallerPage />
            </CurrentUserContext.Provider>
          ),
        },
      ],
      '/services/caller',
    );

  it('calls the next visitor to the remembered window, then serves them', async () => {
    callAnswer = () => {
      tickets = [
        ticket({
          number: 1,
          state: 'called',
          windowNumber: 1,
          windowName: '综合窗口',
          calledAt: '2026-11-20T01:12:00Z',
          version: 2,
        }),
        tickets[1]!,
      ];
      return json(200, tickets[0], { ETag: '"v2"' });
    };
    renderCaller();
    const user = userEvent.setup();

    expect(await screen.findByTestId('caller-window-label', {}, { timeout: 8_000 })).toHaveTextContent(
      '1 号窗口 · 综合窗口',
    );
    // a general window may call both waiting tickets
    await waitFor(() => expect(screen.getByTestId('caller-waiting')).toHaveAttribute('data-count', '2'), {
      timeout: 5_000,
    });
    expect(screen.getByTestId('caller-current-empty')).toBeInTheDocument();

    await user.click(screen.getByTestId('caller-call-next'));
    const current = await screen.findByTestId('caller-current', {}, { timeout: 5_000 });
    expect(current).toHaveAttribute('data-display', 'A001');
    expect(current).toHaveAttribute('data-state', 'called');
    expect(screen.getByTestId('caller-current-number')).toHaveTextContent('A001');
    expect(
      ['ticket-action-serve', 'ticket-action-done', 'ticket-action-no-show'].map((id) => !!screen.queryByTestId(id)),
    ).toEqual([true, true, true]);
    // finish the current number before calling the next one
    expect(screen.getByTestId('caller-call-next')).toBeDisabled();
    expect(screen.getByTestId('caller-register-link')).toHaveAttribute('href', '/services/workbench');

    await user.click(screen.getByTestId('ticket-action-serve'));
    await waitFor(() => expect(screen.getByTestId('caller-current')).toHaveAttribute('data-state', 'serving'), {
      timeout: 5_000,
    });
    // based on the version the call answered with
    expect(ifMatches).toEqual([['/api/v1/service-centre/tickets/t-1/serve', '"v2"']]);
    expect(screen.queryByTestId('ticket-action-serve')).toBeNull();
    expect(screen.getByTestId('ticket-action-done')).toBeInTheDocument();
    // the window the server remembers is not chosen again
    expect(chosen).toEqual([]);
    expect(screen.getByTestId('count-at-windows')).toHaveAttribute('data-value', '1');
  });

  it('opens at the window remembered for this clerk on the server, and remembers a new pick there', async () => {
    mine = { ...mine, windowId: 'w-2', windowNumber: 2, windowName: '社保窗口' };
    renderCaller();
    const user = userEvent.setup();
    expect(await screen.findByTestId('caller-window-label', {}, { timeout: 8_000 })).toHaveTextContent(
      '2 号窗口 · 社保窗口',
    );

    await user.click(within(screen.getByTestId('caller-window')).getByRole('combobox'));
    await user.click(await screen.findByText('1 号窗口 · 综合窗口', { selector: '.ant-select-item-option-content' }));
    await waitFor(() => expect(screen.getByTestId('caller-window-label')).toHaveTextContent('1 号窗口 · 综合窗口'), {
      timeout: 5_000,
    });
    expect(chosen).toEqual([{ windowId: 'w-1' }]);
  });

  it('reloads the tickets and says so when the ticket changed meanwhile (412)', async () => {
    tickets = [
      ticket({
        number: 1,
        state: 'called',
        windowNumber: 1,
        windowName: '综合窗口',
        calledAt: '2026-11-20T01:12:00Z',
        version: 2,
        applicationNumbers: ['2026-0101-000007'],
      }),
    ];
    renderCaller();
    const user = userEvent.setup();
    expect(await screen.findByTestId('caller-current', {}, { timeout: 8_000 })).toHaveAttribute('data-state', 'called');
    // the application registered for this visitor at the workbench
    expect(screen.getByTestId('caller-current-applications')).toHaveTextContent('2026-0101-000007');
    // served from another tab: the list on screen still shows version 2
    tickets = [{ ...tickets[0]!, state: 'serving', allowedActions: clerkActions('serving'), version: 3 }];

    await user.click(screen.getByTestId('ticket-action-serve'));
    expect(await screen.findByText(/A001 号的状态已有变化/, {}, { timeout: 5_000 })).toBeInTheDocument();
    expect(ifMatches).toEqual([['/api/v1/service-centre/tickets/t-1/serve', '"v2"']]);
    await waitFor(() => expect(screen.getByTestId('caller-current')).toHaveAttribute('data-state', 'serving'), {
      timeout: 5_000,
    });
    expect(screen.queryByTestId('ticket-action-serve')).toBeNull();
  });

  it('says so when nobody waits for the window', async () => {
    callAnswer = () =>
      json(409, { title: '冲突', status: 409, code: 'queue.empty', detail: '当前没有本窗口可办理的等候号。' });
    renderCaller();
    await userEvent.setup().click(await screen.findByTestId('caller-call-next', {}, { timeout: 8_000 }));
    expect(await screen.findByText('当前没有本窗口可办理的等候号', {}, { timeout: 5_000 })).toBeInTheDocument();
    expect(screen.getByTestId('caller-current-empty')).toBeInTheDocument();
  });
});
