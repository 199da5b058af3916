import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import type { AssessmentRound, Me } from '../../lib/api/types';
import { CurrentUserContext } from '../../lib/auth/useAuth';
import { renderRoutes } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { AssessmentPage } from './AssessmentPage';
import { departmentsRound, departmentUser, me, round, townshipLeader } from './supervisionTestData';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

describe('a 双向考核 round', () => {
  let current: AssessmentRound = round();
  let respond: () => Response = () => json(500, {});
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = new URL(String(input), 'http://localhost');
    if (init?.method === 'POST' && url.pathname.startsWith(`/api/v1/enforcement/assessments/${current.id}/`)) {
      return respond();
    }
    if (url.pathname === `/api/v1/enforcement/assessments/${current.id}`) {
      return json(200, current, { ETag: `"v${current.version}"` });
    }
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const posts = () =>
    fetchMock.mock.calls
      .filter(([, init]) => init?.method === 'POST')
      .map(([input, init]) => ({
        url: String(input),
        ifMatch: new Headers(init?.headers).get('If-Match'),
        body: JSON.parse(String(init?.body)) as Record<string, unknown>,
      }));

  const renderPage = (user: Me = me()) =>
    renderRoutes(
      [
        {
          path: '/enforcement/assessments/:id',
          element: (
            <CurrentUserContext.Provider value={user}>
              <AssessmentPage />
            </CurrentUserContext.Provider>
          ),
        },
        { path: '/enforcement/assessments/:id/sheets/:scorerId', element: <div data-testid="sheet-page" /> },
      ],
      `/enforcement/assessments/${current.id}`,
    );

  it('shows the period, window, indicators, parties and timeline; the steps as allowed; every sheet for managers', async () => {
    current = round();
    renderPage();
    expect(await screen.findByTestId('round-title')).toHaveTextContent('2026年第四季度综合行政执法双向考核');
    expect(screen.getByTestId('round-state')).toHaveTextContent('评分中');
    expect(screen.getByTestId('round-window')).toHaveTextContent('2026-12-01 至 2026-12-20');
    const indicators = within(screen.getByTestId('round-indicators-table'));
    expect(indicators.getByText('执法队伍建设')).toBeInTheDocument();
    expect(indicators.getByText('人工评分')).toBeInTheDocument();
    expect(indicators.getByTestId('indicator-computed')).toHaveTextContent('计算：结案率');
    expect(screen.getByTestId('round-scorers')).toHaveTextContent('县市场监管局县城市管理局');
    expect(screen.getByTestId('round-scored')).toHaveTextContent('城关镇河口镇');
    expect(screen.getAllByTestId('round-event').map((e) => e.dataset.action)).toEqual(['create', 'open']);
    expect(within(screen.getByTestId('round-actions')).getAllByRole('button').map((b) => b.dataset.testid)).toEqual([
      'round-action-lock',
    ]);
    expect(screen.getAllByTestId('round-sheet-link').map((a) => a.getAttribute('href'))).toEqual([
      '/enforcement/assessments/r-1/sheets/d-market',
      '/enforcement/assessments/r-1/sheets/d-urban',
    ]);
    expect(screen.getByTestId('round-rankings-link')).toHaveTextContent('预览考核结果');
  });

  it('locks with If-Match; the API’s refusal (the window not over) in its own words with what is possible', async () => {
    current = round();
    respond = () =>
      json(409, {
        title: '状态冲突',
        status: 409,
        detail: '评分期至 2026-12-20 结束，结束后才能锁定。',
        code: 'assessment_rounds.condition_failed',
        allowedActions: ['lock'],
      });
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByTestId('round-action-lock'));
    expect(await screen.findByTestId('round-action-modal')).toHaveTextContent('锁定后不能再评分');
    await user.click(screen.getByTestId('round-action-submit'));
    expect(await screen.findByTestId('problem-alert')).toHaveTextContent('评分期至 2026-12-20 结束，结束后才能锁定。');
    expect(screen.getByTestId('round-moved')).toHaveTextContent('当前可办理：锁定');

    respond = () =>
      json(200, round({ state: 'locked', stateName: '已锁定', windowOpen: false, allowedActions: ['publish'], version: 3 }), {
        ETag: '"v3"',
      });
    await user.type(screen.getByTestId('round-action-note'), '评分期已结束');
    await user.click(screen.getByTestId('round-action-submit'));
    await waitFor(() => expect(screen.queryByTestId('round-action-modal')).not.toBeInTheDocument());
    expect(screen.getByTestId('round-state')).toHaveTextContent('已锁定');
    expect(screen.getByTestId('round-action-publish')).toBeInTheDocument();
    expect(posts()).toEqual([
      { url: '/api/v1/enforcement/assessments/r-1/lock', ifMatch: '"v2"', body: { note: null } },
      { url: '/api/v1/enforcement/assessments/r-1/lock', ifMatch: '"v2"', body: { note: '评分期已结束' } },
    ]);
  });

  it('after a 412 reloads the round and sends again with its new ETag', async () => {
    current = round({ state: 'draft', allowedActions: ['open'], version: 1 });
    respond = () => json(412, { title: '记录已被修改', status: 412, code: 'precondition_failed' });
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByTestId('round-action-open'));
    await user.click(await screen.findByTestId('round-action-submit'));
    expect(await screen.findByTestId('stale-record')).toBeInTheDocument();
    current = round({ state: 'draft', allowedActions: ['open'], version: 4 });
    await user.click(screen.getByTestId('stale-reload'));
    await waitFor(() => expect(screen.queryByTestId('stale-record')).not.toBeInTheDocument());
    respond = () => json(200, round({ version: 5 }), { ETag: '"v5"' });
    await user.click(screen.getByTestId('round-action-submit'));
    await waitFor(() => expect(screen.queryByTestId('round-action-modal')).not.toBeInTheDocument());
    expect(posts().map((p) => p.ifMatch)).toEqual(['"v1"', '"v4"']);
  });

  it('a department goes straight to its unit’s sheet; no steps, no preview before publication', async () => {
    current = round({ allowedActions: [] });
    renderPage(departmentUser);
    expect(await screen.findByTestId('round-no-actions')).toHaveTextContent('考核由县级管理员开始评分、锁定和公布');
    expect(screen.queryByTestId('round-rankings-link')).not.toBeInTheDocument();
    expect(screen.queryByTestId('round-sheet-list')).not.toBeInTheDocument();
    const sheet = '/enforcement/assessments/r-1/sheets/d-market';
    expect(screen.getByTestId('round-my-sheet')).toHaveAttribute('href', sheet);
  });

  it('offers no sheet to a department that is not one of the round’s scorers', async () => {
    current = round({ allowedActions: [] });
    renderPage({ ...departmentUser, unitId: 'd-water' });
    expect(await screen.findByTestId('round-no-actions')).toBeInTheDocument();
    expect(screen.queryByTestId('round-my-sheet')).not.toBeInTheDocument();
  });

  it('a township goes straight to its own sheet when townships score departments; results once published', async () => {
    current = departmentsRound({ state: 'published', allowedActions: [] });
    renderPage(townshipLeader);
    expect(await screen.findByTestId('round-my-sheet')).toHaveAttribute('href', '/enforcement/assessments/r-2/sheets/tw-1');
    expect(screen.getByTestId('round-rankings-link')).toHaveTextContent('考核结果');
  });
});
