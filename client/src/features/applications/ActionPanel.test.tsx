import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import { renderWithProviders } from '../../test/render';
import type { Application } from '../../lib/api/types';
import { ActionPanel } from './ActionPanel';
import { application } from '../../test/fixtures';
import { json, fetchMockInEachTest } from '../../test/fetch';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

describe('the action panel of an application', () => {
  let respond: () => Response;
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = String(input);
    if (url.startsWith('/api/v1/service-centre/applications/app-1/') && init?.method === 'POST') return respond();
    return json(404, { title: '未找到', status: 404 });
  });

  fetchMockInEachTest(fetchMock);

  function renderPanel(overrides: Partial<Application> = {}) {
    const onChanged = vi.fn();
    const onReload = vi.fn(async () => undefined);
    renderWithProviders(
      <ActionPanel application={application(overrides)} etag={'"v1"'} onChanged={onChanged} onReload={onReload} showNone />,
    );
    return { onChanged, onReload };
  }

  const sent = (n = 0) => {
    const [url, init] = fetchMock.mock.calls[n]!;
    return { url: String(url), ifMatch: new Headers(init?.headers).get('If-Match'), body: JSON.parse(String(init?.body)) as unknown };
  };

  it('shows one big button per allowed action and nothing else', () => {
    renderPanel({ allowedActions: ['forward', 'refuse', 'complete', 'accept'] });
    const buttons = within(screen.getByTestId('application-actions')).getAllByRole('button');
    expect(buttons.map((b) => b.getAttribute('data-testid'))).toEqual([
      'application-action-accept',
      'application-action-complete',
      'application-action-forward',
      'application-action-refuse',
    ]);
    expect(screen.getByTestId('application-action-accept')).toHaveTextContent('受理');
    expect(screen.getByTestId('application-action-accept')).toHaveClass('ant-btn-lg');
    expect(screen.queryByTestId('application-action-deliver')).toBeNull();
  });

  it('says so when there is nothing to do', () => {
    renderPanel({ allowedActions: [] });
    expect(screen.getByTestId('application-no-actions')).toHaveTextContent('当前无需您办理');
    expect(screen.queryByTestId(/application-action-/)).toBeNull();
  });

  it('accepts with one click, sending If-Match', async () => {
    respond = () => json(200, application({ state: 'accepted', version: 2, allowedActions: ['suspend', 'complete'] }), { ETag: '"v2"' });
    const { onChanged } = renderPanel();
    await userEvent.setup().click(screen.getByTestId('application-action-accept'));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(sent()).toEqual({
      url: '/api/v1/service-centre/applications/app-1/accept',
      ifMatch: '"v1"',
      body: { note: null, outcome: null, deliveryMethod: null, trackingNumber: null, visit: null },
    });
    expect(onChanged.mock.calls[0]![0]).toMatchObject({ state: 'accepted', version: 2 });
    expect(onChanged.mock.calls[0]![1]).toBe('"v2"');
    expect(screen.queryByTestId('application-action-modal')).toBeNull();
  });

  it('asks for the reason before refusing', async () => {
    respond = () => json(200, application({ state: 'refused', version: 2, allowedActions: [] }));
    const { onChanged } = renderPanel();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('application-action-refuse'));
    await user.click(await screen.findByTestId('application-action-submit'));
    expect(await screen.findByText('不予受理须说明理由')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();

    await user.type(screen.getByTestId('action-note'), '不属于本中心受理范围');
    await user.click(screen.getByTestId('application-action-submit'));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(sent().url).toBe('/api/v1/service-centre/applications/app-1/refuse');
    expect(sent().body).toMatchObject({ note: '不属于本中心受理范围', outcome: null });
  });

  it('asks for 补正 by ticking the missing materials of the checklist (or by a note)', async () => {
    respond = () => json(200, application({ state: 'suspended', version: 3, allowedActions: ['resume'] }));
    const { onChanged } = renderPanel({
      state: 'accepted',
      allowedActions: ['suspend', 'complete'],
      materials: [
        { name: '申请人身份证', form: 'both', copies: 1, required: true, status: 'received', receivedForm: 'original' },
        { name: '户口簿', form: 'copy', copies: 2, required: true, status: 'missing', receivedForm: null },
      ],
    });
    const user = userEvent.setup();
    await user.click(screen.getByTestId('application-action-suspend'));
    const offered = await screen.findAllByTestId('action-missing-material');
    expect(offered.map((o) => o.textContent)).toEqual(['户口簿（必要）']);
    await user.click(screen.getByTestId('application-action-submit'));
    expect(await screen.findByText('请勾选或写明需要补正的材料')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();

    await user.click(offered[0]!);
    await user.click(screen.getByTestId('application-action-submit'));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(sent().body).toMatchObject({ note: null, missingMaterials: ['户口簿'] });
  });

  it('completes as 准予 by default, or 不予 when chosen', async () => {
    respond = () => json(200, application({ state: 'completed', version: 2, allowedActions: ['deliver'] }));
    const { onChanged } = renderPanel({ state: 'accepted', allowedActions: ['complete', 'suspend'] });
    const user = userEvent.setup();
    await user.click(screen.getByTestId('application-action-complete'));
    await user.click(await screen.findByTestId('action-outcome-rejected'));
    await user.click(screen.getByTestId('application-action-submit'));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(sent().body).toEqual({ note: null, outcome: 'rejected', deliveryMethod: null, trackingNumber: null, visit: null });
  });

  it('needs a tracking number to post, and shows the API field errors under the fields', async () => {
    respond = () =>
      json(400, {
        title: '请求参数有误',
        status: 400,
        code: 'validation_failed',
        errors: { trackingNumber: ['快递单号不能超过 40 个字符。'] },
      });
    const { onChanged } = renderPanel({ state: 'completed', allowedActions: ['deliver'] });
    const user = userEvent.setup();
    await user.click(screen.getByTestId('application-action-deliver'));
    expect(screen.queryByTestId('action-tracking')).toBeNull(); // pickup by default
    await user.click(await screen.findByTestId('action-delivery-post'));
    await user.click(screen.getByTestId('application-action-submit'));
    expect(await screen.findByText('邮寄须填写快递单号')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();

    await user.type(screen.getByTestId('action-tracking'), 'SF1234567890');
    await user.click(screen.getByTestId('application-action-submit'));
    expect(await screen.findByText('快递单号不能超过 40 个字符。')).toBeInTheDocument();
    expect(sent().body).toMatchObject({ deliveryMethod: 'post', trackingNumber: 'SF1234567890' });
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('counts the applicant coming back with the materials as a visit unless unticked', async () => {
    respond = () => json(200, application({ state: 'accepted', version: 4 }));
    const { onChanged } = renderPanel({ state: 'suspended', allowedActions: ['resume'] });
    const user = userEvent.setup();
    await user.click(screen.getByTestId('application-action-resume'));
    expect(await screen.findByTestId('action-visit')).toBeChecked();
    await user.click(screen.getByTestId('application-action-submit'));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(sent().body).toMatchObject({ visit: true });
  });

  it('offers a reload when someone else moved the application (412)', async () => {
    respond = () =>
      json(412, { title: '记录已被他人修改', status: 412, detail: '记录已被他人修改，请刷新后重试。', code: 'precondition_failed' });
    const { onReload, onChanged } = renderPanel();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('application-action-accept'));
    expect(await screen.findByTestId('stale-record')).toHaveTextContent('记录已被他人修改，请刷新后重试');
    await user.click(screen.getByTestId('stale-reload'));
    expect(onReload).toHaveBeenCalled();
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('says what may be done now after a 409', async () => {
    respond = () =>
      json(409, {
        title: '状态冲突',
        status: 409,
        detail: '当前状态“已受理”下不能执行该操作。',
        code: 'applications.invalid_transition',
        state: 'accepted',
        allowedActions: ['suspend', 'complete', 'forward'],
      });
    renderPanel();
    await userEvent.setup().click(screen.getByTestId('application-action-accept'));
    expect(await screen.findByTestId('problem-alert')).toHaveTextContent('当前状态“已受理”下不能执行该操作。');
    expect(screen.getByTestId('application-moved')).toHaveTextContent('办结、补正、转报');
  });
});
