import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import type { AssessmentRound, Me } from '../../lib/api/types';
import { CurrentUserContext } from '../../lib/auth/useAuth';
import { renderRoutes } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { AssessmentsPage } from './AssessmentsPage';
import { departmentsRound, departmentUser, me, round } from './supervisionTestData';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

describe('the 双向考核 rounds', () => {
  let pages: Record<string, { items: AssessmentRound[]; nextCursor: string | null }> = {};
  let respond: () => Response = () => json(500, {});
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = new URL(String(input), 'http://localhost');
    const path = url.pathname;
    if (path === '/api/v1/enforcement/assessments' && init?.method === 'POST') return respond();
    if (path === '/api/v1/enforcement/assessments') {
      return json(200, pages[url.searchParams.get('cursor') ?? ''] ?? { items: [], nextCursor: null });
    }
    if (path === '/api/v1/organization/units') {
      return json(200, {
        items: [
          { id: 'd-market', name: '县市场监管局', kind: 'county_department' },
          { id: 'd-urban', name: '县城市管理局', kind: 'county_department' },
        ],
        nextCursor: null,
      });
    }
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const listCalls = () =>
    fetchMock.mock.calls
      .map(([input, init]) => ({ url: new URL(String(input), 'http://localhost'), method: init?.method ?? 'GET' }))
      .filter((c) => c.url.pathname === '/api/v1/enforcement/assessments' && c.method === 'GET')
      .map((c) => Object.fromEntries(c.url.searchParams));

  const posts = () =>
    fetchMock.mock.calls
      .filter(([, init]) => init?.method === 'POST')
      .map(([, init]) => JSON.parse(String(init?.body)) as Record<string, unknown>);

  const renderPage = (user: Me = me(), path = '/enforcement/assessments') =>
    renderRoutes(
      [
        {
          path: '/enforcement/assessments',
          element: (
            <CurrentUserContext.Provider value={user}>
              <AssessmentsPage />
            </CurrentUserContext.Provider>
          ),
        },
        { path: '/enforcement/assessments/:id', element: <div data-testid="round-page" /> },
      ],
      path,
    );

  it('lists the rounds with state, direction, period and window; filters in the query string; pages on', async () => {
    pages = {
      '': { items: [round()], nextCursor: 'next-1' },
      'next-1': { items: [departmentsRound({ state: 'published', windowOpen: false })], nextCursor: null },
    };
    const user = userEvent.setup();
    const { router } = renderPage(me(), '/enforcement/assessments?state=bogus&direction=sideways');
    const rows = await screen.findAllByTestId('round-row');
    expect(listCalls()[0]).toEqual({ limit: '50' });
    const first = within(rows[0]!);
    expect(first.getByTestId('round-row-state')).toHaveTextContent('评分中');
    expect(first.getByTestId('round-row-link')).toHaveAttribute('href', '/enforcement/assessments/r-1');
    expect(first.getByTestId('round-row-direction')).toHaveTextContent('县直部门评乡镇（街道）');
    expect(first.getByText('2026-12-01 至 2026-12-20')).toBeInTheDocument();
    expect(first.getByTestId('round-row-window-open')).toHaveTextContent('评分期内');

    await user.click(screen.getByTestId('load-more'));
    await waitFor(() => expect(screen.getAllByTestId('round-row')).toHaveLength(2));
    expect(within(screen.getAllByTestId('round-row')[1]!).getByTestId('round-row-direction')).toHaveTextContent(
      '乡镇（街道）评县直部门',
    );

    await user.click(within(screen.getByTestId('rounds-direction')).getByRole('combobox'));
    await user.click(await screen.findByText('乡镇（街道）评县直部门', { selector: '.ant-select-item-option-content' }));
    await waitFor(() => expect(listCalls().at(-1)).toEqual({ direction: 'departments', limit: '50' }));
    await user.click(within(screen.getByTestId('rounds-state')).getByRole('combobox'));
    await user.click(await screen.findByText('已公布', { selector: '.ant-select-item-option-content' }));
    await waitFor(() => expect(listCalls().at(-1)).toEqual({ direction: 'departments', state: 'published', limit: '50' }));
    expect(new URLSearchParams(router.state.location.search).get('state')).toBe('published');
  });

  it('offers 创建考核 to the county’s managers only', async () => {
    pages = { '': { items: [round()], nextCursor: null } };
    renderPage(departmentUser);
    await screen.findAllByTestId('round-row');
    expect(screen.queryByTestId('round-create')).not.toBeInTheDocument();
  });

  it('creates a round: required fields, the weights’ total, the API’s messages under the indicator', async () => {
    pages = { '': { items: [], nextCursor: null } };
    respond = () =>
      json(400, {
        title: '请求参数有误',
        status: 400,
        code: 'validation_failed',
        errors: {
          'indicators[0].name': ['依据《行政处罚法》第七十四条，罚款、没收的违法所得或者没收非法财物不得作为考核指标。'],
          indicators: ['各项指标的权重之和须为 100。'],
        },
      });
    const user = userEvent.setup();
    const { router } = renderPage();
    await user.click(await screen.findByTestId('round-create'));
    const modal = await screen.findByTestId('round-modal');
    // 县直部门评乡镇 starts with a mixed set adding up to 100
    expect(within(modal).getAllByTestId('round-indicator')).toHaveLength(3);
    expect(within(modal).getByTestId('indicator-weight-total')).toHaveTextContent('权重合计 100（须为 100）');
    await user.click(screen.getByTestId('round-submit'));
    expect(await screen.findByText('请填写考核名称')).toBeInTheDocument();
    expect(posts()).toHaveLength(0);

    // the other direction: by hand only (the computed sources cannot be chosen)
    await user.click(screen.getByTestId('round-direction-departments'));
    await waitFor(() => expect(within(modal).getAllByTestId('round-indicator')).toHaveLength(2));
    expect(modal).toHaveTextContent('乡镇评县直部门暂无可计算的执法数据');

    await user.click(screen.getByTestId('round-direction-townships'));
    await waitFor(() => expect(within(modal).getAllByTestId('round-indicator')).toHaveLength(3));
    await user.type(screen.getByTestId('round-title'), '2026年第四季度双向考核');
    const names = within(modal).getAllByTestId('indicator-name');
    await user.clear(names[0]!);
    await user.type(names[0]!, '罚没收入完成情况');
    const weights = within(modal).getAllByTestId('indicator-weight');
    await user.clear(weights[0]!);
    await user.type(weights[0]!, '50');
    await waitFor(() =>
      expect(within(modal).getByTestId('indicator-weight-total')).toHaveTextContent('权重合计 110（须为 100）'),
    );
    await user.click(screen.getByTestId('round-submit'));
    expect(
      await screen.findByText('依据《行政处罚法》第七十四条，罚款、没收的违法所得或者没收非法财物不得作为考核指标。'),
    ).toBeInTheDocument();
    expect(screen.getByText('各项指标的权重之和须为 100。')).toBeInTheDocument();
    const body = posts()[0]!;
    expect(body).toMatchObject({ title: '2026年第四季度双向考核', direction: 'townships', periodKind: 'quarter', departmentIds: null });
    expect(body.indicators).toEqual([
      { code: 'TEAM', name: '罚没收入完成情况', weight: 50, maxScore: 10, source: 'manual' },
      { code: 'CLOSURE', name: '结案率', weight: 30, maxScore: 10, source: 'computed:EN_CLOSURE' },
      { code: 'DISCLOSURE', name: '执法公示及时率', weight: 30, maxScore: 10, source: 'computed:EN_DISCLOSURE_ONTIME' },
    ]);
    expect(body.opensOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    respond = () => json(201, round({ id: 'r-new', state: 'draft' }), { ETag: '"v1"' });
    await user.click(screen.getByTestId('round-submit'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/enforcement/assessments/r-new'));
  });
});
