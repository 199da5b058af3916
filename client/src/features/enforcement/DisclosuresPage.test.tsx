import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import type { Disclosure } from '../../lib/api/types';
import { renderRoutes } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { DisclosuresPage } from './DisclosuresPage';
import { disclosure, publishedDisclosure } from './disclosureTestData';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const overdue = disclosure({ id: 'd-overdue', late: true, decisionNo: '城关综执罚决〔2026〕3号' });
const published = publishedDisclosure({ id: 'd-pub', decisionNo: '城关综执罚决〔2026〕9号' });
const retracted = publishedDisclosure({
  id: 'd-ret',
  state: 'retracted',
  stateName: '已撤回',
  late: true,
  revokedOn: '2026-12-04',
  retractedOn: '2026-12-05',
  retractionDueOn: '2026-12-09',
  retractionReason: '经行政复议，原处罚决定被撤销',
  allowedActions: [],
});

describe('the 执法公示管理 page', () => {
  let pages: Record<string, { items: Disclosure[]; nextCursor: string | null }> = {};
  let single: Disclosure = disclosure();
  let respond: () => Response = () => json(500, {});
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = new URL(String(input), 'http://localhost');
    const path = url.pathname;
    if (init?.method === 'POST' && path.startsWith('/api/v1/enforcement/disclosures/')) return respond();
    if (path === '/api/v1/enforcement/disclosures') {
      return json(200, pages[url.searchParams.get('cursor') ?? ''] ?? { items: [], nextCursor: null });
    }
    if (path === `/api/v1/enforcement/disclosures/${single.id}`) {
      return json(200, single, { ETag: `"v${single.version}"` });
    }
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const listCalls = () =>
    fetchMock.mock.calls
      .map(([input, init]) => ({ url: new URL(String(input), 'http://localhost'), method: init?.method ?? 'GET' }))
      .filter((c) => c.url.pathname === '/api/v1/enforcement/disclosures' && c.method === 'GET')
      .map((c) => Object.fromEntries(c.url.searchParams));

  const posts = () =>
    fetchMock.mock.calls
      .filter(([, init]) => init?.method === 'POST')
      .map(([input, init]) => ({
        url: String(input),
        ifMatch: new Headers(init?.headers).get('If-Match'),
        body: JSON.parse(String(init?.body)) as Record<string, unknown>,
      }));

  const field = (testId: string) => screen.getByTestId(testId).closest('.ant-form-item') as HTMLElement;

  const renderPage = (path = '/enforcement/disclosures') =>
    renderRoutes(
      [
        { path: '/enforcement/disclosures', element: <DisclosuresPage /> },
        { path: '/enforcement/cases/:id', element: <div data-testid="case-page" /> },
      ],
      path,
    );

  it('shows each disclosure with its state, lateness, number, case, party and days; buttons as allowed', async () => {
    pages = { '': { items: [overdue, published, retracted], nextCursor: null } };
    renderPage();
    const rows = await screen.findAllByTestId('disclosure-row');
    expect(rows.map((r) => r.dataset.id)).toEqual(['d-overdue', 'd-pub', 'd-ret']);

    const first = within(rows[0]!);
    expect(first.getByTestId('disclosure-row-state')).toHaveTextContent('待公示');
    expect(first.getByTestId('disclosure-row-lateness')).toHaveTextContent('逾期未公示');
    expect(first.getByTestId('disclosure-row-no')).toHaveTextContent('城关综执罚决〔2026〕3号');
    expect(first.getByTestId('disclosure-case-link')).toHaveAttribute('href', '/enforcement/cases/case-1');
    expect(first.getByTestId('disclosure-row-due')).toHaveTextContent('2026-12-10');
    expect(first.getByTestId('disclosure-row-published')).toHaveTextContent('未公示');
    expect(first.getByText('公示时生成')).toBeInTheDocument();
    expect(first.getAllByRole('button').map((b) => b.dataset.testid)).toEqual(['disclosure-action-publish']);

    const second = within(rows[1]!);
    expect(second.getByTestId('disclosure-row-state')).toHaveTextContent('已公示');
    expect(second.queryByTestId('disclosure-row-lateness')).not.toBeInTheDocument();
    expect(second.getByTestId('disclosure-row-party')).toHaveTextContent('王*');
    expect(second.getByTestId('disclosure-row-published')).toHaveTextContent('2026-12-03');
    expect(second.getByTestId('disclosure-action-retract')).toHaveTextContent('撤回公示');

    const third = within(rows[2]!);
    expect(third.getByTestId('disclosure-row-lateness')).toHaveTextContent('逾期公示');
    expect(third.getByTestId('disclosure-row-retraction')).toHaveTextContent(
      '2026-12-05 撤回：经行政复议，原处罚决定被撤销',
    );
    expect(third.getByTestId('disclosure-row-retraction')).toHaveTextContent('撤回期限 2026-12-09');
    expect(third.queryAllByRole('button')).toHaveLength(0);
  });

  it('offers only the actions the API allows (unknown names left out)', async () => {
    pages = { '': { items: [disclosure({ allowedActions: ['teleport', 'retract', 'publish'] })], nextCursor: null } };
    renderPage();
    const row = await screen.findByTestId('disclosure-row');
    expect(within(row).getAllByRole('button').map((b) => b.dataset.testid)).toEqual([
      'disclosure-action-publish',
      'disclosure-action-retract',
    ]);
  });

  it('filters by state and 逾期 in the query string and pages on with the cursor', async () => {
    pages = { '': { items: [overdue], nextCursor: 'next-1' }, 'next-1': { items: [published], nextCursor: null } };
    const user = userEvent.setup();
    const { router } = renderPage('/enforcement/disclosures?state=bogus&late=yes');
    await screen.findAllByTestId('disclosure-row');
    // an unknown state and a `late` that is not `true` are dropped
    expect(listCalls()[0]).toEqual({ limit: '50' });

    await user.click(screen.getByTestId('load-more'));
    await waitFor(() => expect(screen.getAllByTestId('disclosure-row')).toHaveLength(2));
    expect(listCalls().at(-1)).toEqual({ cursor: 'next-1', limit: '50' });

    await user.click(screen.getByTestId('disclosures-late'));
    await waitFor(() => expect(listCalls().at(-1)).toEqual({ late: 'true', limit: '50' }));
    await user.click(within(screen.getByTestId('disclosures-state')).getByRole('combobox'));
    await user.click(await screen.findByText('已公示', { selector: '.ant-select-item-option-content' }));
    await waitFor(() => expect(listCalls().at(-1)).toEqual({ late: 'true', state: 'published', limit: '50' }));
    expect(new URLSearchParams(router.state.location.search).get('late')).toBe('true');
  });

  it('publishes with If-Match and refreshes the list', async () => {
    pages = { '': { items: [disclosure()], nextCursor: null } };
    respond = () => json(200, publishedDisclosure(), { ETag: '"v2"' });
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByTestId('disclosure-action-publish'));
    const modal = await screen.findByTestId('disclosure-action-modal');
    expect(modal).toHaveTextContent('张**');
    expect(within(modal).queryByTestId('disclosure-reason')).not.toBeInTheDocument();
    await user.type(screen.getByTestId('disclosure-note'), ' 按期公示 ');
    pages = { '': { items: [publishedDisclosure()], nextCursor: null } };
    await user.click(screen.getByTestId('disclosure-action-submit'));

    await waitFor(() => expect(screen.getByTestId('disclosure-row-state')).toHaveTextContent('已公示'));
    expect(posts()).toEqual([
      {
        url: '/api/v1/enforcement/disclosures/d-1/publish',
        ifMatch: '"v1"',
        body: { revokedOn: null, reason: null, note: '按期公示' },
      },
    ]);
    await waitFor(() => expect(document.querySelector('.ant-message')).toHaveTextContent('已公示'));
    expect(listCalls()).toHaveLength(2);
  });

  it('retracts only with the day and a public reason; a 409 in the server’s words, with what is possible', async () => {
    pages = { '': { items: [publishedDisclosure()], nextCursor: null } };
    respond = () =>
      json(409, {
        title: '状态冲突',
        status: 409,
        detail: '当前状态（已撤回）不能进行此操作。',
        code: 'disclosures.invalid_transition',
        state: 'retracted',
        allowedActions: [],
      });
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByTestId('disclosure-action-retract'));
    await user.click(await screen.findByTestId('disclosure-action-submit'));
    expect(await screen.findByText('请填写决定被撤销或变更的日期')).toBeInTheDocument();
    expect(screen.getByText('请填写撤回理由（公开）')).toBeInTheDocument();
    expect(posts()).toHaveLength(0);

    await user.type(screen.getByTestId('disclosure-revoked-on'), '2026-12-04{Enter}');
    await user.type(screen.getByTestId('disclosure-reason'), '经行政复议，原处罚决定被撤销');
    await user.click(screen.getByTestId('disclosure-action-submit'));
    expect(await screen.findByTestId('problem-alert')).toHaveTextContent('当前状态（已撤回）不能进行此操作。');
    expect(screen.getByTestId('disclosure-moved')).toHaveTextContent('该公示已变化，当前可办理：当前无可办理事项');
    expect(posts()).toEqual([
      {
        url: '/api/v1/enforcement/disclosures/d-1/retract',
        ifMatch: '"v2"',
        body: { revokedOn: '2026-12-04', reason: '经行政复议，原处罚决定被撤销', note: null },
      },
    ]);
  });

  it('puts a 400’s field error under its field (the day of revocation)', async () => {
    pages = { '': { items: [publishedDisclosure()], nextCursor: null } };
    respond = () =>
      json(400, {
        title: '请求参数有误',
        status: 400,
        code: 'validation_failed',
        errors: { revokedOn: ['日期须在决定之日与今天之间。'] },
      });
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByTestId('disclosure-action-retract'));
    await user.type(await screen.findByTestId('disclosure-revoked-on'), '2026-12-04{Enter}');
    await user.type(screen.getByTestId('disclosure-reason'), '决定被变更');
    await user.click(screen.getByTestId('disclosure-action-submit'));
    await waitFor(() => expect(field('disclosure-revoked-on')).toHaveTextContent('日期须在决定之日与今天之间。'));
    expect(screen.queryByTestId('problem-alert')).not.toBeInTheDocument();
  });

  it('after a 412 reloads the disclosure and sends again with its new ETag, keeping what was typed', async () => {
    pages = { '': { items: [disclosure()], nextCursor: null } };
    single = disclosure({ version: 3 });
    respond = () => json(412, { title: '记录已被修改', status: 412, code: 'precondition_failed' });
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByTestId('disclosure-action-publish'));
    await user.type(await screen.findByTestId('disclosure-note'), '补充说明');
    await user.click(screen.getByTestId('disclosure-action-submit'));
    await user.click(await screen.findByTestId('stale-reload'));
    await waitFor(() => expect(screen.queryByTestId('stale-record')).not.toBeInTheDocument());

    respond = () => json(200, publishedDisclosure({ version: 4 }), { ETag: '"v4"' });
    expect(screen.getByTestId('disclosure-note')).toHaveValue('补充说明');
    await user.click(screen.getByTestId('disclosure-action-submit'));
    await waitFor(() => expect(screen.queryByTestId('disclosure-action-modal')).not.toBeInTheDocument());
    expect(posts().map((p) => p.ifMatch)).toEqual(['"v1"', '"v3"']);
  });
});
