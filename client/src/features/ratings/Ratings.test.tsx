import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import '../../lib/i18n';
import { setLanguage } from '../../lib/i18n';
import { renderWithProviders } from '../../test/render';
import type { Me, Rating, Rectification } from '../../lib/api/types';
import { CurrentUserContext } from '../../lib/auth/useAuth';
import { application, signedIn } from '../../test/fixtures';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { RatingPad } from './RatingPad';
import { RectificationActionButtons, RectificationActionModal } from './RectificationActions';
import { OverdueTag } from './RatingTags';
import { countyToday } from '../../lib/dates';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const clerk: Me = signedIn({ displayName: '李窗口', permissions: ['ratings.rectify'] });

const rating = (over: Partial<Rating> = {}): Rating => ({
  id: 'rt-1',
  applicationId: 'app-1',
  applicationNumber: '2026-0101-000001',
  itemName: '城乡居民养老保险参保登记',
  centreName: '城关镇',
  channel: 'window',
  level: 2,
  levelName: '不满意',
  bad: true,
  comment: '等了很久',
  ratedAt: '2026-09-24T02:00:00+00:00',
  rectificationId: 'x-1',
  ...over,
});

const rectification = (over: Partial<Rectification> = {}): Rectification => ({
  id: 'x-1',
  ratingId: 'rt-1',
  applicationId: 'app-1',
  applicationNumber: '2026-0101-000001',
  itemName: '城乡居民养老保险参保登记',
  centreName: '城关镇',
  level: 2,
  levelName: '不满意',
  ratingComment: '等了很久',
  ratedOn: '2026-09-24',
  dueOn: '2026-10-22',
  state: 'open',
  stateName: '待整改',
  overdue: false,
  callbackNote: null,
  rectificationNote: null,
  rectifiedOn: null,
  rectifiedInTime: false,
  raterResponse: null,
  raterComment: null,
  appealReason: null,
  appealDecision: null,
  appealNote: null,
  allowedActions: ['callback', 'rectify', 'appeal'],
  events: [],
  version: 1,
  ...over,
});

describe('the rating pad (评价器) on a finished application', () => {
  let ratings: Rating[] = [];
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = String(input);
    if (url.startsWith('/api/v1/service-centre/ratings?') && (init?.method ?? 'GET') === 'GET') return json(200, { items: ratings, nextCursor: null });
    if (url === '/api/v1/service-centre/applications/app-1/ratings' && init?.method === 'POST') return json(201, rating());
    return json(404, { title: '未找到', status: 404 });
  });

  beforeEach(async () => {
    await setLanguage('zh-CN');
    ratings = [];
    fetchMock.mockClear();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  const renderPad = (state: 'completed' | 'accepted', me: Me = clerk) =>
    renderWithProviders(
      <MemoryRouter>
        <CurrentUserContext.Provider value={me}>
          <RatingPad application={application({ state })} />
        </CurrentUserContext.Provider>
      </MemoryRouter>,
    );

  it('asks why for a bad rating, sends level and comment, and links the rectification it opened', async () => {
    const user = userEvent.setup();
    renderPad('completed');
    const pad = await screen.findByTestId('rating-pad');
    expect(within(pad).getAllByRole('radio').map((b) => b.getAttribute('data-testid'))).toEqual([
      'rating-level-5',
      'rating-level-4',
      'rating-level-3',
      'rating-level-2',
      'rating-level-1',
    ]);
    await user.click(screen.getByTestId('rating-level-2'));
    expect(screen.getByTestId('rating-level-2')).toHaveAttribute('aria-checked', 'true');
    await user.click(screen.getByTestId('rating-submit'));
    expect(await screen.findByText('差评请写明不满意的原因，便于整改')).toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);

    await user.click(screen.getByTestId('rating-comment'));
    await user.paste(' 等了很久 ');
    await user.click(screen.getByTestId('rating-submit'));
    await waitFor(() => expect(screen.getByTestId('rating-pad-done')).toBeInTheDocument());
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect(JSON.parse(String(post[1]?.body))).toEqual({ level: 2, comment: '等了很久' });
    expect(screen.getByTestId('rating-pad-rectification')).toHaveAttribute('href', '/services/rectifications/x-1');
  });

  it('shows the ratings instead of the pad once the window has rated, and nothing before completion', async () => {
    ratings = [rating()];
    const { unmount } = renderPad('completed');
    expect(await screen.findByTestId('application-rating')).toHaveAttribute('data-level', '2');
    expect(screen.getByTestId('rating-rectification-link')).toHaveAttribute('href', '/services/rectifications/x-1');
    expect(screen.queryByTestId('rating-pad')).toBeNull();
    unmount();

    fetchMock.mockClear();
    renderPad('accepted');
    expect(screen.queryByTestId('application-ratings')).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('is read-only for a township leader', async () => {
    renderPad('completed', { ...clerk, role: 'township_leader', roleName: '乡镇（街道）领导' });
    expect(await screen.findByTestId('application-no-ratings')).toHaveTextContent('暂无评价');
    expect(screen.queryByTestId('rating-pad')).toBeNull();
  });
});

describe('rectification actions', () => {
  let respond: () => Response;
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = String(input);
    if (url.startsWith('/api/v1/service-centre/rectifications/x-1/') && init?.method === 'POST') return respond();
    return json(404, { title: '未找到', status: 404 });
  });

  fetchMockInEachTest(fetchMock);

  it('marks an overdue one in red with the days past its deadline', () => {
    const [y, m, d] = countyToday().split('-').map(Number) as [number, number, number];
    const dueOn = new Date(Date.UTC(y, m - 1, d - 3)).toISOString().slice(0, 10);
    const { unmount } = renderWithProviders(<OverdueTag rectification={{ overdue: true, dueOn }} />);
    expect(screen.getByTestId('rectification-overdue')).toHaveTextContent('超期 3 天');
    expect(screen.getByTestId('rectification-overdue')).toHaveClass('ant-tag-red');
    unmount();
    renderWithProviders(<OverdueTag rectification={{ overdue: false, dueOn }} />);
    expect(screen.queryByTestId('rectification-overdue')).toBeNull();
  });

  it('offers exactly the allowed actions', async () => {
    const onAction = vi.fn();
    renderWithProviders(
      <span data-testid="buttons">
        <RectificationActionButtons rectification={{ allowedActions: ['appeal', 'callback', 'rectify'] }} onAction={onAction} />
      </span>,
    );
    expect(within(screen.getByTestId('buttons')).getAllByRole('button').map((b) => b.textContent?.replace(/\s/g, ''))).toEqual([
      '回访',
      '整改',
      '申诉',
    ]);
    await userEvent.setup().click(screen.getByTestId('rectification-action-rectify'));
    expect(onAction).toHaveBeenCalledWith('rectify');
  });

  function renderModal(action: 'callback' | 'respond') {
    const onDone = vi.fn();
    renderWithProviders(
      <RectificationActionModal
        rectification={rectification({ allowedActions: [action] })}
        action={action}
        etag={'"v1"'}
        onClose={() => undefined}
        onDone={onDone}
        onReload={async () => undefined}
      />,
    );
    return { onDone };
  }

  it('sends the call-back note with If-Match and nothing else', async () => {
    respond = () => json(200, rectification({ state: 'called_back', callbackNote: '已电话回访', version: 2 }), { ETag: '"v2"' });
    const user = userEvent.setup();
    const { onDone } = renderModal('callback');
    await user.click(await screen.findByTestId('rectification-action-submit'));
    expect(await screen.findByText('请填写回访情况')).toBeInTheDocument();
    await user.type(screen.getByTestId('rectification-note'), '已电话回访');
    await user.click(screen.getByTestId('rectification-action-submit'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(String(url)).toBe('/api/v1/service-centre/rectifications/x-1/callback');
    expect(new Headers(init?.headers).get('If-Match')).toBe('"v1"');
    expect(JSON.parse(String(init?.body))).toEqual({ note: '已电话回访', response: null, decision: null });
    expect(onDone.mock.calls[0]![1]).toBe('"v2"');
  });

  it('offers a reload on 412 and says what is possible now on 409', async () => {
    const user = userEvent.setup();
    respond = () => json(412, { title: '记录已被他人修改', status: 412, code: 'precondition_failed' });
    renderModal('respond');
    await user.click(await screen.findByTestId('rectification-response-satisfied'));
    await user.click(screen.getByTestId('rectification-action-submit'));
    expect(await screen.findByTestId('stale-record')).toBeInTheDocument();

    respond = () =>
      json(409, {
        title: '当前状态“已办结”下不能执行该操作。',
        status: 409,
        code: 'rectifications.invalid_transition',
        allowedActions: [],
      });
    await user.click(screen.getByTestId('rectification-action-submit'));
    expect(await screen.findByTestId('rectification-moved')).toHaveTextContent('当前无需您办理');
    const body = JSON.parse(String(fetchMock.mock.calls[1]![1]?.body)) as unknown;
    expect(body).toEqual({ note: null, response: 'satisfied', decision: null });
  });
});
