import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import type { FaultRecord, Me } from '../../lib/api/types';
import { CurrentUserContext } from '../../lib/auth/useAuth';
import { renderRoutes } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { FaultRecordsPage } from './FaultRecordsPage';
import { enforcementCase, officer } from './caseTestData';
import { complaint, faultRecord, me, supervisionTeams, townshipLeader } from './supervisionTestData';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

describe('the 过错责任追究 page', () => {
  let pages: Record<string, { items: FaultRecord[]; nextCursor: string | null }> = {};
  let respond: () => Response = () => json(500, {});
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = new URL(String(input), 'http://localhost');
    const path = url.pathname;
    if (path === '/api/v1/enforcement/fault-records' && init?.method === 'POST') return respond();
    if (path === '/api/v1/enforcement/fault-records') {
      return json(200, pages[url.searchParams.get('cursor') ?? ''] ?? { items: [], nextCursor: null });
    }
    if (path === '/api/v1/enforcement/complaints') {
      const of = url.searchParams.get('officerId');
      return json(200, { items: of === 'o-1' ? [complaint()] : [], nextCursor: null });
    }
    if (path === '/api/v1/enforcement/teams') return json(200, { items: supervisionTeams, nextCursor: null });
    if (path === '/api/v1/enforcement/complaints/cp-1') return json(200, complaint(), { ETag: '"v1"' });
    if (path === '/api/v1/enforcement/cases/case-1') return json(200, enforcementCase(), { ETag: '"v1"' });
    if (path === '/api/v1/enforcement/cases') return json(200, { items: [enforcementCase()], nextCursor: null });
    if (path === '/api/v1/enforcement/officers') {
      return json(200, { items: [officer('o-1', '李执法'), officer('o-2', '赵执法')], nextCursor: null });
    }
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const listCalls = () =>
    fetchMock.mock.calls
      .map(([input, init]) => ({ url: new URL(String(input), 'http://localhost'), method: init?.method ?? 'GET' }))
      .filter((c) => c.url.pathname === '/api/v1/enforcement/fault-records' && c.method === 'GET')
      .map((c) => Object.fromEntries(c.url.searchParams));

  const posts = () =>
    fetchMock.mock.calls
      .filter(([, init]) => init?.method === 'POST')
      .map(([, init]) => JSON.parse(String(init?.body)) as Record<string, unknown>);

  const field = (testId: string) => screen.getByTestId(testId).closest('.ant-form-item') as HTMLElement;

  const renderPage = (user: Me = me(), path = '/enforcement/faults', state?: unknown) =>
    renderRoutes(
      [
        {
          path: '/enforcement/faults',
          element: (
            <CurrentUserContext.Provider value={user}>
              <FaultRecordsPage />
            </CurrentUserContext.Provider>
          ),
        },
      ],
      // a memory router entry may carry the state a page was opened with
      (state ? { pathname: path, state } : path) as string,
    );

  it('lists the records, newest first, with no edit; filters by officer and pages on', async () => {
    pages = {
      '': { items: [faultRecord()], nextCursor: 'next-1' },
      'next-1': { items: [faultRecord({ id: 'f-2', caseId: null, complaintId: null, liability: 'disciplinary' })], nextCursor: null },
    };
    const user = userEvent.setup();
    renderPage(townshipLeader);
    const rows = await screen.findAllByTestId('fault-row');
    const first = within(rows[0]!);
    expect(first.getByTestId('fault-officer-link')).toHaveAttribute('href', '/enforcement/officers/o-1');
    expect(first.getByTestId('fault-liability')).toHaveTextContent('书面检查');
    expect(first.getByTestId('fault-document')).toHaveTextContent('清司追〔2026〕3号');
    expect(first.getByTestId('fault-case-link')).toHaveAttribute('href', '/enforcement/cases/case-1');
    expect(first.getByTestId('fault-complaint-link')).toHaveAttribute('href', '/enforcement/complaints/cp-1');
    expect(first.queryAllByRole('button')).toHaveLength(0);
    // only the supervisors record
    expect(screen.queryByTestId('fault-record')).not.toBeInTheDocument();
    expect(screen.getByText('只增不改')).toBeInTheDocument();

    await user.click(screen.getByTestId('load-more'));
    await waitFor(() => expect(screen.getAllByTestId('fault-row')).toHaveLength(2));
    expect(within(screen.getAllByTestId('fault-row')[1]!).getByTestId('fault-liability')).toHaveTextContent(
      '移送纪检监察机关',
    );

    await user.click(within(screen.getByTestId('faults-officer')).getByRole('combobox'));
    await user.click(await screen.findByText('赵执法（ZF-o-2）', { selector: '.ant-select-item-option-content' }));
    await waitFor(() => expect(listCalls().at(-1)).toEqual({ officerId: 'o-2', limit: '50' }));
  });

  it('filters the county’s users by 执法大队 (teamId, kept in the address); none for a township', async () => {
    pages = { '': { items: [faultRecord()], nextCursor: null } };
    const user = userEvent.setup();
    const { router, unmount } = renderPage(me());
    await screen.findAllByTestId('fault-row');
    expect(listCalls()[0]).toEqual({ limit: '50' });
    await user.click(within(screen.getByTestId('faults-team')).getByRole('combobox'));
    const option = { selector: '.ant-select-item-option-content' };
    await user.click(await screen.findByText('河口镇综合行政执法大队', option));
    await waitFor(() => expect(listCalls().at(-1)).toEqual({ teamId: 'team-2', limit: '50' }));
    expect(new URLSearchParams(router.state.location.search).get('teamId')).toBe('team-2');
    unmount();

    renderPage(townshipLeader);
    await screen.findAllByTestId('fault-row');
    expect(screen.getByTestId('faults-officer')).toBeInTheDocument();
    expect(screen.queryByTestId('faults-team')).not.toBeInTheDocument();
  });

  it('opened with ?complaintId= lists that complaint’s records, named in a tag that removes the filter', async () => {
    pages = { '': { items: [faultRecord()], nextCursor: null } };
    const user = userEvent.setup();
    const { router } = renderPage(me(), '/enforcement/faults?complaintId=cp-1');
    await screen.findAllByTestId('fault-row');
    expect(listCalls()[0]).toEqual({ complaintId: 'cp-1', limit: '50' });
    const tag = screen.getByTestId('faults-complaint-tag');
    await waitFor(() => expect(tag).toHaveTextContent('仅看投诉：2026-12-02 王五'));
    expect(screen.queryByTestId('faults-case-tag')).not.toBeInTheDocument();

    await user.click(within(tag).getByRole('button'));
    await waitFor(() => expect(listCalls().at(-1)).toEqual({ limit: '50' }));
    expect(new URLSearchParams(router.state.location.search).has('complaintId')).toBe(false);
    expect(screen.queryByTestId('faults-complaint-tag')).not.toBeInTheDocument();
  });

  it('opened with ?caseId= lists that case’s records, named in a tag', async () => {
    pages = { '': { items: [faultRecord()], nextCursor: null } };
    renderPage(townshipLeader, '/enforcement/faults?caseId=case-1');
    await screen.findAllByTestId('fault-row');
    expect(listCalls()[0]).toEqual({ caseId: 'case-1', limit: '50' });
    await waitFor(() =>
      expect(screen.getByTestId('faults-case-tag')).toHaveTextContent('仅看案件：王五 · 城关镇人民路 18 号'),
    );
  });

  it('records a fault: required fields, the officer’s complaints to link, the API’s field errors', async () => {
    pages = { '': { items: [], nextCursor: null } };
    respond = () =>
      json(400, {
        title: '请求参数有误',
        status: 400,
        code: 'validation_failed',
        errors: { caseId: ['该案件不属于此执法人员所在的执法大队。'] },
      });
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByTestId('fault-record'));
    expect(await screen.findByTestId('fault-modal')).toHaveTextContent('记录后不能修改或删除');
    await user.click(screen.getByTestId('fault-submit'));
    expect(await screen.findByText('请填写执法人员')).toBeInTheDocument();
    expect(screen.getByText('请填写认定日期')).toBeInTheDocument();
    expect(screen.getByText('请填写过错事实')).toBeInTheDocument();
    expect(screen.getByText('请填写责任追究方式')).toBeInTheDocument();
    expect(screen.getByText('请填写追责决定文号')).toBeInTheDocument();
    expect(within(screen.getByTestId('fault-complaint')).getByRole('combobox')).toBeDisabled();

    await user.click(within(screen.getByTestId('fault-officer')).getByRole('combobox'));
    await user.click(await screen.findByText('李执法（ZF-o-1）', { selector: '.ant-select-item-option-content' }));
    await user.click(within(screen.getByTestId('fault-complaint')).getByRole('combobox'));
    await user.click(await screen.findByText('2026-12-02 王五（已受理）', { selector: '.ant-select-item-option-content' }));
    await user.click(within(screen.getByTestId('fault-case')).getByRole('combobox'));
    await user.click(await screen.findByText('王五 · 城关镇人民路 18 号', { selector: '.ant-select-item-option-content' }));
    await user.type(screen.getByTestId('fault-found-on'), '2026-12-05{Enter}');
    await user.type(screen.getByTestId('fault-fault'), '未出示执法证件');
    await user.click(within(screen.getByTestId('fault-liability-select')).getByRole('combobox'));
    await user.click(await screen.findByText('书面检查', { selector: '.ant-select-item-option-content' }));
    await user.type(screen.getByTestId('fault-document-no'), '清司追〔2026〕3号');
    await user.click(screen.getByTestId('fault-submit'));
    await waitFor(() => expect(field('fault-case')).toHaveTextContent('该案件不属于此执法人员所在的执法大队。'));
    expect(posts()).toEqual([
      {
        officerId: 'o-1',
        caseId: 'case-1',
        complaintId: 'cp-1',
        foundOn: '2026-12-05',
        fault: '未出示执法证件',
        liability: 'written_review',
        documentNo: '清司追〔2026〕3号',
      },
    ]);

    respond = () => json(201, faultRecord());
    pages = { '': { items: [faultRecord()], nextCursor: null } };
    await user.click(screen.getByTestId('fault-submit'));
    await waitFor(() => expect(screen.getAllByTestId('fault-row')).toHaveLength(1));
    expect(document.querySelector('.ant-message')).toHaveTextContent('已记录过错责任追究');
  });

  it('opened from a substantiated complaint, starts with its officer, case and complaint', async () => {
    pages = { '': { items: [], nextCursor: null } };
    renderPage(me(), '/enforcement/faults', { faultDraft: { officerId: 'o-1', caseId: 'case-1', complaintId: 'cp-1' } });
    const modal = await screen.findByTestId('fault-modal');
    await waitFor(() => expect(within(modal).getByTestId('fault-officer')).toHaveTextContent('李执法（ZF-o-1）'));
    await waitFor(() => expect(within(modal).getByTestId('fault-complaint')).toHaveTextContent('2026-12-02 王五'));
    expect(within(modal).getByTestId('fault-case')).toHaveTextContent('王五 · 城关镇人民路 18 号');
  });
});
