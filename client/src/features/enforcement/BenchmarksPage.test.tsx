import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import type { BenchmarkSet, Me } from '../../lib/api/types';
import { CurrentUserContext } from '../../lib/auth/useAuth';
import { renderRoutes } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { BenchmarksPage } from './BenchmarksPage';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const leader: Me = {
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
  permissions: ['enforcement.file', 'enforcement.teams'],
};
const admin: Me = {
  ...leader,
  username: 'admin',
  role: 'county_admin',
  regionLevel: 'county',
  unitId: null,
  unitName: null,
  permissions: ['enforcement.teams', 'enforcement.benchmarks'],
};

const roadSet: BenchmarkSet = {
  itemCode: 'CF00001000',
  version: 1,
  degrees: [
    {
      degree: 'minor', degreeName: '轻微', description: '初次违法，及时改正', kinds: ['warning'], minFine: null,
      maxFine: null,
    },
    {
      degree: 'general',
      degreeName: '一般',
      description: '有一定危害后果',
      kinds: ['warning', 'fine'],
      minFine: 500,
      maxFine: 2000,
    },
  ],
};
const adSet: BenchmarkSet = {
  itemCode: 'CF00003000',
  version: 2,
  degrees: [
    { degree: 'general', degreeName: '一般', description: '乱贴乱画', kinds: ['fine'], minFine: 50, maxFine: 200 },
  ],
};
const item = (code: string, name: string) => ({ itemId: `i-${code}`, code, name, type: 'CF', version: 1 });
const items = [
  item('CF00001000', '对占道经营违法行为的行政处罚'),
  item('CF00003000', '对乱贴乱画违规行为的处罚'),
  item('CF00005000', '对违规设置户外广告的处罚'),
];

describe('the 裁量基准 page', () => {
  let sets: BenchmarkSet[] = [];
  let respond: () => Response = () => json(500, {});
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = new URL(String(input), 'http://localhost');
    if (init?.method === 'PUT' && url.pathname.startsWith('/api/v1/enforcement/benchmarks/')) return respond();
    if (url.pathname === '/api/v1/enforcement/benchmarks') return json(200, sets);
    if (url.pathname === '/api/v1/power-lists/items') return json(200, { items, nextCursor: null });
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const puts = () =>
    fetchMock.mock.calls
      .filter(([, init]) => init?.method === 'PUT')
      .map(([input, init]) => ({
        url: String(input),
        ifMatch: new Headers(init?.headers).get('If-Match'),
        body: JSON.parse(String(init?.body)) as unknown,
      }));
  const setReads = () =>
    fetchMock.mock.calls.filter(([input]) => String(input) === '/api/v1/enforcement/benchmarks').length;

  const renderPage = (me: Me) =>
    renderRoutes(
      [
        {
          path: '/enforcement/benchmarks',
          element: (
            <CurrentUserContext.Provider value={me}>
              <BenchmarksPage />
            </CurrentUserContext.Provider>
          ),
        },
      ],
      '/enforcement/benchmarks',
    );

  it('shows a township user each item’s degrees with kinds and ranges, read only; finds items by name', async () => {
    sets = [roadSet, adSet];
    const user = userEvent.setup();
    renderPage(leader);
    const rows = await screen.findAllByTestId('benchmark-row');
    expect(rows.map((r) => r.dataset.code)).toEqual(['CF00001000', 'CF00003000']);
    const first = within(rows[0]!);
    expect(first.getByTestId('benchmark-item-name')).toHaveTextContent('对占道经营违法行为的行政处罚');
    const lines = first.getAllByTestId('benchmark-degree-line');
    expect(lines.map((l) => l.dataset.degree)).toEqual(['minor', 'general']);
    expect(lines[0]).toHaveTextContent('轻微警告');
    expect(within(lines[0]!).queryByTestId('benchmark-degree-range')).not.toBeInTheDocument();
    expect(lines[1]).toHaveTextContent('一般警告、罚款500–2000 元有一定危害后果');
    expect(screen.queryByTestId('benchmark-edit')).not.toBeInTheDocument();
    expect(screen.queryByTestId('benchmark-create')).not.toBeInTheDocument();

    await user.type(within(screen.getByTestId('benchmarks-search')).getByRole('searchbox'), '乱贴');
    await waitFor(() =>
      expect(screen.getAllByTestId('benchmark-row').map((r) => r.dataset.code)).toEqual(['CF00003000']),
    );
  });

  it('lets the county change an item’s degrees: in order, with If-Match, a range only with a fine', async () => {
    sets = [roadSet];
    respond = () => json(200, { ...roadSet, version: 2 }, { ETag: '"v2"' });
    const user = userEvent.setup();
    renderPage(admin);
    await user.click(await screen.findByTestId('benchmark-edit'));
    const modal = await screen.findByTestId('benchmark-modal');
    expect(within(modal).getAllByTestId('benchmark-degree')).toHaveLength(2);
    expect(within(modal).queryByTestId('benchmark-item')).not.toBeInTheDocument();
    const max = within(modal).getAllByTestId('benchmark-degree-max');
    await user.clear(max[1]!);
    await user.type(max[1]!, '3000');
    // a third degree: 较重 is offered next
    await user.click(screen.getByTestId('benchmark-degree-add'));
    const degrees = within(modal).getAllByTestId('benchmark-degree');
    expect(degrees).toHaveLength(3);
    expect(degrees[2]).toHaveTextContent('较重');
    await user.type(within(degrees[2]!).getByTestId('benchmark-degree-description'), ' 多次违法 ');
    await user.click(within(within(degrees[2]!).getByTestId('benchmark-degree-kinds')).getByRole('combobox'));
    await user.click(await screen.findByText('责令停产停业', { selector: '.ant-select-item-option-content' }));
    // a range typed where no fine is allowed is not sent
    await user.type(within(degrees[2]!).getByTestId('benchmark-degree-min'), '100');
    await user.click(screen.getByTestId('benchmark-submit'));

    await waitFor(() => expect(screen.queryByTestId('benchmark-modal')).not.toBeInTheDocument());
    expect(puts()).toEqual([
      {
        url: '/api/v1/enforcement/benchmarks/CF00001000',
        ifMatch: '"v1"',
        body: {
          degrees: [
            { ...roadSet.degrees[0], degreeName: null },
            { ...roadSet.degrees[1], degreeName: null, maxFine: 3000 },
            {
              degree: 'serious',
              degreeName: null,
              description: '多次违法',
              kinds: ['stop_production'],
              minFine: null,
              maxFine: null,
            },
          ],
        },
      },
    ]);
    await waitFor(() => expect(setReads()).toBe(2));
  });

  it('sets a new item’s benchmarks without If-Match, choosing among the items that have none', async () => {
    sets = [roadSet, adSet];
    respond = () => json(200, { itemCode: 'CF00005000', version: 1, degrees: [] }, { ETag: '"v1"' });
    const user = userEvent.setup();
    renderPage(admin);
    await user.click(await screen.findByTestId('benchmark-create'));
    const modal = await screen.findByTestId('benchmark-modal');
    await user.click(within(within(modal).getByTestId('benchmark-item')).getByRole('combobox'));
    const options = document.querySelectorAll('.ant-select-item-option-content');
    expect([...options].map((o) => o.textContent)).toEqual(['CF00005000 对违规设置户外广告的处罚']);
    await user.click(options[0]!);
    await user.click(within(within(modal).getByTestId('benchmark-degree-code')).getByRole('combobox'));
    await user.click(await screen.findByText('轻微', { selector: '.ant-select-item-option-content' }));
    await user.click(within(within(modal).getByTestId('benchmark-degree-kinds')).getByRole('combobox'));
    await user.click(await screen.findByText('警告', { selector: '.ant-select-item-option-content' }));
    await user.type(within(modal).getByTestId('benchmark-degree-description'), '首次违法');
    await user.click(screen.getByTestId('benchmark-submit'));
    await waitFor(() => expect(puts()).toHaveLength(1));
    expect(puts()[0]).toEqual({
      url: '/api/v1/enforcement/benchmarks/CF00005000',
      ifMatch: null,
      body: {
        degrees: [
          {
            degree: 'minor', degreeName: null, description: '首次违法', kinds: ['warning'], minFine: null,
            maxFine: null,
          },
        ],
      },
    });
  });

  it('puts the API’s errors under the degree’s field and under the degrees', async () => {
    sets = [roadSet];
    respond = () =>
      json(400, {
        title: '请求参数有误',
        status: 400,
        code: 'validation_failed',
        errors: {
          'degrees[1].maxFine': ['罚款上限不能低于下限，且不超过 10 亿元。'],
          degrees: ['违法情节档次不能重复。'],
        },
      });
    const user = userEvent.setup();
    renderPage(admin);
    await user.click(await screen.findByTestId('benchmark-edit'));
    await user.click(await screen.findByTestId('benchmark-submit'));
    const degrees = await screen.findAllByTestId('benchmark-degree');
    await waitFor(() => expect(degrees[1]).toHaveTextContent('罚款上限不能低于下限，且不超过 10 亿元。'));
    expect(degrees[0]).not.toHaveTextContent('罚款上限不能低于下限');
    expect(screen.getByTestId('benchmark-modal')).toHaveTextContent('违法情节档次不能重复。');
  });

  it('after a 412 reads the sets again and sends with the new version, keeping what was typed', async () => {
    sets = [roadSet];
    respond = () => json(412, { title: '记录已被修改', status: 412, code: 'precondition_failed' });
    const user = userEvent.setup();
    renderPage(admin);
    await user.click(await screen.findByTestId('benchmark-edit'));
    const max = (await screen.findAllByTestId('benchmark-degree-max'))[1]!;
    await user.clear(max);
    await user.type(max, '2500');
    await user.click(screen.getByTestId('benchmark-submit'));
    sets = [{ ...roadSet, version: 5 }];
    await user.click(await screen.findByTestId('stale-reload'));
    await waitFor(() => expect(screen.queryByTestId('stale-record')).not.toBeInTheDocument());
    respond = () => json(200, { ...roadSet, version: 6 }, { ETag: '"v6"' });
    expect(screen.getAllByTestId('benchmark-degree-max')[1]).toHaveValue('2500');
    await user.click(screen.getByTestId('benchmark-submit'));
    await waitFor(() => expect(screen.queryByTestId('benchmark-modal')).not.toBeInTheDocument());
    expect(puts().map((p) => p.ifMatch)).toEqual(['"v1"', '"v5"']);
  });
});
