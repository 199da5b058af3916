import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import '../../../lib/i18n';
import { routes } from '../../../app/router';
import { renderRoutes } from '../../../test/render';
import { guide } from '../testData';
import { fetchMockInEachTest, json } from '../../../test/fetch';
import { useScreenWidth } from '../../../test/viewport';
import { PUBLIC_COUNTY_STORAGE_KEY } from '../../../lib/publicPaths';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

/** Room for a busy machine: the first render of a page or a big form can take seconds. */
const slow = { timeout: 10_000 };

describe('public service guides (no session)', { timeout: 30_000 }, () => {
  useScreenWidth(1400);
  const published = guide({ publishedAt: '2026-01-02T02:00:00Z' });
  const places = [
    {
      id: 'hall',
      name: '清河县政务服务中心',
      tier: 'county',
      tierName: '县级',
      address: '人民路 1 号',
      phone: '0312-5550000',
      hours: '8:30–17:30',
    },
    {
      id: 'v-1',
      name: '东村代办点',
      tier: 'village',
      tierName: '村级',
      address: '东村村委会',
      phone: '',
      hours: '9:00–16:00',
    },
  ];
  const fetchMock = vi.fn(async (...[input]: FetchArgs) => {
    const url = String(input);
    if (url.startsWith('/api/v1/public/service-centre/counties/c-1/items')) return json(200, [published]);
    if (url === '/api/v1/public/service-centre/items/svc-1') return json(200, published);
    if (url === '/api/v1/public/service-centre/items/svc-1/places') return json(200, places);
    if (url === '/api/v1/public/organization/counties') return json(200, [{ id: 'c-1', name: '清河县', townships: [] }]);
    if (url.startsWith('/api/v1/public/service-centre/'))
      return json(404, { title: '未找到', status: 404, detail: '该办事指南不存在或尚未公布。', code: 'not_found' });
    // anything else would need a session: there is none
    return json(401, { title: '未登录', status: 401, code: 'unauthenticated' });
  });

  fetchMockInEachTest(fetchMock);

  const calledUrls = () => fetchMock.mock.calls.map(([u]) => String(u));

  it("lists a county's published guides, searchable, linking to each", async () => {
    const { router } = renderRoutes(routes, '/public/services/c-1?q=养老');
    const link = await screen.findByTestId('public-service-link', {}, slow);
    expect(link).toHaveTextContent('城乡居民基本养老保险参保登记');
    expect(link).toHaveTextContent('承诺时限 5 个工作日 · 免费');
    expect(link).toHaveAttribute('href', '/public/services/item/svc-1?county=c-1');
    expect(screen.getByTestId('public-menu-services')).toHaveAttribute('href', '/public/services/c-1');
    expect(router.state.location.pathname).toBe('/public/services/c-1');
    expect(calledUrls()).toEqual(['/api/v1/public/service-centre/counties/c-1/items?q=%E5%85%BB%E8%80%81']);
  });

  it('shows one guide, printable, without logging in and without asking who the user is', async () => {
    const { router } = renderRoutes(routes, '/public/services/item/svc-1?county=c-1');
    expect(await screen.findByTestId('public-guide-title', {}, slow)).toHaveTextContent('城乡居民基本养老保险参保登记');
    const guideView = screen.getByTestId('guide');
    expect(within(guideView).getAllByTestId('guide-material')).toHaveLength(2);
    expect(within(guideView).getByTestId('guide-phone')).toHaveTextContent('0312-5551234');
    expect(screen.getByTestId('public-print')).toBeInTheDocument();
    expect(screen.getByTestId('public-guide-back')).toHaveAttribute('href', '/public/services/c-1');
    expect(router.state.location.pathname).toBe('/public/services/item/svc-1');
    expect(calledUrls().some((u) => u.includes('/auth/'))).toBe(false);
  });

  it('says where and when to go: the centres that take the item, 取号 for it where there is a queue', async () => {
    renderRoutes(routes, '/public/services/item/svc-1?county=c-1');
    const section = await screen.findByTestId('public-guide-places', {}, slow);
    const cards = within(section).getAllByTestId('public-centre');
    expect(cards.map((c) => c.getAttribute('data-name'))).toEqual(['清河县政务服务中心', '东村代办点']);
    expect(cards[0]).toHaveTextContent('人民路 1 号');
    expect(cards[0]).toHaveTextContent('8:30–17:30');
    expect(within(cards[0]!).getByTestId('public-centre-take')).toHaveAttribute(
      'href',
      '/public/queue/hall/take?itemId=svc-1',
    );
    expect(within(cards[1]!).queryByTestId('public-centre-take')).not.toBeInTheDocument(); // a village point: no queue
    expect(cards[1]).toHaveTextContent('9:00–16:00');
  });

  it('answers an unpublished guide with "not found", still without a redirect to /login', async () => {
    const { router } = renderRoutes(routes, '/public/services/item/nope');
    expect(await screen.findByTestId('not-found', {}, slow)).toHaveTextContent('记录不存在或无权访问');
    expect(router.state.location.pathname).toBe('/public/services/item/nope');
  });

  it('lets the visitor pick a county when the address names none and none was looked at before', async () => {
    localStorage.removeItem(PUBLIC_COUNTY_STORAGE_KEY);
    renderRoutes(routes, '/public/services');
    const pick = await screen.findByTestId('public-county-pick', {}, slow);
    expect(pick).toHaveTextContent('清河县');
    expect(pick).toHaveAttribute('href', '/public/services/c-1');
  });
});
