import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import type { KpiValueRow, Me } from '../../lib/api/types';
import { CurrentUserContext } from '../../lib/auth/useAuth';
import { countyToday } from '../../lib/dates';
import { renderRoutes } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { EnforcementKpisPage } from './KpisPage';
import { enforcementDefinitions, kpiRows } from './kpiTestData';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const admin: Me = {
  id: 'u-1',
  username: 'admin',
  displayName: '县管理员',
  role: 'county_admin',
  roleName: '县级管理员',
  regionId: 'county-1',
  regionName: '示范县',
  regionLevel: 'county',
  unitId: null,
  unitName: null,
  permissions: ['enforcement.teams', 'enforcement.supervise'],
};

const december = kpiRows({
  month: '2026-12',
  frozen: false,
  revision: 0,
  values: {
    EN_CASES: [12, 12, 0, null],
    EN_CLOSURE: [0.8333, 10, 12, null],
    EN_AVG_DAYS: [12.4, 124, 10, null],
    EN_OVERDUE: [2, 2, 0, null],
    EN_DISCLOSURE_ONTIME: [0.9, 9, 10, false],
    EN_TRANSFER: [0.125, 1, 8, null],
    EN_SATISFACTION: [0.9333, 28, 30, true],
  },
});
const november = kpiRows({
  month: '2026-11',
  frozen: true,
  revision: 2,
  values: { EN_CASES: [7, 7, 0, null], EN_CLOSURE: [1, 7, 7, null], EN_SATISFACTION: [null, 0, 0, null] },
});
const novemberOriginal = kpiRows({
  month: '2026-11',
  frozen: true,
  revision: 1,
  values: { EN_CASES: [6, 6, 0, null], EN_CLOSURE: [0.5, 3, 6, null] },
});
const town = (id: string, code: string, name: string, closure: number | null) =>
  kpiRows({
    month: '2026-12',
    frozen: false,
    revision: 0,
    region: { id, code, name },
    values: { EN_CASES: [4, 4, 0, null], EN_CLOSURE: [closure, closure === null ? 0 : 2, closure === null ? 0 : 4, null] },
  });
const townships = [
  ...town('t-1', '110101001', '城关镇', 0.5),
  ...town('t-2', '110101002', '东乡镇', null),
  ...town('t-3', '110101003', '西乡镇', 0.9),
];

describe('the 执法指标 page', () => {
  let regionRows: KpiValueRow[] = [];
  let originalRows: KpiValueRow[] = [];
  let townshipRows: KpiValueRow[] = [];
  let failValues: Response | null = null;
  const fetchMock = vi.fn(async (...[input]: FetchArgs) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/v1/kpis/definitions') return json(200, enforcementDefinitions);
    if (url.pathname === '/api/v1/kpis/values') {
      if (failValues) return failValues;
      if (url.searchParams.get('level') === 'township') return json(200, townshipRows);
      return json(200, url.searchParams.get('revision') === 'original' ? originalRows : regionRows);
    }
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const valueCalls = () =>
    fetchMock.mock.calls
      .map(([input]) => new URL(String(input), 'http://localhost'))
      .filter((u) => u.pathname === '/api/v1/kpis/values')
      .map((u) => Object.fromEntries(u.searchParams));

  const renderPage = (path = '/enforcement/kpis?from=2026-10&to=2026-12') =>
    renderRoutes(
      [
        {
          path: '/enforcement/kpis',
          element: (
            <CurrentUserContext.Provider value={admin}>
              <EnforcementKpisPage />
            </CurrentUserContext.Provider>
          ),
        },
      ],
      path,
    );

  const card = (code: string) => screen.getByTestId(`enforcement-kpis-card-${code}`);

  it('shows the latest month as cards: rates in %, days with one decimal, counts as integers, met or not, 临时', async () => {
    regionRows = [...november, ...december];
    townshipRows = townships;
    renderPage();
    await waitFor(() => expect(screen.getByTestId('enforcement-kpis-cards')).toHaveAttribute('data-month', '2026-12'));
    expect(within(screen.getByTestId('enforcement-kpis-cards')).getAllByTestId('enforcement-kpis-status')[0]).toHaveTextContent(
      '临时',
    );
    expect(card('EN_CASES')).toHaveTextContent('12 件');
    expect(card('EN_CLOSURE')).toHaveTextContent('83.3%');
    expect(within(card('EN_CLOSURE')).getByTestId('enforcement-kpis-card-fraction')).toHaveTextContent('10 / 12');
    expect(card('EN_AVG_DAYS')).toHaveTextContent('12.4 天');
    expect(card('EN_OVERDUE')).toHaveTextContent('2 件');
    expect(within(card('EN_OVERDUE')).queryByTestId('enforcement-kpis-card-fraction')).not.toBeInTheDocument();
    expect(card('EN_TRANSFER')).toHaveTextContent('12.5%');
    expect(card('EN_DISCLOSURE_ONTIME')).toHaveAttribute('data-met', 'missed');
    expect(card('EN_DISCLOSURE_ONTIME')).toHaveTextContent('90.0%');
    expect(card('EN_DISCLOSURE_ONTIME')).toHaveTextContent('目标 ≥ 100.0%');
    expect(within(card('EN_DISCLOSURE_ONTIME')).getByTestId('enforcement-kpis-card-met')).toHaveTextContent('未达标');
    expect(card('EN_SATISFACTION')).toHaveTextContent('93.3%');
    expect(within(card('EN_SATISFACTION')).getByTestId('enforcement-kpis-card-met')).toHaveTextContent('达标');
    expect(screen.getByTestId('enforcement-kpis-version')).toHaveTextContent('口径版本 EN-2026.2');

    // the month-by-month table: newest first, 临时 and 已冻结 · 修订 2
    const rows = screen.getAllByTestId('enforcement-kpis-row');
    expect(rows.map((r) => [r.dataset.month, r.dataset.frozen, r.dataset.revision])).toEqual([
      ['2026-12', 'false', '0'],
      ['2026-11', 'true', '2'],
    ]);
    expect(within(rows[1]!).getByTestId('enforcement-kpis-status')).toHaveTextContent('已冻结 · 修订 2');
    expect(within(rows[1]!).getByTestId('enforcement-kpis-cell-EN_CLOSURE')).toHaveTextContent('100.0%');
    expect(within(rows[1]!).getByTestId('enforcement-kpis-cell-EN_SATISFACTION')).toHaveTextContent('—');
    expect(within(rows[1]!).getByTestId('enforcement-kpis-cell-EN_AVG_DAYS')).toHaveTextContent('—');
  });

  it('explains each KPI on hover: numerator, denominator and target', async () => {
    regionRows = december;
    townshipRows = [];
    const user = userEvent.setup();
    renderPage();
    await screen.findByTestId('enforcement-kpis-card-EN_SATISFACTION');
    await user.hover(within(card('EN_SATISFACTION')).getByTestId('enforcement-kpis-name-EN_SATISFACTION'));
    const tip = await screen.findByTestId('enforcement-kpis-definition-EN_SATISFACTION');
    expect(tip).toHaveTextContent('分子：当月满意度调查中满意（含基本满意）的人数');
    expect(tip).toHaveTextContent('分母：当月满意度调查的参与人数');
    expect(tip).toHaveTextContent('目标：≥ 90.0%');
    await user.hover(within(card('EN_CASES')).getByTestId('enforcement-kpis-name-EN_CASES'));
    const count = await screen.findByTestId('enforcement-kpis-definition-EN_CASES');
    expect(count).toHaveTextContent('统计：当月立案的案件数（含简易程序）');
    expect(count).not.toHaveTextContent('分母');
    expect(count).toHaveTextContent('目标：—');
  });

  it('asks the one KPI query for the region and for each township; CSV links with the same query', async () => {
    regionRows = december;
    townshipRows = townships;
    renderPage();
    await screen.findAllByTestId('enforcement-kpis-township-row');
    expect(valueCalls()).toEqual(
      expect.arrayContaining([
        { from: '2026-10', to: '2026-12', revision: 'latest', module: 'enforcement' },
        { from: '2026-12', to: '2026-12', revision: 'latest', level: 'township', module: 'enforcement' },
      ]),
    );
    expect(screen.getByTestId('enforcement-kpis-export-csv')).toHaveAttribute(
      'href',
      '/api/v1/kpis/values?from=2026-10&to=2026-12&revision=latest&module=enforcement&format=csv',
    );
    expect(screen.getByTestId('enforcement-kpis-township-csv')).toHaveAttribute(
      'href',
      '/api/v1/kpis/values?from=2026-12&to=2026-12&revision=latest&level=township&module=enforcement&format=csv',
    );
  });

  it('sorts the townships by a KPI, those without a value last', async () => {
    regionRows = december;
    townshipRows = townships;
    const user = userEvent.setup();
    renderPage();
    const order = () => screen.getAllByTestId('enforcement-kpis-township-row').map((r) => r.dataset.region);
    await waitFor(() => expect(order()).toEqual(['110101001', '110101002', '110101003']));
    const table = screen.getByTestId('enforcement-kpis-townships');
    const header = within(table)
      .getAllByRole('columnheader')
      .find((h) => h.textContent?.includes('结案率'));
    await user.click(header!);
    await waitFor(() => expect(order()).toEqual(['110101001', '110101003', '110101002']));
    await user.click(header!);
    await waitFor(() => expect(order()).toEqual(['110101003', '110101001', '110101002']));
    expect(within(screen.getAllByTestId('enforcement-kpis-township-row')[0]!).getByTestId('enforcement-kpis-cell-EN_CLOSURE'))
      .toHaveTextContent('90.0%');
  });

  it('switches to the original figures: revision=original in the query, the URL and the CSV', async () => {
    regionRows = [...november, ...december];
    originalRows = novemberOriginal;
    townshipRows = [];
    const user = userEvent.setup();
    const { router } = renderPage();
    await screen.findAllByTestId('enforcement-kpis-row');
    await user.click(screen.getByTestId('enforcement-kpis-revision-original'));
    await waitFor(() => expect(screen.getByTestId('enforcement-kpis-cards')).toHaveAttribute('data-month', '2026-11'));
    expect(new URLSearchParams(router.state.location.search).get('revision')).toBe('original');
    expect(valueCalls()).toContainEqual({ from: '2026-10', to: '2026-12', revision: 'original', module: 'enforcement' });
    expect(card('EN_CASES')).toHaveTextContent('6 件');
    expect(within(screen.getByTestId('enforcement-kpis-cards')).getAllByTestId('enforcement-kpis-status')[0]).toHaveTextContent(
      '已冻结 · 修订 1',
    );
    expect(screen.getAllByTestId('enforcement-kpis-row').map((r) => r.dataset.month)).toEqual(['2026-11']);
    expect(screen.getByTestId('enforcement-kpis-export-csv').getAttribute('href')).toContain('revision=original');
    expect(screen.getByTestId('enforcement-kpis-townships')).toHaveTextContent('该月没有乡镇（街道）的指标数据');
  });

  it('asks for this year by default and says so in Chinese when there are no figures', async () => {
    regionRows = [];
    townshipRows = [];
    renderPage('/enforcement/kpis');
    expect(await screen.findByTestId('enforcement-kpis-empty')).toHaveTextContent('所选月份没有执法指标数据');
    const month = countyToday().slice(0, 7);
    expect(valueCalls()).toContainEqual({ from: `${month.slice(0, 4)}-01`, to: month, revision: 'latest', module: 'enforcement' });
    expect(screen.getByTestId('enforcement-kpis-monthly')).toHaveTextContent('所选月份没有执法指标数据');
  });

  it('shows the API’s problem in its own words', async () => {
    failValues = json(400, {
      title: '请求参数有误',
      status: 400,
      detail: '一次最多查询 60 个月。',
      code: 'validation_failed',
      errors: { from: ['一次最多查询 60 个月。'] },
    });
    renderPage();
    await waitFor(() => expect(screen.getAllByTestId('problem-alert')[0]).toHaveTextContent('一次最多查询 60 个月。'));
    expect(screen.getByTestId('enforcement-kpis-empty')).toHaveTextContent('指标数据加载失败');
    failValues = null;
  });
});
