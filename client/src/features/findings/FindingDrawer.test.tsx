import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import type { Finding } from '../../lib/api/types';
import { renderRoutes } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { FindingDrawer } from './FindingDrawer';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const posted: Finding['thread'][number] = {
  at: '2026-12-01T02:00:00Z',
  actor: '杨杰',
  action: 'post',
  fromState: null,
  toState: 'open',
  note: '立案后超过 30 日未见调查取证记录。',
};

const finding = (patch: Partial<Finding> = {}): Finding => ({
  id: 'f-1',
  grantId: 'g-1',
  module: 'enforcement',
  moduleName: '综合行政执法',
  recordType: 'case',
  recordTypeName: '执法案件',
  recordId: 'case-1',
  kpiCode: null,
  kpiMonth: null,
  kpiRevision: null,
  regionName: '城关镇',
  severity: 'high',
  severityName: '严重',
  title: '调查取证滞后',
  state: 'open',
  stateName: '待答复',
  createdAt: '2026-12-01T02:00:00Z',
  createdBy: '杨杰',
  allowedActions: ['answer'],
  thread: [posted],
  version: 1,
  ...patch,
});

describe('a finding’s drawer', () => {
  let current = finding();
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = new URL(String(input), 'http://localhost');
    if (init?.method === 'POST' && url.pathname === '/api/v1/evaluation/findings/f-1/answer') {
      const { text } = JSON.parse(String(init.body)) as { text: string };
      current = finding({
        state: 'answered',
        allowedActions: [],
        version: 2,
        thread: [
          posted,
          {
            at: '2026-12-02T02:00:00Z',
            actor: '城关镇领导',
            action: 'answer',
            fromState: 'open',
            toState: 'answered',
            note: text,
          },
        ],
      });
      return json(200, current, { ETag: '"v2"' });
    }
    if (url.pathname === '/api/v1/evaluation/findings/f-1')
      return json(200, current, { ETag: `"v${current.version}"` });
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const render = () =>
    renderRoutes([{ path: '/findings', element: <FindingDrawer id="f-1" onClose={() => undefined} /> }], '/findings');

  it('shows the subject, the thread in words and only the allowed actions', async () => {
    current = finding();
    render();
    expect(await screen.findByTestId('finding-detail-state')).toHaveTextContent('待答复');
    expect(screen.getByTestId('finding-title')).toHaveTextContent('调查取证滞后');
    expect(screen.getByTestId('finding-subject')).toHaveAttribute('href', '/enforcement/cases/case-1');
    expect(screen.getAllByTestId('finding-event').map((e) => e.textContent)).toEqual([
      expect.stringContaining('提出意见待答复立案后超过 30 日未见调查取证记录。杨杰'),
    ]);
    expect(
      within(screen.getByTestId('finding-actions'))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['答复']);
  });

  it('answers with a required text, sent with If-Match; the thread grows', async () => {
    current = finding();
    const user = userEvent.setup();
    render();
    await user.click(await screen.findByTestId('finding-action-answer'));
    await user.click(await screen.findByTestId('finding-action-submit'));
    expect(await screen.findByText('请填写内容')).toBeInTheDocument();
    expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(0);

    await user.type(screen.getByTestId('finding-action-text'), ' 已督促补充调查取证。 ');
    await user.click(screen.getByTestId('finding-action-submit'));
    await waitFor(() => expect(screen.getByTestId('finding-detail-state')).toHaveTextContent('已答复'));
    const [, init] = fetchMock.mock.calls.find(([, i]) => i?.method === 'POST')!;
    expect(new Headers(init?.headers).get('If-Match')).toBe('"v1"');
    expect(JSON.parse(String(init?.body))).toEqual({ text: '已督促补充调查取证。' });
    expect(screen.getAllByTestId('finding-event').map((e) => e.dataset.action)).toEqual(['post', 'answer']);
    expect(screen.getByTestId('finding-no-actions')).toBeInTheDocument();
  });
});
