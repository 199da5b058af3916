import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import type { Complaint, Me } from '../../lib/api/types';
import { CurrentUserContext } from '../../lib/auth/useAuth';
import { renderRoutes } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { ComplaintsPage } from './ComplaintsPage';
import { enforcementCase, officer } from './caseTestData';
import { complaint, handledComplaint, me, supervisionTeams, townshipLeader } from './supervisionTestData';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const officerOnly = complaint({ id: 'cp-2', caseId: null, decisionNo: null, channel: 'hotline' });
const handled = handledComplaint({ id: 'cp-3' });

describe('the 投诉举报 list', () => {
  let pages: Record<string, { items: Complaint[]; nextCursor: string | null }> = {};
  let respond: () => Response = () => json(500, {});
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = new URL(String(input), 'http://localhost');
    const path = url.pathname;
    if (path === '/api/v1/enforcement/complaints' && init?.method === 'POST') return respond();
    if (path === '/api/v1/enforcement/complaints') {
      return json(200, pages[url.searchParams.get('cursor') ?? ''] ?? { items: [], nextCursor: null });
    }
    if (path === '/api/v1/enforcement/teams') return json(200, { items: supervisionTeams, nextCursor: null });
    if (path === '/api/v1/enforcement/cases') return json(200, { items: [enforcementCase()], nextCursor: null });
    if (path === '/api/v1/enforcement/officers') {
      return json(200, { items: [officer('o-1', '李执法'), officer('o-2', '赵执法')], nextCursor: null });
    }
    if (path === '/api/v1/enforcement/officers/o-9') {
      return json(200, { officer: officer('o-9', '钱执法'), certificates: [] }, { ETag: '"v1"' });
    }
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const listCalls = () =>
    fetchMock.mock.calls
      .map(([input, init]) => ({ url: new URL(String(input), 'http://localhost'), method: init?.method ?? 'GET' }))
      .filter((c) => c.url.pathname === '/api/v1/enforcement/complaints' && c.method === 'GET')
      .map((c) => Object.fromEntries(c.url.searchParams));

  const posts = () =>
    fetchMock.mock.calls
      .filter(([, init]) => init?.method === 'POST')
      .map(([input, init]) => ({ url: String(input), body: JSON.parse(String(init?.body)) as Record<string, unknown> }));

  const field = (testId: string) => screen.getByTestId(testId).closest('.ant-form-item') as HTMLElement;

  const renderPage = (user: Me = me(), path = '/enforcement/complaints') =>
    renderRoutes(
      [
        {
          path: '/enforcement/complaints',
          element: (
            <CurrentUserContext.Provider value={user}>
              <ComplaintsPage />
            </CurrentUserContext.Provider>
          ),
        },
        { path: '/enforcement/complaints/:id', element: <div data-testid="complaint-page" /> },
        { path: '/enforcement/cases/:id', element: <div data-testid="case-page" /> },
      ],
      path,
    );

  it('shows each complaint with its state, channel, case or officer, complainant and finding', async () => {
    pages = { '': { items: [complaint(), officerOnly, handled], nextCursor: null } };
    renderPage();
    const rows = await screen.findAllByTestId('complaint-row');
    expect(rows.map((r) => r.dataset.id)).toEqual(['cp-1', 'cp-2', 'cp-3']);

    const first = within(rows[0]!);
    expect(first.getByTestId('complaint-row-state')).toHaveTextContent('已受理');
    expect(first.getByText('电话')).toBeInTheDocument();
    expect(first.getByTestId('complaint-case-link')).toHaveTextContent('城关综执罚决〔2026〕17号');
    expect(first.getByTestId('complaint-case-link')).toHaveAttribute('href', '/enforcement/cases/case-1');
    expect(first.getByTestId('complaint-officer-link')).toHaveAttribute('href', '/enforcement/officers/o-1');
    expect(first.getByTestId('complaint-row-phone')).toHaveTextContent('138****5678');
    expect(first.getByTestId('complaint-row-team')).toHaveTextContent('城关镇综合行政执法大队');
    expect(first.queryByTestId('complaint-row-finding')).not.toBeInTheDocument();

    const second = within(rows[1]!);
    expect(second.queryByTestId('complaint-case-link')).not.toBeInTheDocument();
    expect(second.getByText('12345 转办')).toBeInTheDocument();

    expect(within(rows[2]!).getByTestId('complaint-row-state')).toHaveTextContent('已办结');
    expect(within(rows[2]!).getByTestId('complaint-row-finding')).toHaveTextContent('部分属实');
  });

  it('opens a complaint from its row', async () => {
    pages = { '': { items: [complaint()], nextCursor: null } };
    const user = userEvent.setup();
    const { router } = renderPage();
    await user.click(await screen.findByTestId('complaint-row-link'));
    expect(router.state.location.pathname).toBe('/enforcement/complaints/cp-1');
  });

  it('filters by state, case and officer in the query string and pages on with the cursor', async () => {
    pages = { '': { items: [complaint()], nextCursor: 'next-1' }, 'next-1': { items: [handled], nextCursor: null } };
    const user = userEvent.setup();
    const { router } = renderPage(me(), '/enforcement/complaints?state=bogus&officerId=o-9');
    await screen.findAllByTestId('complaint-row');
    // an unknown state is dropped; an officer from the address is named (read once)
    expect(listCalls()[0]).toEqual({ officerId: 'o-9', limit: '50' });
    await waitFor(() => expect(screen.getByTestId('complaints-officer')).toHaveTextContent('钱执法（ZF-o-9）'));

    await user.click(screen.getByTestId('load-more'));
    await waitFor(() => expect(screen.getAllByTestId('complaint-row')).toHaveLength(2));
    expect(listCalls().at(-1)).toEqual({ officerId: 'o-9', cursor: 'next-1', limit: '50' });

    await user.click(within(screen.getByTestId('complaints-state')).getByRole('combobox'));
    await user.click(await screen.findByText('已办结', { selector: '.ant-select-item-option-content' }));
    await waitFor(() => expect(listCalls().at(-1)).toEqual({ officerId: 'o-9', state: 'handled', limit: '50' }));

    await user.click(within(screen.getByTestId('complaints-case')).getByRole('combobox'));
    await user.click(await screen.findByText('王五 · 城关镇人民路 18 号', { selector: '.ant-select-item-option-content' }));
    await waitFor(() =>
      expect(listCalls().at(-1)).toEqual({ officerId: 'o-9', state: 'handled', caseId: 'case-1', limit: '50' }),
    );
    expect(new URLSearchParams(router.state.location.search).get('caseId')).toBe('case-1');
  });

  it('filters the county’s users by 执法大队: sent as teamId and kept in the address', async () => {
    pages = { '': { items: [complaint()], nextCursor: null } };
    const user = userEvent.setup();
    const { router } = renderPage(me(), '/enforcement/complaints?teamId=team-2&state=received');
    await screen.findAllByTestId('complaint-row');
    expect(listCalls()[0]).toEqual({ state: 'received', teamId: 'team-2', limit: '50' });
    await waitFor(() => expect(screen.getByTestId('complaints-team')).toHaveTextContent('河口镇综合行政执法大队'));

    await user.click(within(screen.getByTestId('complaints-team')).getByRole('combobox'));
    const option = { selector: '.ant-select-item-option-content' };
    await user.click(await screen.findByText('城关镇综合行政执法大队', option));
    await waitFor(() => expect(listCalls().at(-1)).toEqual({ state: 'received', teamId: 'team-1', limit: '50' }));
    expect(new URLSearchParams(router.state.location.search).get('teamId')).toBe('team-1');
  });

  it('has no 执法大队 filter for a township’s users (they see their one team)', async () => {
    pages = { '': { items: [complaint()], nextCursor: null } };
    renderPage(townshipLeader, '/enforcement/complaints?teamId=team-2');
    await screen.findAllByTestId('complaint-row');
    expect(screen.getByTestId('complaints-state')).toBeInTheDocument();
    expect(screen.queryByTestId('complaints-team')).not.toBeInTheDocument();
  });

  it('offers 登记投诉 to the supervisors only', async () => {
    pages = { '': { items: [complaint()], nextCursor: null } };
    renderPage(townshipLeader);
    await screen.findAllByTestId('complaint-row');
    expect(screen.queryByTestId('complaint-record')).not.toBeInTheDocument();
  });

  it('records a complaint: the case or the officer required, the API’s field errors under their fields', async () => {
    pages = { '': { items: [], nextCursor: null } };
    respond = () =>
      json(400, {
        title: '请求参数有误',
        status: 400,
        code: 'validation_failed',
        errors: { content: ['投诉内容不能超过 4000 个字符。'] },
      });
    const user = userEvent.setup();
    const { router } = renderPage();
    await user.click(await screen.findByTestId('complaint-record'));
    await user.click(await screen.findByTestId('complaint-submit'));
    expect(await screen.findAllByText('请选择被投诉的案件或执法人员')).toHaveLength(2);
    expect(screen.getByText('请填写投诉渠道')).toBeInTheDocument();
    expect(screen.getByText('请填写投诉人')).toBeInTheDocument();
    expect(screen.getByText('请填写投诉内容')).toBeInTheDocument();
    expect(posts()).toHaveLength(0);

    await user.click(within(screen.getByTestId('complaint-officer')).getByRole('combobox'));
    await user.click(await screen.findByText('赵执法（ZF-o-2）', { selector: '.ant-select-item-option-content' }));
    await user.click(within(screen.getByTestId('complaint-channel')).getByRole('combobox'));
    await user.click(await screen.findByText('来访', { selector: '.ant-select-item-option-content' }));
    await user.type(screen.getByTestId('complaint-complainant'), ' 王五 ');
    await user.type(screen.getByTestId('complaint-content'), '执法态度粗暴');
    await user.click(screen.getByTestId('complaint-submit'));
    await waitFor(() => expect(field('complaint-content')).toHaveTextContent('投诉内容不能超过 4000 个字符。'));
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.body).toMatchObject({
      caseId: null,
      officerId: 'o-2',
      channel: 'visit',
      complainant: '王五',
      complainantPhone: null,
      content: '执法态度粗暴',
    });
    expect(posts()[0]!.body.receivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    respond = () => json(201, complaint({ id: 'cp-new' }), { ETag: '"v1"' });
    await user.click(screen.getByTestId('complaint-submit'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/enforcement/complaints/cp-new'));
  });
});
