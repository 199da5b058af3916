import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import type { AssessmentRound } from '../../lib/api/types';
import { CurrentUserContext } from '../../lib/auth/useAuth';
import { renderRoutes } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { RankingsPage } from './RankingsPage';
import { departmentsRound, me, rankings, round, townshipLeader } from './supervisionTestData';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

describe('the 考核结果 page', () => {
  let rounds: AssessmentRound[] = [];
  let results: Record<string, () => Response> = {};
  const fetchMock = vi.fn(async (...[input]: FetchArgs) => {
    const url = new URL(String(input), 'http://localhost');
    const path = url.pathname;
    if (path === '/api/v1/enforcement/assessments') {
      const direction = url.searchParams.get('direction');
      return json(200, { items: rounds.filter((r) => !direction || r.direction === direction), nextCursor: null });
    }
    const one = rounds.find((r) => path === `/api/v1/enforcement/assessments/${r.id}`);
    if (one) return json(200, one, { ETag: `"v${one.version}"` });
    const ranked = Object.keys(results).find((id) => path === `/api/v1/enforcement/assessments/${id}/rankings`);
    if (ranked) return results[ranked]!();
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const renderPage = (id = 'r-1', user = me()) =>
    renderRoutes(
      [
        {
          path: '/enforcement/assessments/:id/rankings',
          element: (
            <CurrentUserContext.Provider value={user}>
              <RankingsPage />
            </CurrentUserContext.Provider>
          ),
        },
      ],
      `/enforcement/assessments/${id}/rankings`,
    );

  it('ranks the units with their totals and every indicator; prints', async () => {
    rounds = [round({ state: 'published', allowedActions: [] })];
    results = { 'r-1': () => json(200, rankings()) };
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const user = userEvent.setup();
    renderPage();
    expect(await screen.findByTestId('rankings-title')).toHaveTextContent('考核结果 · 2026年第四季度综合行政执法双向考核');
    const rows = await screen.findAllByTestId('ranking-row');
    expect(rows.map((r) => [r.dataset.id, r.dataset.rank])).toEqual([
      ['tw-2', '1'],
      ['tw-1', '2'],
    ]);
    const first = within(rows[0]!);
    expect(first.getByText('河口镇')).toBeInTheDocument();
    expect(first.getByTestId('ranking-total')).toHaveTextContent('86');
    const cells = first.getAllByTestId('ranking-indicator');
    expect(cells[0]).toHaveTextContent('92 个单位评分');
    expect(cells[1]).toHaveTextContent('8数值 80%');
    expect(within(rows[1]!).getAllByTestId('ranking-indicator')[1]).toHaveTextContent('无数据');
    expect(screen.queryByTestId('rankings-preview')).not.toBeInTheDocument();
    // no round of the same period in the other direction
    expect(await screen.findByTestId('rankings-no-other')).toHaveTextContent('本期尚无“乡镇（街道）评县直部门”的考核');

    await user.click(screen.getByTestId('rankings-print'));
    expect(print).toHaveBeenCalledOnce();
    print.mockRestore();
  });

  it('says it is a preview before publication, and leads to the other direction’s results of the period', async () => {
    rounds = [round(), departmentsRound({ state: 'locked' })];
    results = {
      'r-1': () => json(200, rankings({ state: 'open', frozen: false })),
      'r-2': () => json(200, rankings({ roundId: 'r-2', state: 'locked', frozen: true, items: [] })),
    };
    const user = userEvent.setup();
    const { router } = renderPage();
    expect(await screen.findByTestId('rankings-preview')).toHaveTextContent('计算指标按当前执法数据计算');
    await user.click(await screen.findByTestId('rankings-other'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/enforcement/assessments/r-2/rankings'));
    expect(await screen.findByTestId('rankings-preview')).toHaveTextContent('计算指标已在锁定时冻结');
  });

  it('shows the API’s refusal before publication to those who only score', async () => {
    rounds = [round()];
    results = {
      'r-1': () => json(403, { title: '无权操作', status: 403, detail: '考核结果公布后才能查看。', code: 'forbidden' }),
    };
    renderPage('r-1', townshipLeader);
    expect(await screen.findByTestId('problem-alert')).toHaveTextContent('考核结果公布后才能查看。');
  });
});
