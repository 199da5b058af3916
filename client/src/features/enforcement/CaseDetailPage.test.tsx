import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import type { BenchmarkSet, EnforcementCase } from '../../lib/api/types';
import { renderRoutes } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { CaseDetailPage } from './CaseDetailPage';
import { decidedCase } from './caseDocumentTestData';
import { enforcementCase, entry, filedCase, officer } from './caseTestData';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const notice = {
  notifiedOn: '2026-12-03',
  kinds: [{ code: 'fine', name: '罚款' }],
  fine: 800,
  confiscation: null,
  hearingEligible: false,
  statementDueOn: '2026-12-10',
  statement: null,
};

const benchmarks: BenchmarkSet[] = [
  {
    itemCode: 'CF-URB-001',
    version: 1,
    degrees: [
      { degree: 'minor', degreeName: '轻微', description: '首次、及时改正', kinds: ['warning'], minFine: null, maxFine: null },
      {
        degree: 'general',
        degreeName: '一般',
        description: '一般情节',
        kinds: ['warning', 'fine'],
        minFine: 500,
        maxFine: 2000,
      },
    ],
  },
];

describe('a case’s page', () => {
  let current: EnforcementCase = filedCase();
  let respond: () => Response = () => json(500, {});
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = new URL(String(input), 'http://localhost');
    const path = url.pathname;
    if (init?.method === 'POST' && path.startsWith('/api/v1/enforcement/cases/case-1/')) return respond();
    if (path === '/api/v1/enforcement/cases/case-1') return json(200, current, { ETag: `"v${current.version}"` });
    if (path === '/api/v1/enforcement/officers') {
      return json(200, {
        items: [
          officer('o1', '李执法'),
          officer('o2', '赵执法'),
          officer('o3', '周执法'),
          officer('o4', '吴执法', { status: 'left' }),
        ],
        nextCursor: null,
      });
    }
    if (path === '/api/v1/enforcement/benchmarks') return json(200, benchmarks);
    if (path === '/api/v1/enforcement/teams/team-1') return json(200, { id: 'team-1', townshipId: 'tw-1' });
    if (path === '/api/v1/power-lists/townships/tw-1/entries') {
      return json(200, { townshipId: 'tw-1', townshipName: '城关镇', asOf: '2026-12-07', entries: [entry('CF-1', '处罚')] });
    }
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const renderPage = () =>
    renderRoutes(
      [
        { path: '/enforcement/cases/:id', element: <CaseDetailPage /> },
        { path: '/enforcement/cases/:id/print/:doc', element: <div data-testid="print-page" /> },
      ],
      '/enforcement/cases/case-1',
    );

  const posts = () =>
    fetchMock.mock.calls
      .filter(([, init]) => init?.method === 'POST')
      .map(([input, init]) => ({
        url: String(input),
        ifMatch: new Headers(init?.headers).get('If-Match'),
        body: JSON.parse(String(init?.body)) as Record<string, unknown>,
      }));

  const field = (testId: string) => screen.getByTestId(testId).closest('.ant-form-item') as HTMLElement;

  it('shows the sections reached so far and one button per allowed action, nothing else', async () => {
    current = filedCase({ allowedActions: ['reassign', 'teleport', 'extend', 'notify'] });
    renderPage();
    expect(await screen.findByTestId('case-title')).toHaveTextContent('王五 · 城关镇人民路 18 号');
    const buttons = within(screen.getByTestId('case-actions')).getAllByRole('button');
    expect(buttons.map((b) => b.dataset.testid)).toEqual([
      'case-action-notify',
      'case-action-extend',
      'case-action-reassign',
    ]);
    expect(screen.getByTestId('case-action-notify')).toHaveTextContent('告知');
    expect(screen.queryByTestId('case-action-decide')).not.toBeInTheDocument();

    expect(screen.getByTestId('case-item')).toHaveTextContent('CF-URB-001 对占道经营的处罚');
    expect(screen.getByTestId('case-limitation')).toHaveTextContent('2028-11-30');
    expect(within(screen.getByTestId('case-officers-table')).getByText('赵执法')).toBeInTheDocument();
    expect(screen.getByTestId('case-section-notice-empty')).toHaveTextContent('尚未进行');
    expect(screen.getByTestId('case-section-decision-empty')).toBeInTheDocument();
    expect(screen.getByTestId('case-event')).toHaveTextContent('登记线索');
  });

  it('offers the documents the case has reached under 打印文书, each opening its print page', async () => {
    current = decidedCase();
    const { router } = renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('case-print-menu'));
    expect(await screen.findByTestId('case-print-decision')).toHaveTextContent('行政处罚决定书');
    expect(screen.getByTestId('case-print-filing')).toHaveTextContent('立案审批表');
    expect(screen.getByTestId('case-print-service')).toHaveTextContent('送达回证');
    expect(screen.queryByTestId('case-print-closing')).not.toBeInTheDocument();
    expect(screen.queryByTestId('case-print-hearing')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('case-print-decision'));
    expect(await screen.findByTestId('print-page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/enforcement/cases/case-1/print/decision');
  });

  it('has no 打印文书 before 立案', async () => {
    current = enforcementCase();
    renderPage();
    expect(await screen.findByTestId('case-title')).toBeInTheDocument();
    expect(screen.queryByTestId('case-print-menu')).not.toBeInTheDocument();
  });

  it('says so when this user may do nothing', async () => {
    current = filedCase({ allowedActions: [] });
    renderPage();
    expect(await screen.findByTestId('case-no-actions')).toHaveTextContent('当前无可办理事项');
    expect(within(screen.getByTestId('case-actions')).queryAllByRole('button')).toHaveLength(0);
  });

  it('posts 延期 with If-Match and shows the server’s reason of a 409', async () => {
    current = filedCase();
    respond = () =>
      json(409, {
        title: '状态冲突',
        status: 409,
        detail: '办案期限已过，不能再延期。',
        code: 'enforcement.extension_too_late',
        allowedActions: ['decide', 'reassign'],
      });
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByTestId('case-action-extend'));
    await user.click(screen.getByTestId('case-action-submit'));
    expect(await screen.findByText('请填写延长天数')).toBeInTheDocument();
    expect(screen.getByText('请填写理由')).toBeInTheDocument();
    expect(posts()).toHaveLength(0);

    await user.type(screen.getByTestId('case-days'), '15');
    await user.type(screen.getByTestId('case-note'), '案情复杂，需补充鉴定');
    await user.click(screen.getByTestId('case-action-submit'));
    expect(await screen.findByTestId('problem-alert')).toHaveTextContent('办案期限已过，不能再延期。');
    expect(screen.getByTestId('case-moved')).toHaveTextContent('作出决定、更换承办人员');
    expect(posts()).toEqual([
      {
        url: '/api/v1/enforcement/cases/case-1/extend',
        ifMatch: '"v2"',
        body: { days: 15, officerIds: null, note: '案情复杂，需补充鉴定' },
      },
    ]);
    expect(screen.getByTestId('case-action-modal')).toBeInTheDocument();
  });

  it('puts a 400’s field error under its field (告知 with a fine)', async () => {
    current = filedCase();
    respond = () =>
      json(400, {
        title: '请求参数有误',
        status: 400,
        code: 'validation_failed',
        errors: { fineAmount: ['罚款金额须大于 0 且不超过 10 亿元。'] },
      });
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByTestId('case-action-notify'));
    await user.click(within(field('case-penalty-kinds')).getByRole('combobox'));
    await user.click(await screen.findByText('罚款', { selector: '.ant-select-item-option-content' }));
    await user.type(await screen.findByTestId('case-fine'), '800');
    await user.click(screen.getByTestId('case-major-complex'));
    await user.click(screen.getByTestId('case-action-submit'));

    await waitFor(() => expect(field('case-fine')).toHaveTextContent('罚款金额须大于 0 且不超过 10 亿元。'));
    expect(screen.queryByTestId('problem-alert')).not.toBeInTheDocument();
    expect(posts()[0]).toMatchObject({
      url: '/api/v1/enforcement/cases/case-1/notify',
      ifMatch: '"v2"',
      body: {
        penaltyKinds: ['fine'],
        fineAmount: 800,
        confiscationAmount: null,
        majorReasons: ['complex'],
        note: null,
      },
    });
  });

  it('offers the county’s 裁量基准 degrees with their ranges, and shows the decided case', async () => {
    current = filedCase({ state: 'notified', notice, allowedActions: ['decide'], version: 3 });
    const decided = filedCase({
      state: 'decided',
      notice,
      version: 4,
      allowedActions: ['deliver'],
      decision: {
        decisionNo: '城关综执罚决〔2026〕17号',
        decidedOn: '2026-12-11',
        kinds: [{ code: 'fine', name: '罚款' }],
        fine: 800,
        confiscation: null,
        benchmarkDegree: 'general',
        legalBasis: '《城市市容和环境卫生管理条例》第三十六条',
        noPenaltyReason: null,
        deliveryDueOn: '2026-12-22',
      },
    });
    respond = () => json(200, decided, { ETag: '"v4"' });
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByTestId('case-action-decide'));
    // the decision starts from the notice: 罚款 800
    expect(await screen.findByTestId('case-fine')).toHaveValue('800.00');
    await user.click(within(field('case-degree')).getByRole('combobox'));
    expect(await screen.findByText('一般 · 罚款 500–2000 元')).toBeInTheDocument();
    expect(screen.getByText('轻微 · 不罚款')).toBeInTheDocument();
    await user.click(screen.getByTestId('case-degree-general'));
    await user.click(screen.getByTestId('case-action-submit'));

    expect(await screen.findByTestId('case-decision-no')).toHaveTextContent('城关综执罚决〔2026〕17号');
    expect(posts()[0]).toMatchObject({
      url: '/api/v1/enforcement/cases/case-1/decide',
      ifMatch: '"v3"',
      body: { penaltyKinds: ['fine'], fineAmount: 800, benchmarkDegree: 'general', noPenaltyReason: null },
    });
    expect(fetchMock.mock.calls.some(([i]) => String(i) === '/api/v1/enforcement/benchmarks?itemCode=CF-URB-001')).toBe(
      true,
    );
    expect(screen.getByTestId('case-state')).toHaveTextContent('已决定');
    expect(screen.getByTestId('case-action-deliver')).toBeInTheDocument();
    expect(screen.queryByTestId('case-action-modal')).not.toBeInTheDocument();
  });

  it('offers a reload when someone else moved the case (412)', async () => {
    current = filedCase();
    respond = () =>
      json(412, {
        title: '记录已被他人修改',
        status: 412,
        detail: '记录已被他人修改，请刷新后重试。',
        code: 'precondition_failed',
      });
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByTestId('case-action-reassign'));
    // the officers now on the case are chosen; one who has left may not be picked
    await user.type(screen.getByTestId('case-note'), '李执法调岗');
    await user.click(screen.getByTestId('case-action-submit'));
    expect(await screen.findByTestId('stale-record')).toHaveTextContent('记录已被他人修改，请刷新后重试');
    expect(posts()[0]).toMatchObject({ body: { days: null, officerIds: ['o1', 'o2'], note: '李执法调岗' } });
  });
});
