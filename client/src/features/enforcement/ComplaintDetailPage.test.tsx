import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import '../../lib/i18n';
import type { Complaint, Me } from '../../lib/api/types';
import { CurrentUserContext } from '../../lib/auth/useAuth';
import { renderRoutes } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { ComplaintDetailPage } from './ComplaintDetailPage';
import { complaint, handledComplaint, me, townshipLeader } from './supervisionTestData';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

function FaultsProbe() {
  const location = useLocation();
  return <pre data-testid="faults-page">{JSON.stringify(location.state)}</pre>;
}

describe('a complaint’s page', () => {
  let current: Complaint = complaint();
  let respond: () => Response = () => json(500, {});
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = new URL(String(input), 'http://localhost');
    if (init?.method === 'POST' && url.pathname === '/api/v1/enforcement/complaints/cp-1/handle') return respond();
    if (url.pathname === '/api/v1/enforcement/complaints/cp-1') {
      return json(200, current, { ETag: `"v${current.version}"` });
    }
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const posts = () =>
    fetchMock.mock.calls
      .filter(([, init]) => init?.method === 'POST')
      .map(([input, init]) => ({
        url: String(input),
        ifMatch: new Headers(init?.headers).get('If-Match'),
        body: JSON.parse(String(init?.body)) as Record<string, unknown>,
      }));

  const renderPage = (user: Me = me()) =>
    renderRoutes(
      [
        {
          path: '/enforcement/complaints/:id',
          element: (
            <CurrentUserContext.Provider value={user}>
              <ComplaintDetailPage />
            </CurrentUserContext.Provider>
          ),
        },
        { path: '/enforcement/faults', element: <FaultsProbe /> },
      ],
      '/enforcement/complaints/cp-1',
    );

  it('shows the complaint, its target and its course; 办结 as the API allows', async () => {
    current = complaint();
    renderPage();
    expect(await screen.findByTestId('complaint-title')).toHaveTextContent('王五');
    expect(screen.getByTestId('complaint-state')).toHaveTextContent('已受理');
    expect(screen.getByTestId('complaint-case-link')).toHaveAttribute('href', '/enforcement/cases/case-1');
    expect(screen.getByTestId('complaint-officer-link')).toHaveTextContent('李执法');
    expect(screen.getByTestId('complaint-content-shown')).toHaveTextContent('未出示执法证件');
    expect(screen.getByTestId('complaint-handling')).toHaveTextContent('尚未办结');
    expect(screen.getByTestId('complaint-team-shown')).toHaveTextContent('城关镇综合行政执法大队');
    expect(screen.getAllByTestId('complaint-event').map((e) => e.dataset.action)).toEqual(['receive']);
    expect(within(screen.getByTestId('complaint-actions')).getAllByRole('button').map((b) => b.dataset.testid)).toEqual([
      'complaint-action-handle',
    ]);
  });

  it('explains why there is nothing to do: read only for the township, concluded once handled', async () => {
    current = complaint({ allowedActions: [] });
    const { unmount } = renderPage(townshipLeader);
    expect(await screen.findByTestId('complaint-no-actions')).toHaveTextContent('投诉由执法监督人员');
    unmount();

    current = handledComplaint();
    renderPage();
    expect(await screen.findByTestId('complaint-no-actions')).toHaveTextContent('投诉已于 2026-12-04 办结。');
    expect(screen.getByTestId('complaint-result-shown')).toHaveTextContent('已批评教育');
  });

  it('shows the complaint’s timeline as the API sends it: 受理 then 办结, with who, when and the note', async () => {
    current = handledComplaint();
    renderPage();
    const timeline = await screen.findByTestId('complaint-timeline');
    const events = within(timeline).getAllByTestId('complaint-event');
    expect(events.map((e) => e.dataset.action)).toEqual(['receive', 'handle']);
    expect(events[0]).toHaveTextContent('受理');
    expect(within(events[0]!).getByTestId('complaint-event-state')).toHaveTextContent('已受理');
    expect(within(events[0]!).getByTestId('complaint-event-actor')).toHaveTextContent('县司法局 张监督');
    expect(within(events[0]!).queryByTestId('complaint-event-note')).not.toBeInTheDocument();
    expect(events[1]).toHaveTextContent('办结');
    expect(within(events[1]!).getByTestId('complaint-event-state')).toHaveTextContent('已办结');
    expect(within(events[1]!).getByTestId('complaint-event-note')).toHaveTextContent(
      '部分属实：经核查，未出示执法证件属实，已批评教育',
    );
  });

  it('links to the complaint’s fault-liability records', async () => {
    current = complaint();
    renderPage(townshipLeader);
    expect(await screen.findByTestId('complaint-faults-link')).toHaveAttribute(
      'href',
      '/enforcement/faults?complaintId=cp-1',
    );
  });

  it('concludes with a finding and a result (both required), posted with If-Match', async () => {
    current = complaint();
    respond = () => json(200, handledComplaint(), { ETag: '"v2"' });
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByTestId('complaint-action-handle'));
    await user.click(await screen.findByTestId('complaint-handle-submit'));
    expect(await screen.findByText('请填写核查结论')).toBeInTheDocument();
    expect(screen.getByText('请填写处理结果')).toBeInTheDocument();
    expect(posts()).toHaveLength(0);

    await user.click(screen.getByText('部分属实'));
    await user.type(screen.getByTestId('complaint-result'), '已批评教育');
    await user.click(screen.getByTestId('complaint-handle-submit'));
    await waitFor(() => expect(screen.queryByTestId('complaint-handle-modal')).not.toBeInTheDocument());
    expect(posts()).toEqual([
      {
        url: '/api/v1/enforcement/complaints/cp-1/handle',
        ifMatch: '"v1"',
        body: { finding: 'partly', result: '已批评教育', note: null },
      },
    ]);
    expect(await screen.findByTestId('complaint-no-actions')).toHaveTextContent('办结');
    expect(screen.getByTestId('complaint-state')).toHaveTextContent('已办结');
  });

  it('after a 412 reloads the complaint and sends again with its new ETag; a 409 shows what is possible now', async () => {
    current = complaint();
    respond = () => json(412, { title: '记录已被修改', status: 412, code: 'precondition_failed' });
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByTestId('complaint-action-handle'));
    await user.click(await screen.findByText('属实'));
    await user.type(screen.getByTestId('complaint-result'), '属实，移送追责');
    await user.click(screen.getByTestId('complaint-handle-submit'));
    expect(await screen.findByTestId('stale-record')).toHaveTextContent('记录已被他人修改');
    current = complaint({ version: 3 });
    await user.click(screen.getByTestId('stale-reload'));
    await waitFor(() => expect(screen.queryByTestId('stale-record')).not.toBeInTheDocument());

    respond = () =>
      json(409, {
        title: '状态冲突',
        status: 409,
        detail: '当前状态（已办结）不能进行此操作。',
        code: 'complaints.invalid_transition',
        allowedActions: [],
      });
    expect(screen.getByTestId('complaint-result')).toHaveValue('属实，移送追责');
    await user.click(screen.getByTestId('complaint-handle-submit'));
    expect(await screen.findByTestId('problem-alert')).toHaveTextContent('当前状态（已办结）不能进行此操作。');
    expect(screen.getByTestId('complaint-moved')).toHaveTextContent('该投诉已变化，当前可办理：当前无可办理事项');
    expect(posts().map((p) => p.ifMatch)).toEqual(['"v1"', '"v3"']);
  });

  it('leads from a substantiated complaint to recording the officer’s fault liability (supervisors only)', async () => {
    current = handledComplaint({ finding: 'substantiated' });
    const user = userEvent.setup();
    const { unmount } = renderPage(townshipLeader);
    await screen.findByTestId('complaint-no-actions');
    expect(screen.queryByTestId('complaint-record-fault')).not.toBeInTheDocument();
    unmount();

    renderPage();
    await user.click(await screen.findByTestId('complaint-record-fault'));
    expect(JSON.parse(screen.getByTestId('faults-page').textContent ?? '')).toEqual({
      faultDraft: { officerId: 'o-1', caseId: 'case-1', complaintId: 'cp-1' },
    });
  });
});
