import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import { setLanguage } from '../../lib/i18n';
import { renderRoutes, renderWithProviders } from '../../test/render';
import type { AdmissionAction, Me, Permission } from '../../lib/api/types';
import { CurrentUserContext } from '../../lib/auth/useAuth';
import { AdmissionActionModal, AdmissionActions, AdmissionDetailPage } from './AdmissionDetailPage';
import { actionNeedsComment, actionNeedsDecisionNo, allowedActionsOf, visibleActions } from './admissionModel';
import { admission } from './testData';
import { json, fetchMockInEachTest } from '../../test/fetch';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

describe('admission actions from allowedActions', () => {
  it('shows exactly the allowed actions, in a stable order, ignoring unknown names', () => {
    expect(visibleActions(admission({ allowedActions: [] }))).toEqual([]);
    expect(visibleActions(admission({ allowedActions: ['return', 'forward'] }))).toEqual(['forward', 'return']);
    expect(
      visibleActions({ allowedActions: ['reject', 'approve', 'delete'] as unknown as AdmissionAction[] }),
    ).toEqual(['approve', 'reject']);
  });

  it('knows what each action needs', () => {
    expect(actionNeedsComment('return')).toBe(true);
    expect(actionNeedsComment('reject')).toBe(true);
    expect(actionNeedsComment('forward')).toBe(false);
    expect(actionNeedsDecisionNo('approve', { mode: 'granted' })).toBe(true);
    expect(actionNeedsDecisionNo('approve', { mode: 'statutory' })).toBe(false);
    expect(actionNeedsDecisionNo('forward', { mode: 'granted' })).toBe(false);
    expect(allowedActionsOf({ allowedActions: ['approve', 'x'] })).toEqual(['approve']);
    expect(allowedActionsOf({})).toEqual([]);
  });

  it('renders one button per allowed action and none for an onlooker', async () => {
    await setLanguage('zh-CN');
    const onAction = vi.fn();
    const { unmount } = renderWithProviders(
      <AdmissionActions admission={admission({ allowedActions: ['return', 'forward'] })} onAction={onAction} />,
    );
    expect(screen.getByTestId('admission-action-forward')).toHaveTextContent('转县领导决定');
    expect(screen.getByTestId('admission-action-return')).toHaveTextContent('退回补充');
    expect(screen.queryByTestId('admission-action-approve')).toBeNull();
    await userEvent.setup().click(screen.getByTestId('admission-action-forward'));
    expect(onAction).toHaveBeenCalledWith('forward');
    unmount();

    renderWithProviders(<AdmissionActions admission={admission({ allowedActions: [] })} onAction={onAction} />);
    expect(screen.queryByTestId(/admission-action-/)).toBeNull();
  });
});

describe('admission action modal', () => {
  let respond: () => Response;
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = String(input);
    if (url.startsWith('/api/v1/power-lists/admissions/adm-1/') && init?.method === 'POST') return respond();
    return json(404, { title: '未找到', status: 404 });
  });

  fetchMockInEachTest(fetchMock);

  function renderModal(action: AdmissionAction, mode: 'statutory' | 'granted' = 'statutory') {
    const onDone = vi.fn();
    const onReload = vi.fn(async () => undefined);
    renderWithProviders(
      <AdmissionActionModal
        admission={admission({ mode, allowedActions: [action] })}
        action={action}
        etag={'"v1"'}
        onClose={() => undefined}
        onDone={onDone}
        onReload={onReload}
      />,
    );
    return { onDone, onReload };
  }

  it('requires a comment (意见) to return and sends it as note with If-Match', async () => {
    respond = () => json(200, admission({ state: 'returned', version: 2 }), { ETag: '"v2"' });
    const { onDone } = renderModal('return');
    const user = userEvent.setup();
    expect(screen.queryByTestId('admission-action-decision-no')).toBeNull();
    await user.click(await screen.findByTestId('admission-action-submit'));
    expect(await screen.findByText('请填写意见')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();

    await user.type(screen.getByTestId('admission-action-comment'), '请补充经费测算');
    await user.click(screen.getByTestId('admission-action-submit'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(String(url)).toBe('/api/v1/power-lists/admissions/adm-1/return');
    expect(new Headers(init?.headers).get('If-Match')).toBe('"v1"');
    expect(JSON.parse(String(init?.body))).toEqual({ note: '请补充经费测算', decisionNo: null });
  });

  it('shows the API\'s error about the note under the 意见 field', async () => {
    respond = () => json(400, { title: '请求参数有误', status: 400, errors: { note: ['意见不能超过 2000 个字符。'] } });
    const { onDone } = renderModal('forward');
    const user = userEvent.setup();
    await user.type(await screen.findByTestId('admission-action-comment'), '同意');
    await user.click(screen.getByTestId('admission-action-submit'));
    expect(await screen.findByText('意见不能超过 2000 个字符。')).toBeInTheDocument();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('asks for the decision number when approving a granted duty', async () => {
    respond = () => json(200, admission({ state: 'approved', version: 2 }));
    const { onDone } = renderModal('approve', 'granted');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('admission-action-submit'));
    expect(await screen.findByText('赋权事项批准须填写决定文号')).toBeInTheDocument();
    await user.type(screen.getByTestId('admission-action-decision-no'), '清河政复〔2026〕9号');
    await user.click(screen.getByTestId('admission-action-submit'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(JSON.parse(String(fetchMock.mock.calls[0]![1]?.body))).toEqual({ note: null, decisionNo: '清河政复〔2026〕9号' });
  });

  it('needs nothing to forward a statutory request', async () => {
    respond = () => json(200, admission({ state: 'under_decision', version: 2 }));
    renderModal('forward');
    expect(screen.queryByTestId('admission-action-decision-no')).toBeNull();
  });

  it('shows the stale-record warning with a reload button on 412', async () => {
    respond = () =>
      json(412, { title: '记录已被他人修改', status: 412, detail: '记录已被他人修改，请刷新后重试。', code: 'precondition_failed' });
    const { onReload, onDone } = renderModal('forward');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('admission-action-submit'));
    expect(await screen.findByTestId('stale-record')).toHaveTextContent('记录已被他人修改，请刷新后重试');
    await user.click(screen.getByTestId('stale-reload'));
    expect(onReload).toHaveBeenCalled();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('says what may be done now after a 409 invalid transition', async () => {
    respond = () =>
      json(409, {
        title: '状态已变化',
        status: 409,
        detail: '该申请当前状态不允许此操作。',
        code: 'admissions.invalid_transition',
        allowedActions: ['approve', 'reject'],
      });
    renderModal('forward');
    await userEvent.setup().click(await screen.findByTestId('admission-action-submit'));
    expect(await screen.findByTestId('admission-moved')).toHaveTextContent('批准、不予批准');
  });
});

describe('admission timeline and 意见', () => {
  const commented = admission({
    version: 2,
    events: [
      ...admission().events,
      { at: '2026-11-23T02:00:00+00:00', actor: '编办 李审核', action: 'comment', fromState: 'submitted', toState: 'submitted', note: '请补充编制测算' },
    ],
  });
  let current = admission();
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = String(input);
    if (url === '/api/v1/power-lists/admissions/adm-1' && (init?.method ?? 'GET') === 'GET') return json(200, current, { ETag: `"v${current.version}"` });
    if (url === '/api/v1/power-lists/admissions/adm-1/comments' && init?.method === 'POST') {
      current = commented;
      return json(200, current, { ETag: '"v2"' });
    }
    return json(404, { title: '未找到', status: 404 });
  });

  fetchMockInEachTest(fetchMock);

  const renderPage = (permissions: Permission[]) => {
    const me: Me = {
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
      permissions,
    };
    const page = (
      <CurrentUserContext.Provider value={me}>
        <AdmissionDetailPage />
      </CurrentUserContext.Provider>
    );
    return renderRoutes([{ path: '/power-lists/admissions/:id', element: page }], '/power-lists/admissions/adm-1');
  };

  it('sends a comment as note and shows the notes of the timeline', async () => {
    current = admission();
    renderPage(['admissions.comment']);
    const user = userEvent.setup();
    await user.type(await screen.findByTestId('admission-comment', {}, { timeout: 8_000 }), '  请补充编制测算 ');
    await user.click(screen.getByTestId('admission-comment-submit'));

    expect(await screen.findByTestId('admission-event-note')).toHaveTextContent('请补充编制测算');
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect(String(post[0])).toBe('/api/v1/power-lists/admissions/adm-1/comments');
    expect(JSON.parse(String(post[1]?.body))).toEqual({ note: '请补充编制测算' });
    expect(screen.getAllByTestId('admission-event').map((e) => e.getAttribute('data-action'))).toEqual(['submit', 'comment']);
  });

  it('offers no comment box to a role that may not comment', async () => {
    current = commented;
    renderPage(['audit.read']);
    expect(await screen.findByTestId('admission-event-note', {}, { timeout: 8_000 })).toHaveTextContent('请补充编制测算');
    expect(screen.queryByTestId('admission-comment-box')).toBeNull();
  });
});
