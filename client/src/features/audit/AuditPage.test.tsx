import { describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setLanguage } from '../../lib/i18n';
import type { AuditCodes, AuditEntry } from '../../lib/api/types';
import { renderRoutes } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { AuditPage } from './AuditPage';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const codes: AuditCodes = {
  modules: [
    { code: 'organization', module: 'organization', zh: '组织与账户', en: 'Organisation and accounts' },
    { code: 'calendar', module: 'calendar', zh: '工作日历', en: 'Working calendar' },
  ],
  actions: [
    { code: 'auth.login', module: 'organization', zh: '登录', en: 'Signed in' },
    { code: 'calendar.day_marked', module: 'calendar', zh: '设置节假日或调休', en: 'Day marked' },
  ],
  recordTypes: [
    { code: 'user', module: 'organization', zh: '用户', en: 'User' },
    { code: 'calendar_day', module: 'calendar', zh: '日历日期', en: 'Calendar day' },
  ],
};

const entry = (patch: Partial<AuditEntry>): AuditEntry => ({
  id: 'e-1',
  seq: 1,
  occurredAt: '2026-12-01T02:00:00Z',
  actorId: 'u-1',
  actorName: 't01_leader',
  actorDisplayName: '王建国',
  actorUnit: '党政办公室',
  actorKind: 'user',
  action: 'auth.login',
  recordType: 'user',
  recordId: 'u-1',
  regionName: '城关镇',
  outcome: 'success',
  before: null,
  after: null,
  ip: '10.0.0.1',
  userAgent: 'county-browser/1.0',
  ...patch,
});

const entries = [
  entry({}),
  entry({
    id: 'e-2',
    seq: 2,
    action: 'calendar.day_marked',
    recordType: 'calendar_day',
    recordId: '2027-03-10',
    before: { kind: 'work', name: '调休' },
    after: { kind: 'off', name: '调休', note: '新增' },
  }),
  entry({ id: 'e-3', seq: 3, action: 'mystery.code_nobody_labelled', recordType: 'mystery_type' }),
];

describe('the audit page', () => {
  const fetchMock = vi.fn(async (...[input]: FetchArgs) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/v1/audit/codes') return json(200, codes);
    if (url.pathname === '/api/v1/audit/entries') return json(200, { items: entries, nextCursor: null });
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const render = (path = '/audit') => renderRoutes([{ path: '/audit', element: <AuditPage /> }], path);
  const column = (testId: string) => screen.getAllByTestId(testId).map((e) => e.textContent);

  it('shows actions and record types in words, people by name and unit, and an unknown code as itself', async () => {
    render();
    await waitFor(() =>
      expect(column('audit-action')).toEqual(['登录', '设置节假日或调休', 'mystery.code_nobody_labelled']),
    );
    expect(column('audit-record-type')).toEqual(['用户', '日历日期', 'mystery_type']);
    expect(column('audit-actor')[0]).toBe('王建国党政办公室');
    expect(screen.getAllByTestId('audit-action')[0]).toHaveAttribute('title', 'auth.login');
  });

  it('labels in English in English mode', async () => {
    await act(() => setLanguage('en'));
    render();
    await waitFor(() => expect(column('audit-action').slice(0, 2)).toEqual(['Signed in', 'Day marked']));
    await act(() => setLanguage('zh-CN'));
  });

  it('filters by an action chosen from a searchable list, and the export links carry the filters', async () => {
    const user = userEvent.setup();
    render();
    await waitFor(() => expect(column('audit-action')).toHaveLength(3));
    const select = screen.getByTestId('audit-filter-action');
    await user.click(within(select).getByRole('combobox'));
    await user.type(within(select).getByRole('combobox'), '节假日');
    await user.click(await screen.findByTitle('设置节假日或调休'));
    await user.click(screen.getByTestId('audit-search'));
    await waitFor(() =>
      expect(fetchMock.mock.calls.map(([u]) => String(u))).toContainEqual(
        expect.stringContaining('action=calendar.day_marked'),
      ),
    );
    expect(screen.getByTestId('audit-export-csv').getAttribute('href')).toMatch(
      /format=csv.*action=calendar\.day_marked/,
    );
    expect(screen.getByTestId('audit-export-xlsx').getAttribute('href')).toMatch(/format=xlsx/);
  });

  it('opens an entry in a drawer with before and after compared field by field', async () => {
    const user = userEvent.setup();
    render();
    const [, marked] = await screen.findAllByTestId('audit-action');
    await user.click(marked!);
    const drawer = await screen.findByTestId('audit-detail');
    expect(drawer).toHaveTextContent('王建国t01_leader');
    const rows = screen.getAllByTestId('diff-row');
    expect(rows.map((r) => [r.dataset.field, r.dataset.changed])).toEqual([
      ['kind', 'true'],
      ['name', 'false'],
      ['note', 'true'],
    ]);
    expect(rows[1]).toHaveTextContent('名称');
    await user.click(screen.getByText('查看原始 JSON'));
    expect(await screen.findByTestId('audit-after')).toHaveTextContent('"note": "新增"');
  });
});
