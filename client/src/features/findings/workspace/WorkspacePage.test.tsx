import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../../lib/i18n';
import type { Finding, FindingCount, KpiCatalogueEntry, KpiValueRow, Me } from '../../../lib/api/types';
import { CurrentUserContext } from '../../../lib/auth/useAuth';
import { countyToday } from '../../../lib/dates';
import { addMonths } from '../../../lib/months';
import { renderRoutes } from '../../../test/render';
import { json, fetchMockInEachTest } from '../../../test/fetch';
import { WorkspacePage } from './WorkspacePage';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const evaluator: Me = {
  id: 'u-9',
  username: 'evaluator',
  displayName: '评估员',
  role: 'evaluator',
  roleName: '第三方评估机构',
  regionId: 'county-1',
  regionName: '示范县',
  regionLevel: 'county',
  unitId: null,
  unitName: null,
  permissions: ['audit.read', 'findings.read', 'findings.post'],
  grant: {
    id: 'g-1',
    organisation: '华信第三方评估有限公司',
    purpose: '乡镇（街道）管理体制改革成效评估',
    periodFrom: '2025-01-01',
    periodTo: '2030-12-31',
    modules: ['power_lists', 'enforcement'],
    expiresAt: '2031-01-01T00:00:00Z',
    regions: [{ id: 'county-1', code: '110101', name: '示范县', level: 'county' }],
  },
};

/** The last closed month: what the page asks first. */
const closed = addMonths(countyToday().slice(0, 7), -1);

const def = (over: Partial<KpiCatalogueEntry>): KpiCatalogueEntry => ({
  code: 'EN_CLOSURE',
  name: '结案率',
  module: 'enforcement',
  numerator: '当月结案数',
  denominator: '当月立案数',
  unit: '%',
  target: 0.9,
  direction: 'higher',
  levels: ['county', 'township'],
  version: 'EN-2026.2',
  numeratorCounters: [],
  denominatorCounters: [],
  ...over,
});

const definitions = [
  def({}),
  def({ code: 'EN_CASES', name: '执法案件数', numerator: '当月立案的案件数', denominator: '—', unit: '件' }),
];

const figure = (over: Partial<KpiValueRow>): KpiValueRow => ({
  code: 'EN_CLOSURE',
  name: '结案率',
  module: 'enforcement',
  unit: '%',
  month: closed,
  regionId: 'county-1',
  regionCode: '110101',
  regionName: '示范县',
  value: 0.8333,
  numerator: 10,
  denominator: 12,
  target: 0.9,
  met: false,
  frozen: true,
  revision: 2,
  definitionVersion: 'EN-2026.1',
  frozenAt: `${closed}-28T16:00:00Z`,
  computedAt: null,
  ...over,
});

const rows = [
  figure({}),
  figure({ code: 'EN_CASES', name: '执法案件数', unit: '件', value: 12, numerator: 12, denominator: 0, met: null }),
  figure({ month: addMonths(closed, 1), value: 0.5, numerator: 1, denominator: 2, frozen: false, revision: 0 }),
];

const summary: FindingCount[] = [
  {
    regionId: 'r-1',
    regionName: '城关镇',
    module: 'enforcement',
    moduleName: '综合行政执法',
    open: 2,
    answered: 1,
    total: 4,
  },
  {
    regionId: 'r-2',
    regionName: '东乡镇',
    module: 'power_lists',
    moduleName: '权责清单',
    open: 1,
    answered: 0,
    total: 1,
  },
];

const posted: Finding = {
  id: 'f-1',
  grantId: 'g-1',
  module: 'enforcement',
  moduleName: '综合行政执法',
  recordType: null,
  recordTypeName: null,
  recordId: null,
  kpiCode: 'EN_CLOSURE',
  kpiMonth: closed,
  kpiRevision: 2,
  regionName: '示范县',
  severity: 'medium',
  severityName: '较重',
  title: '结案率与台账不符',
  state: 'open',
  stateName: '待答复',
  createdAt: '2026-12-01T02:00:00Z',
  createdBy: '评估员',
  allowedActions: ['amend', 'close'],
  thread: [],
  version: 1,
};

describe('the evaluator’s workspace (评估工作台)', () => {
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/v1/kpis/definitions') return json(200, definitions);
    if (url.pathname === '/api/v1/kpis/values') return json(200, rows);
    if (url.pathname === '/api/v1/evaluation/findings/summary') return json(200, summary);
    if (url.pathname === '/api/v1/evaluation/findings' && init?.method === 'POST')
      return json(201, posted, { ETag: '"v1"' });
    if (url.pathname === '/api/v1/evaluation/findings') return json(200, { items: [], nextCursor: null });
    if (url.pathname === '/api/v1/organization/regions')
      return json(200, [
        {
          id: 'county-1',
          parentId: null,
          code: '110101',
          name: '示范县',
          level: 'county',
          kind: 'county',
          childCount: 0,
        },
      ]);
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const calls = (path: string) =>
    fetchMock.mock.calls
      .map(([input, init]) => ({ url: new URL(String(input), 'http://localhost'), init }))
      .filter(({ url }) => url.pathname === path);

  const renderPage = (me: Me = evaluator, path = '/evaluation') =>
    renderRoutes(
      [
        {
          path: '/evaluation',
          element: (
            <CurrentUserContext.Provider value={me}>
              <WorkspacePage />
            </CurrentUserContext.Provider>
          ),
        },
      ],
      path,
    );

  const kpiRow = (code: string, month = closed) =>
    screen.getAllByTestId('workspace-kpi-row').find((r) => r.dataset.code === code && r.dataset.month === month)!;

  it('shows the grant and every figure of the last closed month with its revision and definition version', async () => {
    renderPage();
    const grant = screen.getByTestId('workspace-grant');
    expect(grant).toHaveTextContent('华信第三方评估有限公司');
    expect(grant).toHaveTextContent('乡镇（街道）管理体制改革成效评估');
    expect(screen.getByTestId('workspace-grant-regions')).toHaveTextContent('示范县');
    expect(screen.getByTestId('workspace-grant-period')).toHaveTextContent('2025-01-01 ~ 2030-12-31');
    expect(screen.getByTestId('workspace-grant-modules')).toHaveTextContent('权责清单综合行政执法');

    await waitFor(() => expect(screen.getAllByTestId('workspace-kpi-row')).toHaveLength(3));
    expect(calls('/api/v1/kpis/values').map(({ url }) => Object.fromEntries(url.searchParams))).toEqual([
      { from: closed, to: closed, revision: 'latest' },
    ]);
    // newest month first: the open month's provisional figure, then the closed month's frozen ones
    expect(screen.getAllByTestId('workspace-kpi-row').map((r) => [r.dataset.code, r.dataset.frozen])).toEqual([
      ['EN_CLOSURE', 'false'],
      ['EN_CLOSURE', 'true'],
      ['EN_CASES', 'true'],
    ]);
    const closure = within(kpiRow('EN_CLOSURE'));
    expect(closure.getByTestId('workspace-kpi-value')).toHaveTextContent('83.3%');
    expect(closure.getByTestId('workspace-kpi-fraction')).toHaveTextContent('10 / 12');
    expect(closure.getByTestId('workspace-kpi-met')).toHaveTextContent('未达标');
    expect(closure.getByTestId('workspace-kpi-status')).toHaveTextContent('已冻结 · 修订 2');
    expect(kpiRow('EN_CLOSURE')).toHaveTextContent('≥ 90.0%');
    expect(kpiRow('EN_CLOSURE')).toHaveTextContent('EN-2026.1');
    expect(kpiRow('EN_CLOSURE')).toHaveTextContent('综合行政执法');
    const cases = within(kpiRow('EN_CASES'));
    expect(cases.getByTestId('workspace-kpi-value')).toHaveTextContent('12 件');
    expect(cases.getByTestId('workspace-kpi-fraction')).toHaveTextContent(/^12$/);
    expect(cases.queryByTestId('workspace-kpi-met')).not.toBeInTheDocument();
    expect(within(kpiRow('EN_CLOSURE', addMonths(closed, 1))).getByTestId('workspace-kpi-status')).toHaveTextContent(
      '临时',
    );
    expect(screen.getByTestId('workspace-kpi-csv')).toHaveAttribute(
      'href',
      `/api/v1/kpis/values?from=${closed}&to=${closed}&revision=latest&format=csv`,
    );
    // the findings tab counts those waiting for an answer
    expect(screen.getByTestId('workspace-tab-findings-waiting')).toHaveTextContent('3');
  });

  it('asks one module of the grant, the original figures and a region from the address; the CSV the same', async () => {
    renderPage(evaluator, `/evaluation?module=enforcement&from=2026-01&to=2026-03&revision=original&regionId=t-1`);
    await screen.findAllByTestId('workspace-kpi-row');
    const asked = { from: '2026-01', to: '2026-03', revision: 'original', module: 'enforcement', regionId: 't-1' };
    expect(calls('/api/v1/kpis/values').map(({ url }) => Object.fromEntries(url.searchParams))).toEqual([asked]);
    expect(screen.getByTestId('workspace-kpi-csv')).toHaveAttribute(
      'href',
      `/api/v1/kpis/values?${new URLSearchParams({ ...asked, format: 'csv' }).toString()}`,
    );
  });

  it('shows a KPI’s definition from its code or its 定义 button', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findAllByTestId('workspace-kpi-row');
    await user.click(within(kpiRow('EN_CLOSURE')).getByTestId('workspace-kpi-code'));
    const definition = await screen.findByTestId('workspace-definition');
    expect(definition).toHaveAttribute('data-code', 'EN_CLOSURE');
    expect(screen.getByTestId('workspace-definition-numerator')).toHaveTextContent('当月结案数');
    expect(screen.getByTestId('workspace-definition-denominator')).toHaveTextContent('当月立案数');
    expect(screen.getByTestId('workspace-definition-target')).toHaveTextContent('≥ 90.0%');
    expect(screen.getByTestId('workspace-definition-version')).toHaveTextContent('EN-2026.2');
    expect(definition).toHaveTextContent('越高越好');
    expect(definition).toHaveTextContent('县、乡镇（街道）');

    await user.click(within(kpiRow('EN_CASES')).getByTestId('workspace-kpi-define'));
    await waitFor(() => expect(screen.getByTestId('workspace-definition')).toHaveAttribute('data-code', 'EN_CASES'));
    expect(screen.getByTestId('workspace-definition')).toHaveTextContent('统计当月立案的案件数');
    expect(screen.queryByTestId('workspace-definition-denominator')).not.toBeInTheDocument();
  });

  it('opens the finding form on a frozen figure with the figure quoted, and posts it', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findAllByTestId('workspace-kpi-row');
    // the open month's provisional figure cannot be quoted
    expect(
      within(kpiRow('EN_CLOSURE', addMonths(closed, 1))).queryByTestId('workspace-kpi-quote'),
    ).not.toBeInTheDocument();
    await user.click(within(kpiRow('EN_CLOSURE')).getByTestId('workspace-kpi-quote'));

    const modal = await screen.findByTestId('finding-post-modal');
    const form = within(modal);
    await waitFor(() => expect(form.getByTestId('finding-post-kpi')).toHaveTextContent('EN_CLOSURE 结案率'));
    expect(form.getByTestId('finding-post-kind').querySelector('input[value="figure"]')).toBeChecked();
    expect(form.getByTestId('finding-post-region')).toHaveTextContent('示范县');
    expect(modal.querySelector('#finding_subject_month')).toHaveValue(closed);
    expect(modal.querySelector('#finding_subject_revision')).toHaveValue('2');

    await user.type(form.getByTestId('finding-post-title'), '结案率与台账不符');
    await user.type(form.getByTestId('finding-post-text'), '台账记载的结案数为 9 件。');
    await user.click(screen.getByTestId('finding-post-submit'));
    const posts = () => calls('/api/v1/evaluation/findings').filter(({ init }) => init?.method === 'POST');
    await waitFor(() => expect(posts()).toHaveLength(1));
    const post = posts()[0]!;
    expect(JSON.parse(String(post.init?.body))).toEqual({
      subject: {
        module: null,
        recordType: null,
        recordId: null,
        kpiCode: 'EN_CLOSURE',
        regionId: 'county-1',
        month: closed,
        revision: 2,
      },
      severity: 'medium',
      title: '结案率与台账不符',
      text: '台账记载的结案数为 9 件。',
    });
  });

  it('lists the records of the modules the grant opens only', async () => {
    const user = userEvent.setup();
    const { router } = renderPage();
    await user.click(screen.getByTestId('workspace-tab-records'));
    expect(screen.getAllByTestId('workspace-records-module').map((s) => s.dataset.module)).toEqual([
      'power_lists',
      'enforcement',
    ]);
    expect(screen.getByTestId('workspace-records-cases')).toHaveAttribute('href', '/enforcement/cases');
    expect(screen.queryByTestId('workspace-records-applications')).not.toBeInTheDocument();
    expect(new URLSearchParams(router.state.location.search).get('tab')).toBe('records');
  });

  it('counts the grant’s findings waiting and answered, and links the audit log', async () => {
    const user = userEvent.setup();
    renderPage(evaluator, '/evaluation?tab=findings');
    await waitFor(() => expect(screen.getByTestId('workspace-findings-waiting')).toHaveTextContent('3'));
    expect(screen.getByTestId('workspace-findings-answered')).toHaveTextContent('1');
    expect(screen.getByTestId('workspace-findings-total')).toHaveTextContent('5');
    expect(await screen.findByTestId('findings-table')).toBeInTheDocument();
    await user.click(screen.getByTestId('workspace-tab-audit'));
    expect(screen.getByTestId('workspace-audit-open').closest('a')).toHaveAttribute('href', '/audit');
    expect(screen.getByTestId('workspace-audit-mine').closest('a')).toHaveAttribute(
      'href',
      '/audit?actor=evaluator&action=evaluation.read',
    );
  });

  it('tells a user without a grant that the workspace is for evaluators', () => {
    renderPage({ ...evaluator, role: 'county_admin', grant: null });
    expect(screen.getByTestId('workspace-no-grant')).toHaveTextContent('您的账户没有评估任务');
  });
});
