import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import type { EnforcementCase, Me } from '../../lib/api/types';
import { CurrentUserContext } from '../../lib/auth/useAuth';
import { addDays, countyToday } from '../../lib/dates';
import { renderRoutes } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { CasesPage } from './CasesPage';
import { enforcementCase, filedCase } from './caseTestData';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const officer: Me = {
  id: 'u-1',
  username: 't01_officer',
  displayName: '李执法',
  role: 'enforcement_officer',
  roleName: '执法人员',
  regionId: 'tw-1',
  regionName: '城关镇',
  regionLevel: 'township',
  unitId: null,
  unitName: null,
  permissions: ['enforcement.leads', 'enforcement.investigate'],
};

const domains = [
  { code: 'urban', name: '城市管理' },
  { code: 'market', name: '市场监管' },
];

const today = countyToday();
const due = (days: number) => ({ ...filedCase().filing!, decisionDueOn: addDays(today, days) });

const overdue = filedCase({ id: 'c-overdue', partyName: '赵六', filing: due(-3) });
const soon = filedCase({ id: 'c-soon', partyName: '钱七', state: 'notified', filing: due(5) });
const lead = enforcementCase({ id: 'c-lead', partyName: null, partyKind: null, source: 'grid', sourceName: '网格上报' });
const later = filedCase({ id: 'c-later', partyName: '孙八', filing: due(60) });

describe('the 执法案件 list', () => {
  let pages: Record<string, { items: EnforcementCase[]; nextCursor: string | null }> = {};
  let registerResponse: () => Response = () => json(500, {});
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/v1/enforcement/domains') return json(200, domains);
    if (url.pathname === '/api/v1/enforcement/teams') return json(200, { items: [], nextCursor: null });
    if (url.pathname === '/api/v1/enforcement/cases' && init?.method === 'POST') return registerResponse();
    if (url.pathname === '/api/v1/enforcement/cases') {
      return json(200, pages[url.searchParams.get('cursor') ?? ''] ?? { items: [], nextCursor: null });
    }
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const listCalls = () =>
    fetchMock.mock.calls
      .map(([input, init]) => ({ url: new URL(String(input), 'http://localhost'), method: init?.method ?? 'GET' }))
      .filter((c) => c.url.pathname === '/api/v1/enforcement/cases' && c.method === 'GET')
      .map((c) => Object.fromEntries(c.url.searchParams));

  const field = (testId: string) => screen.getByTestId(testId).closest('.ant-form-item') as HTMLElement;

  function renderPage(me: Me = officer, path = '/enforcement/cases') {
    return renderRoutes(
      [
        {
          path: '/enforcement/cases',
          element: (
            <CurrentUserContext.Provider value={me}>
              <CasesPage />
            </CurrentUserContext.Provider>
          ),
        },
        { path: '/enforcement/cases/:id', element: <div data-testid="detail-page" /> },
      ],
      path,
    );
  }

  it('shows each case with its state, source, domain, party, place and decision deadline, overdue red', async () => {
    pages = { '': { items: [overdue, soon, lead, later], nextCursor: null } };
    renderPage();
    const rows = await screen.findAllByTestId('case-row');
    expect(rows.map((r) => r.dataset.id)).toEqual(['c-overdue', 'c-soon', 'c-lead', 'c-later']);
    expect(rows.map((r) => r.dataset.due)).toEqual(['overdue', 'soon', 'none', 'none']);
    expect(rows[0]).toHaveClass('ec-row-overdue');
    expect(rows[1]).toHaveClass('ec-row-due-soon');

    const first = within(rows[0]!);
    expect(first.getByTestId('case-row-state')).toHaveTextContent('已立案');
    expect(first.getByTestId('case-row-due')).toHaveTextContent('已超期');
    expect(first.getByTestId('case-row-party')).toHaveTextContent('赵六');
    expect(first.getByText('城市管理')).toBeInTheDocument();
    expect(first.getByText('巡查发现')).toBeInTheDocument();
    expect(first.getByTestId('case-link')).toHaveAttribute('href', '/enforcement/cases/c-overdue');
    expect(first.getByTestId('case-row-decision-due')).toHaveTextContent(addDays(today, -3));
    expect(within(rows[1]!).getByTestId('case-row-due')).toHaveTextContent('临期');
    // a lead: no party yet, no deadline before 立案
    expect(within(rows[2]!).getByTestId('case-row-state')).toHaveTextContent('线索待处理');
    expect(within(rows[2]!).getByText('网格上报')).toBeInTheDocument();
    expect(within(rows[2]!).getByTestId('case-row-decision-due')).toHaveTextContent('—');
    expect(screen.getByTestId('lead-register')).toBeInTheDocument();
  });

  it('filters by state, source, deadline and text, and pages on with the cursor', async () => {
    pages = { '': { items: [overdue], nextCursor: 'next-1' }, 'next-1': { items: [later], nextCursor: null } };
    const user = userEvent.setup();
    const { router } = renderPage(officer, '/enforcement/cases?due=soon&state=bogus');
    await screen.findAllByTestId('case-row');
    // an unknown state from the query string is dropped, the deadline kept
    expect(listCalls()[0]).toEqual({ due: 'soon', limit: '50' });

    await user.click(screen.getByTestId('load-more'));
    await waitFor(() => expect(screen.getAllByTestId('case-row')).toHaveLength(2));
    expect(listCalls().at(-1)).toEqual({ due: 'soon', cursor: 'next-1', limit: '50' });

    await user.click(screen.getByTestId('cases-due-overdue'));
    await waitFor(() => expect(listCalls().at(-1)).toEqual({ due: 'overdue', limit: '50' }));

    await user.click(within(screen.getByTestId('cases-state')).getByRole('combobox'));
    await user.click(await screen.findByText('已告知', { selector: '.ant-select-item-option-content' }));
    await waitFor(() => expect(listCalls().at(-1)).toEqual({ due: 'overdue', state: 'notified', limit: '50' }));

    await user.click(within(screen.getByTestId('cases-source')).getByRole('combobox'));
    await user.click(await screen.findByText('投诉举报', { selector: '.ant-select-item-option-content' }));
    await waitFor(() =>
      expect(listCalls().at(-1)).toEqual({ due: 'overdue', state: 'notified', source: 'complaint', limit: '50' }),
    );

    await user.type(within(screen.getByTestId('cases-search')).getByRole('searchbox'), ' 人民路 {Enter}');
    await waitFor(() => expect(listCalls().at(-1)).toMatchObject({ q: '人民路', source: 'complaint' }));
    expect(router.state.location.search).toContain('q=');
    expect(new URLSearchParams(router.state.location.search).get('state')).toBe('notified');
  });

  it('hides 登记线索 from those who may not register leads', async () => {
    pages = { '': { items: [], nextCursor: null } };
    renderPage({ ...officer, role: 'legal_reviewer', permissions: ['enforcement.review'] });
    await waitFor(() => expect(listCalls()).toHaveLength(1));
    expect(screen.queryByTestId('lead-register')).not.toBeInTheDocument();
  });

  it('registers a lead and opens it; the API’s field errors go under the fields', async () => {
    pages = { '': { items: [], nextCursor: null } };
    registerResponse = () =>
      json(400, {
        title: '请求参数有误',
        status: 400,
        code: 'validation_failed',
        errors: { partyIdNumber: ['身份证号码格式不正确（18 位）。'] },
      });
    const user = userEvent.setup();
    const { router } = renderPage();
    await user.click(await screen.findByTestId('lead-register'));
    await user.click(within(field('lead-domain')).getByRole('combobox'));
    const options = await screen.findAllByText('城市管理', { selector: '.ant-select-item-option-content' });
    await user.click(options[options.length - 1]!);
    await user.type(screen.getByTestId('lead-place'), '人民路 18 号');
    await user.type(screen.getByTestId('lead-description'), '占道经营');
    await user.click(within(field('lead-party-kind')).getByRole('combobox'));
    await user.click(await screen.findByText('个人', { selector: '.ant-select-item-option-content' }));
    await user.type(await screen.findByTestId('lead-party-name'), '王五');
    await user.type(screen.getByTestId('lead-party-id'), '1101');
    await user.click(screen.getByTestId('lead-submit'));

    const idField = field('lead-party-id');
    await waitFor(() => expect(idField).toHaveTextContent('身份证号码格式不正确（18 位）。'));
    const post = fetchMock.mock.calls.find(([, i]) => i?.method === 'POST')!;
    expect(JSON.parse(String(post[1]!.body))).toEqual({
      townshipId: null,
      source: 'patrol',
      domain: 'urban',
      occurredOn: today,
      place: '人民路 18 号',
      description: '占道经营',
      partyKind: 'person',
      partyName: '王五',
      partyIdNumber: '1101',
      reporter: null,
    });

    registerResponse = () => json(201, enforcementCase({ id: 'c-new' }), { ETag: '"v1"' });
    await user.clear(screen.getByTestId('lead-party-id'));
    await user.click(screen.getByTestId('lead-submit'));
    expect(await screen.findByTestId('detail-page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/enforcement/cases/c-new');
  });
});
