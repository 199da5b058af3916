import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../lib/i18n';
import type { Me } from '../lib/api/types';
import { CurrentUserContext } from '../lib/auth/useAuth';
import { fetchMockInEachTest, json } from '../test/fetch';
import { signedIn } from '../test/fixtures';
import { renderRoutes } from '../test/render';
import { useScreenWidth } from '../test/viewport';
import { AppLayout } from './AppLayout';

const clerk: Me = signedIn();

const routes = [
  {
    path: '/',
    element: (
      <CurrentUserContext.Provider value={clerk}>
        <AppLayout />
      </CurrentUserContext.Provider>
    ),
    children: [
      { index: true, element: <div>HOME</div> },
      { path: 'power-lists/kpis', element: <div>KPIS</div> },
    ],
  },
];

const fetchMock = vi.fn(async () => json(200, { count: 0 }));

describe('the layout on a phone (jsdom answers every media query no: below 768 px)', () => {
  fetchMockInEachTest(fetchMock);

  it('keeps the menu in a drawer opened from the header, which a picked page closes', async () => {
    const user = userEvent.setup();
    const { router } = renderRoutes(routes, '/');
    expect(await screen.findByText('HOME')).toBeInTheDocument();
    expect(screen.queryByTestId('sider')).not.toBeInTheDocument();
    expect(screen.queryByTestId('nav-menu')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('nav-menu-button'));
    const drawer = await screen.findByTestId('nav-drawer');
    await user.click(within(drawer).getByTestId('menu-power-kpis'));
    expect(await screen.findByText('KPIS')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/power-lists/kpis');
    await waitFor(() =>
      expect(screen.getByTestId('nav-drawer').closest('.ant-drawer')).not.toHaveClass('ant-drawer-open'),
    );
  });

  it('shows the user, the language and 退出登录 under a user button', async () => {
    const user = userEvent.setup();
    renderRoutes(routes, '/');
    expect(screen.queryByTestId('logout')).not.toBeInTheDocument();
    await user.click(await screen.findByTestId('current-user'));
    const menu = await screen.findByTestId('user-menu');
    expect(menu).toHaveTextContent('郭芳');
    expect(menu).toHaveTextContent('窗口工作人员 · 城关镇');
    expect(within(menu).getByTestId('logout')).toBeInTheDocument();
    expect(within(menu).getByTestId('lang-switch')).toBeInTheDocument();
  });
});

describe('the layout on a desktop', () => {
  useScreenWidth(1366);
  fetchMockInEachTest(fetchMock);

  it('keeps the menu in the sider and the user in the header', async () => {
    renderRoutes(routes, '/');
    expect(await screen.findByText('HOME')).toBeInTheDocument();
    expect(within(screen.getByTestId('sider')).getByTestId('nav-menu')).toBeInTheDocument();
    expect(screen.queryByTestId('nav-menu-button')).not.toBeInTheDocument();
    expect(screen.getByTestId('current-user')).toHaveTextContent('郭芳');
    expect(screen.getByTestId('logout')).toBeInTheDocument();
  });
});
