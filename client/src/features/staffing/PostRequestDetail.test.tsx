import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import type { PostRequest } from '../../lib/api/types';
import { renderRoutes } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { PostRequestDetailPage } from './PostRequestDetailPage';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

function request(overrides: Partial<PostRequest> = {}): PostRequest {
  return {
    id: 'r1',
    establishmentId: 'e1',
    unitId: 'u1',
    unitName: '县市场监督管理局',
    kind: 'administrative',
    kindName: '行政编制',
    funding: 'full',
    fundingName: '全额拨款',
    year: 2026,
    posts: 2,
    used: 0,
    entryKind: 'recruitment',
    entryKindName: '招录（聘）',
    reason: '补充执法人员',
    state: 'submitted',
    stateName: '待编办审批',
    events: [{ at: '2026-03-01T01:00:00Z', actor: '张三', action: 'submit', fromState: null, toState: 'submitted', note: null }],
    allowedActions: ['approve', 'reject'],
    createdAt: '2026-03-01T01:00:00Z',
    createdBy: '张三',
    version: 1,
    ...overrides,
  };
}

describe('a 编制使用申请', () => {
  let current = request();
  let actionResponse: () => Response;
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = String(input);
    if (url === '/api/v1/staffing/post-requests/r1' && (!init?.method || init.method === 'GET'))
      return json(200, current, { ETag: `"v${current.version}"` });
    if (url === '/api/v1/staffing/post-requests/r1/approve' && init?.method === 'POST') return actionResponse();
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const renderPage = () =>
    renderRoutes([{ path: '/staffing/requests/:id', element: <PostRequestDetailPage /> }], '/staffing/requests/r1');

  it('offers exactly the actions the API allows', async () => {
    current = request({ allowedActions: ['withdraw', 'something_new'] as never });
    renderPage();
    expect(await screen.findByTestId('request-withdraw')).toBeInTheDocument();
    expect(screen.queryByTestId('request-approve')).not.toBeInTheDocument();
    expect(screen.queryByTestId('request-something_new')).not.toBeInTheDocument();
  });

  it('approves with the note and If-Match, and shows the new state', async () => {
    current = request();
    actionResponse = () => {
      current = request({
        state: 'approved',
        stateName: '已批准',
        allowedActions: ['cancel'],
        version: 2,
        events: [...request().events, { at: '2026-03-02T01:00:00Z', actor: '王杰', action: 'approve', fromState: 'submitted', toState: 'approved', note: '同意' }],
      });
      return json(200, current, { ETag: '"v2"' });
    };
    renderPage();
    await userEvent.click(await screen.findByTestId('request-approve'));
    const modal = await screen.findByTestId('request-action-modal');
    await userEvent.type(within(modal).getByTestId('request-action-note'), '同意');
    await userEvent.click(within(modal).getByTestId('request-action-submit'));

    await waitFor(() => expect(screen.getByTestId('request-state')).toHaveTextContent('已批准'));
    const call = fetchMock.mock.calls.find(([u]) => String(u).endsWith('/approve'))!;
    expect(new Headers(call[1]!.headers).get('If-Match')).toBe('"v1"');
    expect(JSON.parse(String(call[1]!.body))).toEqual({ note: '同意' });
    expect(await screen.findByTestId('request-cancel')).toBeInTheDocument();
  });

  it('offers a reload when somebody changed the request meanwhile (412)', async () => {
    current = request();
    actionResponse = () => json(412, { title: '记录已被修改', status: 412, code: 'precondition_failed' });
    renderPage();
    await userEvent.click(await screen.findByTestId('request-approve'));
    const modal = await screen.findByTestId('request-action-modal');
    await userEvent.click(within(modal).getByTestId('request-action-submit'));
    expect(await within(modal).findByTestId('stale-record')).toBeInTheDocument();
    expect(within(modal).queryByTestId('problem-alert')).not.toBeInTheDocument();
  });
});
