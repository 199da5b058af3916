import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import { setLanguage } from '../../lib/i18n';
import type { Me } from '../../lib/api/types';
import { routes } from '../../app/router';
import { renderRoutes } from '../../test/render';
import { json } from '../../test/fetch';
import { CSRF_COOKIE } from '../../lib/api/client';
import { detail, guide } from './testData';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

/** Room for a busy machine: the first render of a page or a big form can take seconds. */
const slow = { timeout: 10_000 };

const admin: Me = {
  id: 'u-1',
  username: 'admin',
  displayName: '管理员',
  role: 'county_admin',
  roleName: '县级管理员',
  regionId: 'county-1',
  regionName: '清河县',
  regionLevel: 'county',
  unitId: null,
  unitName: null,
  permissions: ['services.manage'],
};

const v1 = guide({ version: 1, effectiveFrom: '2026-01-01', effectiveTo: '2026-06-01', publishedAt: '2026-01-02T02:00:00Z' });
const v2 = guide({
  version: 2,
  effectiveFrom: '2026-06-01',
  promisedDays: 3,
  feeAmount: 10,
  feeBasis: '县物价局文件',
  steps: ['受理', '审核', '决定', '办结'],
  changeNote: '压缩承诺时限',
});

describe('service item detail page', { timeout: 30_000 }, () => {
  let me: Me = admin;
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = String(input);
    if (url === '/api/v1/auth/me') return json(200, me);
    if (url === '/api/v1/service-centre/items/svc-1' && !init?.method?.match(/POST/))
      return json(200, detail([v1, v2], v2), { ETag: '"v2"' });
    if (url === '/api/v1/service-centre/items/svc-1/publish' && init?.method === 'POST')
      return json(200, detail([v1, { ...v2, publishedAt: '2026-06-01T01:00:00Z' }], v2), { ETag: '"v2"' });
    if (url.startsWith('/api/v1/notifications/unread-count')) return json(200, { count: 0 });
    return json(404, { title: '未找到', status: 404, detail: '记录不存在或无权访问。' });
  });

  beforeEach(async () => {
    await setLanguage('zh-CN');
    me = admin;
    document.cookie = `${CSRF_COOKIE}=t`; // signed in: the session probe asks /auth/me
    fetchMock.mockClear();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows the guide in force with all its sections, and the diff of the last two versions', async () => {
    renderRoutes(routes, '/services/items/svc-1');

    const guideView = await screen.findByTestId('guide', {}, slow);
    expect(guideView).toHaveAttribute('data-version', '2');
    expect(within(guideView).getAllByTestId('guide-section').map((s) => s.getAttribute('data-section'))).toEqual([
      'legalBasis',
      'conditions',
      'materials',
      'timeLimit',
      'fee',
      'steps',
      'phone',
      'channels',
    ]);
    expect(within(guideView).getAllByTestId('guide-material')).toHaveLength(2);
    expect(within(guideView).getByTestId('guide-statutory-days')).toHaveTextContent('法定时限：20 个工作日');
    expect(within(guideView).getByTestId('guide-promised-days')).toHaveTextContent('承诺时限：3 个工作日');
    expect(within(guideView).getByTestId('guide-fee')).toHaveTextContent('10 元（收费依据：县物价局文件）');
    expect(within(guideView).getByTestId('guide-steps')).toHaveTextContent('决定');
    expect(within(guideView).getByTestId('guide-channels')).toHaveTextContent('窗口网上');

    const diff = screen.getByTestId('version-diff');
    const row = (field: string) => diff.querySelector(`[data-testid="diff-row"][data-field="${field}"]`)!;
    expect(row('promisedDays')).toHaveAttribute('data-changed', 'true');
    expect(row('fee')).toHaveAttribute('data-changed', 'true');
    expect(row('name')).toHaveAttribute('data-changed', 'false');
    expect(screen.getByTestId('diff-summary')).toHaveTextContent('变化的字段：承诺时限、收费、办理流程');

    expect(screen.getAllByTestId('version-item').map((v) => [v.getAttribute('data-version'), v.getAttribute('data-published')])).toEqual([
      ['2', 'false'],
      ['1', 'true'],
    ]);
  });

  it('publishes the latest version with If-Match', async () => {
    renderRoutes(routes, '/services/items/svc-1');
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByTestId('service-publish', {}, slow));
    await user.click(await screen.findByTestId('service-publish-confirm', {}, slow));

    await waitFor(() => expect(fetchMock.mock.calls.some(([u]) => String(u).endsWith('/publish'))).toBe(true), slow);
    const [, init] = fetchMock.mock.calls.find(([u]) => String(u).endsWith('/publish'))!;
    expect(new Headers(init?.headers).get('If-Match')).toBe('"v2"');
  });

  it('offers neither revise nor publish without services.manage', async () => {
    me = { ...admin, permissions: [] };
    renderRoutes(routes, '/services/items/svc-1');
    expect(await screen.findByTestId('guide', {}, slow)).toBeInTheDocument();
    expect(screen.queryByTestId('service-revise')).not.toBeInTheDocument();
    expect(screen.queryByTestId('service-publish')).not.toBeInTheDocument();
  });

  it('answers an unknown item with "not found"', async () => {
    renderRoutes(routes, '/services/items/nope');
    expect(await screen.findByTestId('not-found', {}, slow)).toHaveTextContent('记录不存在或无权访问');
  });
});
