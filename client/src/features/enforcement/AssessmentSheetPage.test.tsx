import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import type { AssessmentRound, AssessmentSheet, Me } from '../../lib/api/types';
import { CurrentUserContext } from '../../lib/auth/useAuth';
import { renderRoutes } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { AssessmentSheetPage } from './AssessmentSheetPage';
import { departmentsRound, departmentUser, me, rankings, round, sheet, townshipLeader } from './supervisionTestData';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const submitted = (version: number): AssessmentSheet =>
  sheet({
    version,
    submittedAt: '2026-12-05T02:00:00+00:00',
    submittedBy: '市场监管局',
    scores: [
      { scoredId: 'tw-1', scoredName: '城关镇', indicatorCode: 'TEAM', score: 7, comment: null, submittedAt: null },
      { scoredId: 'tw-2', scoredName: '河口镇', indicatorCode: 'TEAM', score: 9, comment: '配合积极', submittedAt: null },
    ],
  });

describe('a 评分表', () => {
  let currentRound: AssessmentRound = round();
  let currentSheet: AssessmentSheet = sheet();
  let sheetStatus = 200;
  let respond: () => Response = () => json(500, {});
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = new URL(String(input), 'http://localhost');
    const path = url.pathname;
    if (init?.method === 'PUT') return respond();
    if (path === `/api/v1/enforcement/assessments/${currentRound.id}`) {
      return json(200, currentRound, { ETag: `"v${currentRound.version}"` });
    }
    if (path.startsWith(`/api/v1/enforcement/assessments/${currentRound.id}/sheets/`)) {
      if (sheetStatus === 403) {
        return json(403, { title: '无权操作', status: 403, detail: '只能填报本单位的评分表。', code: 'forbidden' });
      }
      return json(200, currentSheet, { ETag: `"v${currentSheet.version}"` });
    }
    if (path === `/api/v1/enforcement/assessments/${currentRound.id}/rankings`) {
      return json(200, rankings({ state: currentRound.state, frozen: false }));
    }
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const puts = () =>
    fetchMock.mock.calls
      .filter(([, init]) => init?.method === 'PUT')
      .map(([input, init]) => ({
        url: String(input),
        ifMatch: new Headers(init?.headers).get('If-Match'),
        body: JSON.parse(String(init?.body)) as { scores: Record<string, unknown>[] },
      }));
  const gets = (suffix: string) =>
    fetchMock.mock.calls.filter(([input, init]) => (init?.method ?? 'GET') === 'GET' && String(input).endsWith(suffix))
      .length;

  const cell = (scored: string, indicator = 'TEAM') =>
    screen
      .getAllByTestId('sheet-cell')
      .find((c) => c.dataset.scored === scored && c.dataset.indicator === indicator) as HTMLElement;

  const renderPage = (user: Me, scorerId = 'd-market') =>
    renderRoutes(
      [
        {
          path: '/enforcement/assessments/:id/sheets/:scorerId',
          element: (
            <CurrentUserContext.Provider value={user}>
              <AssessmentSheetPage />
            </CurrentUserContext.Provider>
          ),
        },
      ],
      `/enforcement/assessments/${currentRound.id}/sheets/${scorerId}`,
    );

  it('lays out every scored unit × hand-scored indicator; computed ones read-only; every score required', async () => {
    currentRound = round();
    currentSheet = sheet();
    respond = () => json(200, submitted(1), { ETag: '"v1"' });
    const user = userEvent.setup();
    renderPage(departmentUser);
    expect(await screen.findByTestId('sheet-title')).toHaveTextContent('评分表 · 县市场监管局');
    expect(screen.getByTestId('sheet-submitted')).toHaveTextContent('尚未提交');
    expect(screen.getAllByTestId('sheet-row').map((r) => r.dataset.id)).toEqual(['tw-1', 'tw-2']);
    expect(screen.getAllByTestId('sheet-cell')).toHaveLength(2);
    // a computed indicator has no input; a scorer who is not a manager sees no value before publication
    const computed = screen.getAllByTestId('sheet-computed');
    expect(computed).toHaveLength(2);
    expect(within(computed[0]!).queryByRole('spinbutton')).not.toBeInTheDocument();
    expect(computed[0]).toHaveTextContent('根据执法数据计算，不需人工评分');
    expect(gets('/rankings')).toBe(0);

    await user.click(screen.getByTestId('sheet-submit'));
    await waitFor(() => expect(screen.getAllByText('请填写得分')).toHaveLength(2));
    expect(puts()).toHaveLength(0);

    await user.type(within(cell('tw-1')).getByTestId('sheet-score'), '7');
    await user.type(within(cell('tw-2')).getByTestId('sheet-score'), '9');
    await user.type(within(cell('tw-2')).getByTestId('sheet-comment'), ' 配合积极 ');
    await user.click(screen.getByTestId('sheet-submit'));
    await waitFor(() => expect(screen.getByTestId('sheet-submitted')).toHaveTextContent('最近提交'));
    // the first submission has no version to match
    expect(puts()).toEqual([
      {
        url: '/api/v1/enforcement/assessments/r-1/sheets/d-market',
        ifMatch: null,
        body: {
          scores: [
            { scoredId: 'tw-1', indicatorCode: 'TEAM', score: 7, comment: null },
            { scoredId: 'tw-2', indicatorCode: 'TEAM', score: 9, comment: '配合积极' },
          ],
        },
      },
    ]);
    expect(document.querySelector('.ant-message')).toHaveTextContent('评分已提交');
  });

  it('sends a submitted sheet with If-Match; a 412 offers the reload, keeps what was typed and sends the new ETag', async () => {
    currentRound = round();
    currentSheet = submitted(1);
    respond = () => json(412, { title: '记录已被修改', status: 412, code: 'precondition_failed' });
    const user = userEvent.setup();
    renderPage(departmentUser);
    const score = within(await screen.findByTestId('sheet-table')).getAllByTestId('sheet-score')[0]!;
    await waitFor(() => expect(score).toHaveValue('7.00'));
    await user.clear(score);
    await user.type(score, '8');
    await user.click(screen.getByTestId('sheet-submit'));
    expect(await screen.findByTestId('stale-record')).toHaveTextContent('记录已被他人修改，请刷新后重试');

    currentSheet = submitted(2);
    await user.click(screen.getByTestId('stale-reload'));
    await waitFor(() => expect(screen.queryByTestId('stale-record')).not.toBeInTheDocument());
    expect(within(cell('tw-1')).getByTestId('sheet-score')).toHaveValue('8.00');
    respond = () => json(200, submitted(3), { ETag: '"v3"' });
    await user.click(screen.getByTestId('sheet-submit'));
    await waitFor(() => expect(puts()).toHaveLength(2));
    expect(puts().map((p) => p.ifMatch)).toEqual(['"v1"', '"v2"']);
    expect(puts()[1]!.body.scores[0]).toEqual({ scoredId: 'tw-1', indicatorCode: 'TEAM', score: 8, comment: null });
  });

  it('puts a score’s error under its cell and the closed window in the server’s words', async () => {
    currentRound = round();
    currentSheet = sheet();
    respond = () =>
      json(400, {
        title: '请求参数有误',
        status: 400,
        code: 'validation_failed',
        errors: { 'scores[1].score': ['得分须在 0 至 10 之间，最多两位小数。'] },
      });
    const user = userEvent.setup();
    renderPage(departmentUser);
    await user.type(within(await screen.findByTestId('sheet-table')).getAllByTestId('sheet-score')[0]!, '7');
    await user.type(within(cell('tw-2')).getByTestId('sheet-score'), '9');
    await user.click(screen.getByTestId('sheet-submit'));
    await waitFor(() => expect(cell('tw-2')).toHaveTextContent('得分须在 0 至 10 之间，最多两位小数。'));
    expect(cell('tw-1')).not.toHaveTextContent('得分须在');

    respond = () =>
      json(409, {
        title: '状态冲突',
        status: 409,
        detail: '评分期为 2026-12-01 至 2026-12-20，今天不能评分。',
        code: 'enforcement.assessment_window_closed',
      });
    await user.click(screen.getByTestId('sheet-submit'));
    expect(await screen.findByTestId('problem-alert')).toHaveTextContent('评分期为 2026-12-01 至 2026-12-20，今天不能评分。');
  });

  it('is read only outside the window, for another township’s sheet and for the managers (who see the values)', async () => {
    currentRound = round({ state: 'locked', windowOpen: false });
    currentSheet = submitted(1);
    const first = renderPage(departmentUser);
    expect(await screen.findByTestId('sheet-read-only')).toHaveTextContent('不在评分期内（2026-12-01 至 2026-12-20，已锁定）');
    expect(screen.queryByTestId('sheet-submit')).not.toBeInTheDocument();
    expect(within(cell('tw-1')).getByTestId('sheet-score')).toBeDisabled();
    first.unmount();

    currentRound = departmentsRound();
    currentSheet = sheet({ roundId: 'r-2', scorerId: 'tw-2', scorerName: '河口镇' });
    const second = renderPage(townshipLeader, 'tw-2');
    expect(await screen.findByTestId('sheet-read-only')).toHaveTextContent('这是其他单位的评分表，只能查看。');
    second.unmount();

    currentRound = round();
    currentSheet = submitted(1);
    renderPage(me());
    expect(await screen.findByTestId('sheet-read-only')).toHaveTextContent('你没有评分权限，只能查看。');
    await waitFor(() => expect(screen.getAllByTestId('sheet-computed-value')[1]).toHaveTextContent('数值 80%'));
    expect(screen.getAllByTestId('sheet-computed-value')[0]).toHaveTextContent('无数据');
    expect(screen.getAllByTestId('sheet-computed-score')[1]).toHaveTextContent('8');
  });

  it('tells a department that picked another unit what the API said', async () => {
    currentRound = round();
    sheetStatus = 403;
    try {
      renderPage(departmentUser, 'd-urban');
      expect(await screen.findByTestId('problem-alert')).toHaveTextContent('只能填报本单位的评分表。');
    } finally {
      sheetStatus = 200;
    }
  });
});
