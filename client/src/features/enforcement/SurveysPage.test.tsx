import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import type { EnforcementSurvey, EnforcementTeam, Me } from '../../lib/api/types';
import { CurrentUserContext } from '../../lib/auth/useAuth';
import { countyToday } from '../../lib/dates';
import { renderRoutes } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { SurveysPage } from './SurveysPage';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const leader: Me = {
  id: 'u-1',
  username: 't01_leader',
  displayName: '王镇长',
  role: 'township_leader',
  roleName: '乡镇（街道）领导',
  regionId: 'tw-1',
  regionName: '城关镇',
  regionLevel: 'township',
  unitId: null,
  unitName: null,
  permissions: ['enforcement.file', 'enforcement.teams'],
};
const supervisor: Me = {
  ...leader,
  username: 'reviewer',
  role: 'legal_reviewer',
  regionLevel: 'county',
  unitId: null,
  unitName: null,
  permissions: ['enforcement.review', 'enforcement.supervise'],
};

const teams = [
  { id: 'team-1', name: '城关镇综合行政执法大队' },
  { id: 'team-2', name: '东乡镇综合行政执法大队' },
] as EnforcementTeam[];

const survey = (over: Partial<EnforcementSurvey> = {}): EnforcementSurvey => ({
  id: 's-1',
  teamId: 'team-1',
  teamName: '城关镇综合行政执法大队',
  surveyedOn: '2026-11-20',
  method: 'questionnaire',
  methodName: '问卷调查',
  respondents: 30,
  satisfied: 28,
  rate: 0.9333,
  note: null,
  correctsId: null,
  correctedById: null,
  recordedAt: '2026-11-20T08:00:00Z',
  recordedBy: '县司法局',
  ...over,
});
const wrong = survey({ id: 's-wrong', surveyedOn: '2026-10-15', satisfied: 10, rate: 0.3333, correctedById: 's-fix' });
const fix = survey({ id: 's-fix', surveyedOn: '2026-10-15', satisfied: 27, rate: 0.9, correctsId: 's-wrong', note: '录入错误' });
const plain = survey({ id: 's-plain', teamId: 'team-2', teamName: '东乡镇综合行政执法大队', method: 'phone', methodName: '电话回访' });

describe('the 执法满意度调查 page', () => {
  let pages: Record<string, { items: EnforcementSurvey[]; nextCursor: string | null }> = {};
  let respond: () => Response = () => json(500, {});
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/v1/enforcement/surveys') {
      if (init?.method === 'POST') return respond();
      return json(200, pages[url.searchParams.get('cursor') ?? ''] ?? { items: [], nextCursor: null });
    }
    if (url.pathname === '/api/v1/enforcement/teams') return json(200, { items: teams, nextCursor: null });
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const listCalls = () =>
    fetchMock.mock.calls
      .map(([input, init]) => ({ url: new URL(String(input), 'http://localhost'), method: init?.method ?? 'GET' }))
      .filter((c) => c.url.pathname === '/api/v1/enforcement/surveys' && c.method === 'GET')
      .map((c) => Object.fromEntries(c.url.searchParams));
  const posts = () =>
    fetchMock.mock.calls
      .filter(([, init]) => init?.method === 'POST')
      .map(([input, init]) => ({ url: String(input), body: JSON.parse(String(init?.body)) as Record<string, unknown> }));
  const field = (testId: string) => screen.getByTestId(testId).closest('.ant-form-item') as HTMLElement;

  const renderPage = (me: Me, path = '/enforcement/surveys') =>
    renderRoutes(
      [
        {
          path: '/enforcement/surveys',
          element: (
            <CurrentUserContext.Provider value={me}>
              <SurveysPage />
            </CurrentUserContext.Provider>
          ),
        },
      ],
      path,
    );

  it('lists the surveys with their rate, 已更正 and 更正记录; read only without enforcement.supervise', async () => {
    pages = { '': { items: [plain, fix, wrong], nextCursor: null } };
    renderPage(leader);
    const rows = await screen.findAllByTestId('survey-row');
    expect(rows.map((r) => [r.dataset.id, r.dataset.corrected, r.dataset.correction])).toEqual([
      ['s-plain', 'false', 'false'],
      ['s-fix', 'false', 'true'],
      ['s-wrong', 'true', 'false'],
    ]);
    expect(rows[0]).toHaveTextContent('东乡镇综合行政执法大队');
    expect(rows[0]).toHaveTextContent('电话回访');
    expect(within(rows[0]!).getByTestId('survey-row-rate')).toHaveTextContent('93.3%');
    expect(within(rows[1]!).getByTestId('survey-row-correction')).toHaveTextContent('更正记录');
    expect(rows[1]).toHaveTextContent('录入错误');
    expect(within(rows[1]!).getByTestId('survey-row-rate')).toHaveTextContent('90.0%');
    expect(within(rows[2]!).getByTestId('survey-row-corrected')).toHaveTextContent('已更正');
    expect(within(rows[2]!).getByTestId('survey-row-rate')).toHaveTextContent('33.3%');
    expect(screen.queryByTestId('survey-record')).not.toBeInTheDocument();
    expect(screen.queryByTestId('survey-correct')).not.toBeInTheDocument();
  });

  it('says so in Chinese when there is none; filters by team and dates in the query string; pages on', async () => {
    pages = { '': { items: [plain], nextCursor: 'next-1' }, 'next-1': { items: [wrong], nextCursor: null } };
    const user = userEvent.setup();
    const { router } = renderPage(leader, '/enforcement/surveys?from=2026-10-01&to=bogus');
    await screen.findAllByTestId('survey-row');
    expect(listCalls()[0]).toEqual({ from: '2026-10-01', limit: '50' });
    await user.click(screen.getByTestId('load-more'));
    await waitFor(() => expect(screen.getAllByTestId('survey-row')).toHaveLength(2));
    expect(listCalls().at(-1)).toEqual({ from: '2026-10-01', cursor: 'next-1', limit: '50' });

    pages = {};
    await user.click(within(screen.getByTestId('surveys-team')).getByRole('combobox'));
    await user.click(await screen.findByText('东乡镇综合行政执法大队', { selector: '.ant-select-item-option-content' }));
    await waitFor(() => expect(listCalls().at(-1)).toEqual({ teamId: 'team-2', from: '2026-10-01', limit: '50' }));
    expect(new URLSearchParams(router.state.location.search).get('teamId')).toBe('team-2');
    expect(await screen.findByText('没有满意度调查记录')).toBeInTheDocument();
  });

  it('lets a supervisor record a survey: required fields and satisfied ≤ respondents first, then the POST', async () => {
    pages = { '': { items: [plain], nextCursor: null } };
    respond = () => json(201, survey({ id: 's-new', method: 'online', methodName: '网上评议' }));
    const user = userEvent.setup();
    renderPage(supervisor);
    await screen.findAllByTestId('survey-row');
    await user.click(screen.getByTestId('survey-record'));
    const modal = await screen.findByTestId('survey-modal');
    expect(within(modal).queryByTestId('survey-form-corrects')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('survey-submit'));
    expect(await screen.findByText('请填写执法大队')).toBeInTheDocument();
    expect(screen.getByText('请填写调查方式')).toBeInTheDocument();
    expect(posts()).toHaveLength(0);

    await user.click(within(field('survey-form-team')).getByRole('combobox'));
    await user.click(await screen.findByText('城关镇综合行政执法大队', { selector: '.ant-select-item-option-content' }));
    await user.click(within(field('survey-form-method')).getByRole('combobox'));
    await user.click(await screen.findByText('网上评议', { selector: '.ant-select-item-option-content' }));
    await user.type(screen.getByTestId('survey-form-respondents'), '20');
    await user.type(screen.getByTestId('survey-form-satisfied'), '25');
    await user.click(screen.getByTestId('survey-submit'));
    expect(await screen.findByText('满意人数不能超过参与人数')).toBeInTheDocument();
    expect(posts()).toHaveLength(0);

    await user.clear(screen.getByTestId('survey-form-satisfied'));
    await user.type(screen.getByTestId('survey-form-satisfied'), '18');
    await user.type(screen.getByTestId('survey-form-note'), ' 12345 热线回访 ');
    pages = { '': { items: [survey({ id: 's-new' }), plain], nextCursor: null } };
    await user.click(screen.getByTestId('survey-submit'));
    await waitFor(() => expect(screen.queryByTestId('survey-modal')).not.toBeInTheDocument());
    expect(posts()).toEqual([
      {
        url: '/api/v1/enforcement/surveys',
        body: {
          teamId: 'team-1',
          surveyedOn: countyToday(),
          method: 'online',
          respondents: 20,
          satisfied: 18,
          note: '12345 热线回访',
          correctsId: null,
        },
      },
    ]);
    await waitFor(() => expect(screen.getAllByTestId('survey-row')).toHaveLength(2));
    expect(document.querySelector('.ant-message')).toHaveTextContent('已登记满意度调查');
  });

  it('corrects a record with a new one: the form starts from it, the team fixed, sent with correctsId', async () => {
    pages = { '': { items: [fix, wrong], nextCursor: null } };
    respond = () => json(201, survey({ id: 's-fix2', correctsId: 's-fix' }));
    const user = userEvent.setup();
    renderPage(supervisor);
    const rows = await screen.findAllByTestId('survey-row');
    // the corrected record is replaced already: only the newest of the chain may be corrected
    expect(within(rows[1]!).queryByTestId('survey-correct')).not.toBeInTheDocument();
    await user.click(within(rows[0]!).getByTestId('survey-correct'));
    const modal = await screen.findByTestId('survey-modal');
    expect(within(modal).getByTestId('survey-form-intro')).toHaveTextContent(
      '将登记一条新记录替代 2026-10-15 城关镇综合行政执法大队 的调查（满意 27 / 参与 30）',
    );
    expect(within(modal).getByTestId('survey-form-corrects')).toHaveTextContent('2026-10-15 · 问卷调查 · 满意 27 / 参与 30');
    expect(within(field('survey-form-team')).getByRole('combobox')).toBeDisabled();
    expect(screen.getByTestId('survey-form-respondents')).toHaveValue('30');
    const satisfied = screen.getByTestId('survey-form-satisfied');
    await user.clear(satisfied);
    await user.type(satisfied, '29');
    await user.click(screen.getByTestId('survey-submit'));
    await waitFor(() => expect(screen.queryByTestId('survey-modal')).not.toBeInTheDocument());
    expect(posts()).toEqual([
      {
        url: '/api/v1/enforcement/surveys',
        body: {
          teamId: 'team-1',
          surveyedOn: '2026-10-15',
          method: 'questionnaire',
          respondents: 30,
          satisfied: 29,
          note: '录入错误',
          correctsId: 's-fix',
        },
      },
    ]);
    expect(document.querySelector('.ant-message')).toHaveTextContent('已登记更正记录');
  });

  it('puts a 400’s field errors under their fields, the refused correction under the record it names', async () => {
    pages = { '': { items: [fix], nextCursor: null } };
    respond = () =>
      json(400, {
        title: '请求参数有误',
        status: 400,
        code: 'validation_failed',
        errors: {
          correctsId: ['该记录已被更正，请更正最新的记录。'],
          satisfied: ['满意人数应在 0 到参与人数之间。'],
          surveyedOn: ['请填写调查日期（不晚于今天）。'],
        },
      });
    const user = userEvent.setup();
    renderPage(supervisor);
    await user.click(await screen.findByTestId('survey-correct'));
    await user.click(await screen.findByTestId('survey-submit'));
    await waitFor(() => expect(field('survey-form-corrects')).toHaveTextContent('该记录已被更正，请更正最新的记录。'));
    expect(field('survey-form-satisfied')).toHaveTextContent('满意人数应在 0 到参与人数之间。');
    expect(field('survey-form-date')).toHaveTextContent('请填写调查日期（不晚于今天）。');
    expect(screen.queryByTestId('problem-alert')).not.toBeInTheDocument();
    expect(screen.getByTestId('survey-modal')).toBeInTheDocument();
  });
});
