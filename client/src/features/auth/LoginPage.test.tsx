import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import type { Me } from '../../lib/api/types';
import { renderRoutes } from '../../test/render';
import { LoginPage } from './LoginPage';
import { fetchMockInEachTest } from '../../test/fetch';

const me: Me = {
  id: 'u-1',
  username: 'admin',
  displayName: '王管理',
  role: 'county_admin',
  roleName: '县级管理员',
  regionId: 'r-1',
  regionName: '清河县',
  regionLevel: 'county',
  unitId: null,
  unitName: null,
  permissions: ['users.manage'],
};

function problem(status: number, code: string, detail: string): Response {
  return new Response(JSON.stringify({ type: `/problems/${code}`, title: '登录失败', status, detail, code }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

const routes = [
  { path: '/login', element: <LoginPage /> },
  { path: '/', element: <div>HOME PAGE</div> },
];

describe('LoginPage', () => {
  let loginResponse: () => Response;
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith('/auth/me')) return problem(401, 'unauthenticated', '请先登录。');
    if (url.endsWith('/auth/login') && init?.method === 'POST') return loginResponse();
    return new Response(null, { status: 404 });
  });

  fetchMockInEachTest(fetchMock);

  async function submit(username: string, password: string) {
    const user = userEvent.setup();
    await user.type(screen.getByTestId('login-username'), username);
    await user.type(screen.getByTestId('login-password'), password);
    await user.click(screen.getByTestId('login-submit'));
  }

  it('shows the server detail under the form on 401 and stays on /login', async () => {
    loginResponse = () => problem(401, 'auth.invalid_credentials', '用户名或密码错误，还可尝试 4 次。');
    const { router } = renderRoutes(routes, '/login');

    expect(await screen.findByRole('button', { name: /登录/ })).toBeInTheDocument();
    await submit('admin', 'wrong');

    expect(await screen.findByTestId('login-error')).toHaveTextContent('用户名或密码错误，还可尝试 4 次。');
    expect(router.state.location.pathname).toBe('/login');
    const [, init] = fetchMock.mock.calls.find(([u]) => String(u).endsWith('/auth/login'))!;
    expect(init?.body).toBe(JSON.stringify({ username: 'admin', password: 'wrong' }));
  });

  it('shows how long a throttled sign-in must wait (429)', async () => {
    loginResponse = () => problem(429, 'auth.throttled', '登录失败次数过多，请 8 秒后再试。');
    renderRoutes(routes, '/login');
    await submit('t01_leader', 'x');
    expect(await screen.findByTestId('login-error')).toHaveTextContent('登录失败次数过多，请 8 秒后再试。');
  });

  it('asks for both fields before calling the API', async () => {
    loginResponse = () => new Response(JSON.stringify(me), { status: 200 });
    renderRoutes(routes, '/login');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('login-submit'));
    expect(await screen.findByText('请输入用户名')).toBeInTheDocument();
    expect(screen.getByText('请输入密码')).toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([u]) => String(u).endsWith('/auth/login'))).toBe(false);
  });

  it('goes to the home page after a successful login', async () => {
    loginResponse = () => new Response(JSON.stringify(me), { status: 200, headers: { 'Content-Type': 'application/json' } });
    const { router, queryClient } = renderRoutes(routes, '/login');
    await submit('admin', 'Demo@2026');
    expect(await screen.findByText('HOME PAGE')).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(queryClient.getQueryData(['auth', 'me'])).toEqual(me);
  });
});
