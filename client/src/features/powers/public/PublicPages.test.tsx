import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import '../../../lib/i18n';
import { routes } from '../../../app/router';
import { renderRoutes } from '../../../test/render';
import { entry, townshipList } from '../testData';
import { json, fetchMockInEachTest } from '../../../test/fetch';
import { useScreenWidth } from '../../../test/viewport';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const counties = [
  {
    id: 'c-1',
    name: '清河县',
    townships: [
      { id: 'tw-1', name: '城关镇' },
      { id: 'tw-2', name: '河口镇' },
    ],
  },
];

describe('public power lists (no session)', () => {
  useScreenWidth(1400);
  const fetchMock = vi.fn(async (...[input]: FetchArgs) => {
    const url = String(input);
    if (url === '/api/v1/public/power-lists/townships')
      return json(200, [{ id: 'tw-1', name: '城关镇', countyName: '清河县', publishedEntries: 2 }]);
    if (url === '/api/v1/public/power-lists/townships/tw-1/history')
      return json(200, [
        {
          changedOn: '2026-01-01', change: 'added', changeName: '调入', itemCode: 'CF00123000', itemName: '对占道经营违法行为的行政处罚',
          mode: 'statutory', listKind: 'basic', decisionNo: null, agreementNo: null,
        },
      ]);
    if (url.startsWith('/api/v1/public/power-lists/townships/tw-1'))
      return json(
        200,
        townshipList([
          entry({ id: 'e1', code: 'CF00123000', name: '对占道经营违法行为的行政处罚' }),
          entry({
            id: 'e2',
            code: 'XK00456000',
            name: '临时占用城市道路审批',
            listKind: 'supporting',
            mode: 'entrusted',
            agreementNo: '清河CG委〔2024〕1号',
            problem: '委托协议不在有效期内',
            exercisable: false,
          }),
        ]),
      );
    if (url === '/api/v1/public/organization/counties') return json(200, counties);
    if (url.startsWith('/api/v1/public/power-lists/townships/'))
      return json(404, { title: '未找到', status: 404, detail: '记录不存在或无权访问。', code: 'not_found' });
    // anything else would need a session: there is none
    return json(401, { title: '未登录', status: 401, code: 'unauthenticated' });
  });

  fetchMockInEachTest(fetchMock);

  const calledUrls = () => fetchMock.mock.calls.map(([u]) => String(u));

  it('shows a published list without logging in and without asking who the user is', async () => {
    const { router } = renderRoutes(routes, '/public/power-lists/tw-1?asOf=2026-11-22');

    expect(await screen.findByTestId('public-list-title', {}, { timeout: 8_000 })).toHaveTextContent('城关镇权责清单');
    expect(screen.getByTestId('public-layout')).toBeInTheDocument();
    const groups = screen.getAllByTestId('entries-group');
    expect(groups.map((g) => g.getAttribute('data-list-kind'))).toEqual(['basic', 'supporting']);
    expect(within(groups[0]!).getByText('对占道经营违法行为的行政处罚')).toBeInTheDocument();
    const problemRow = screen.getAllByTestId('entry-row').find((r) => r.getAttribute('data-code') === 'XK00456000')!;
    expect(problemRow).toHaveAttribute('data-problem', 'true');
    expect(problemRow).toHaveClass('pl-row-problem');
    expect(within(problemRow).getByTestId('entry-problem')).toHaveTextContent('委托协议不在有效期内');
    // the public view has no internal columns
    expect(screen.queryByTestId('entry-unpublished')).not.toBeInTheDocument();
    expect(screen.queryByTestId('entry-end')).not.toBeInTheDocument();
    expect(screen.getByTestId('public-print')).toBeInTheDocument();

    expect(router.state.location.pathname).toBe('/public/power-lists/tw-1');
    // the list and its public change history (调入/调出), nothing that needs a session
    await waitFor(() => expect(screen.getAllByTestId('public-history-row')).toHaveLength(1));
    expect(screen.getByTestId('public-history-row')).toHaveAttribute('data-change', 'added');
    expect(calledUrls().sort()).toEqual([
      '/api/v1/public/organization/counties',
      '/api/v1/public/power-lists/townships/tw-1/history',
      '/api/v1/public/power-lists/townships/tw-1?asOf=2026-11-22',
    ]);
    // what a citizen needs next: the county's guides and centres
    expect(await screen.findByTestId('public-list-guides')).toHaveAttribute('href', '/public/services/c-1');
    expect(screen.getByTestId('public-list-centres')).toHaveAttribute('href', '/public/centres/c-1');
    expect(calledUrls().some((u) => u.includes('/auth/'))).toBe(false);
  });

  it('lists the townships with a published list, linking to each', async () => {
    const { router } = renderRoutes(routes, '/public/power-lists');
    const link = await screen.findByTestId('public-township-link');
    expect(link).toHaveTextContent('城关镇');
    expect(link).toHaveTextContent('已公布 2 项');
    expect(link).toHaveAttribute('href', '/public/power-lists/tw-1');
    expect(router.state.location.pathname).toBe('/public/power-lists');
  });

  it('answers an unknown township with "not found", still without a redirect to /login', async () => {
    const { router } = renderRoutes(routes, '/public/power-lists/nope');
    expect(await screen.findByTestId('not-found')).toHaveTextContent('记录不存在或无权访问');
    expect(router.state.location.pathname).toBe('/public/power-lists/nope');
  });

  it('lands on the county: its guides, centres, and townships with or without a published list', async () => {
    renderRoutes(routes, '/public');
    expect(await screen.findByTestId('public-home-county', {}, { timeout: 8_000 })).toHaveTextContent('清河县');
    expect(screen.getByTestId('public-home-guides')).toHaveAttribute('href', '/public/services/c-1');
    expect(screen.getByTestId('public-home-centres')).toHaveAttribute('href', '/public/centres/c-1');
    await waitFor(() =>
      expect(screen.getAllByTestId('public-home-township')[0]).toHaveAttribute('href', '/public/power-lists/tw-1'),
    );
    const unpublished = screen.getAllByTestId('public-home-township')[1]!;
    expect(unpublished).not.toHaveAttribute('href');
    expect(unpublished).toHaveTextContent('河口镇清单尚未公布');
  });
});

describe('public pages on a phone', () => {
  fetchMockInEachTest(
    vi.fn(async (...[input]: FetchArgs) => {
      const url = String(input);
      if (url === '/api/v1/public/organization/counties') return json(200, counties);
      if (url === '/api/v1/public/power-lists/townships') return json(200, []);
      return json(401, { title: '未登录', status: 401, code: 'unauthenticated' });
    }),
  );

  it('keep the title and the staff login in the header and move the menu into a drawer', async () => {
    renderRoutes(routes, '/public');
    expect(await screen.findByTestId('public-home-county', {}, { timeout: 8_000 })).toHaveTextContent('清河县');
    expect(screen.getByTestId('public-login')).toBeInTheDocument();
    expect(screen.queryByTestId('public-menu')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('public-menu-button'));
    expect(await screen.findByTestId('public-drawer-centres')).toHaveAttribute('href', '/public/centres');
    expect(screen.getByTestId('public-drawer-home')).toHaveAttribute('href', '/public');
  });
});
