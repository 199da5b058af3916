import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import { setLanguage } from '../../lib/i18n';
import { renderRoutes } from '../../test/render';
import { TodoCard } from './TodoCard';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

let items: unknown[] = [];
const fetchMock = vi.fn(async (input: RequestInfo | URL) =>
  String(input) === '/api/v1/notifications/todo' ? json(200, { items }) : json(404, { title: '未找到', status: 404 }),
);

function renderCard() {
  return renderRoutes(
    [
      { path: '/', element: <TodoCard /> },
      { path: '/services/applications', element: <p>办件查询</p> },
    ],
    '/',
  );
}

describe('待办 card', () => {
  beforeEach(async () => {
    await setLanguage('zh-CN');
    fetchMock.mockClear();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lists what waits with its count, the urgent ones marked, and opens the filtered list', async () => {
    items = [
      {
        code: 'applications.overdue',
        module: 'service_centre',
        count: 3,
        urgent: 3,
        link: '/services/applications?overdue=true',
      },
      {
        code: 'applications.due_soon',
        module: 'service_centre',
        count: 0,
        urgent: 0,
        link: '/services/applications?dueSoon=true',
      },
      {
        code: 'rectifications.waiting',
        module: 'service_centre',
        count: 2,
        urgent: 0,
        link: '/services/rectifications',
      },
      { code: 'grid.events', module: 'grid', count: 1, urgent: 0, link: '/grid' },
    ];
    const { router } = renderCard();
    const overdue = await screen.findByTestId('todo-applications.overdue');
    expect(overdue).toHaveTextContent('已超期办件');
    expect(overdue).toHaveTextContent('3 件紧急');
    expect(within(screen.getByTestId('todo-rectifications.waiting')).getByText('待整改差评')).toBeInTheDocument();
    expect(screen.getByTestId('todo-rectifications.waiting')).not.toHaveTextContent('紧急');
    // nothing waiting: no line; a code this page does not know yet shows as it is
    expect(screen.queryByTestId('todo-applications.due_soon')).toBeNull();
    expect(screen.getByTestId('todo-grid.events')).toHaveTextContent('grid.events');

    await userEvent.click(screen.getByText('已超期办件'));
    expect(router.state.location.pathname + router.state.location.search).toBe('/services/applications?overdue=true');
  });

  it('says so when nothing waits', async () => {
    items = [{ code: 'cases.due', module: 'enforcement', count: 0, urgent: 0, link: '/enforcement/cases?due=soon' }];
    renderCard();
    expect(await screen.findByText('暂无待办事项')).toBeInTheDocument();
  });
});
