import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import '../../lib/i18n';
import type { Me } from '../../lib/api/types';
import { renderWithProviders } from '../../test/render';
import { CurrentUserContext } from '../../lib/auth/useAuth';
import { HandlingDesk } from './HandlingDesk';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { listItem } from './testData';
import { application } from '../../test/fixtures';

const agent: Me = {
  id: 'u-2',
  username: 'v01_agent',
  displayName: '李代办',
  role: 'village_agent',
  roleName: '村级代办员',
  regionId: 'r-v1',
  regionName: '东关村',
  regionLevel: 'village',
  unitId: null,
  unitName: null,
  permissions: [],
};

const clerk: Me = {
  ...agent,
  id: 'u-1',
  username: 't01_window',
  role: 'window_clerk',
  regionId: 'r-t1',
  regionName: '城关镇',
  regionLevel: 'township',
};

describe('the handling desk', { timeout: 30_000 }, () => {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    if (url.startsWith('/api/v1/service-centre/applications?'))
      return json(200, { items: [listItem()], nextCursor: null });
    if (url.startsWith('/api/v1/service-centre/items')) return json(200, { items: [], nextCursor: null });
    if (url === '/api/v1/service-centre/my-window')
      return json(200, {
        centreId: 'c-1',
        windowId: 'w-3',
        windowNumber: 3,
        windowName: '综合窗口',
        ticketId: 't-12',
        ticketDisplay: 'A012',
      });
    if (url.startsWith('/api/v1/service-centre/applications/app-2'))
      return json(200, application({ id: 'app-2', ticketId: 't-12', ticketDisplay: 'A012' }), { ETag: '"v1"' });
    return json(404, { title: '未找到', status: 404 });
  });

  fetchMockInEachTest(fetchMock);

  it('puts the register form beside the application being handled, and the recent ones below', async () => {
    const { container } = renderWithProviders(
      <MemoryRouter>
        <CurrentUserContext.Provider value={agent}>
          <HandlingDesk
            title="村级代办"
            top={<div data-testid="desk-top" />}
            registerTitle="代办登记"
            agent
            recentTitle="本点登记"
            tableTestId="desk-table"
          />
        </CurrentUserContext.Provider>
      </MemoryRouter>,
    );
    expect(screen.getByTestId('page-title')).toHaveTextContent('村级代办');
    expect(screen.getByText('东关村')).toBeInTheDocument();
    expect(screen.getByTestId('desk-top')).toBeInTheDocument();
    expect(screen.getByText('代办登记')).toBeInTheDocument();
    // the village agent's form (registers for villagers)
    expect(container.querySelector('form#agent-register')).not.toBeNull();
    expect(screen.getByTestId('current-application-empty')).toBeInTheDocument();
    expect(screen.getByText('本点登记')).toBeInTheDocument();
    const row = await within(screen.getByTestId('desk-table')).findByTestId('application-row');
    expect(row).toHaveAttribute('data-id', 'app-1');
    expect(within(row).getByTestId('application-number')).toHaveTextContent('2026-0101-000001');
    // a village point has no window and no queue
    expect(fetchMock.mock.calls.some(([u]) => String(u).includes('my-window'))).toBe(false);
  });

  it("at a window, registers for the ticket the clerk's window called and shows it on the application", async () => {
    renderWithProviders(
      <MemoryRouter initialEntries={['/services/workbench?open=app-2']}>
        <CurrentUserContext.Provider value={clerk}>
          <HandlingDesk title="窗口工作台" registerTitle="登记" recentTitle="最近" tableTestId="desk-table" />
        </CurrentUserContext.Provider>
      </MemoryRouter>,
    );
    expect(await screen.findByTestId('register-ticket-label')).toHaveTextContent('为排队号 A012 登记（3 号窗口叫号）');
    expect(await screen.findByTestId('current-ticket')).toHaveTextContent('A012');
  });
});
