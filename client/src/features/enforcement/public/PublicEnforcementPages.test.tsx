import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../../lib/i18n';
import type { PublicDisclosure, PublicTeam } from '../../../lib/api/types';
import { routes } from '../../../app/router';
import { renderRoutes } from '../../../test/render';
import { json, fetchMockInEachTest } from '../../../test/fetch';
import { PUBLIC_COUNTY_STORAGE_KEY } from '../../../lib/publicPaths';
import { publicDisclosure } from '../disclosureTestData';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const C1 = '11111111-1111-4111-8111-111111111111';
const TW1 = '22222222-2222-4222-8222-222222222222';
const TW2 = '33333333-3333-4333-8333-333333333333';
const counties = [
  {
    id: C1,
    name: '清河县',
    townships: [
      { id: TW1, name: '城关镇' },
      { id: TW2, name: '河口镇' },
    ],
  },
];

const company = publicDisclosure({
  id: 'p-2',
  decisionNo: '河口综执罚决〔2026〕4号',
  townshipName: '河口镇',
  partyDisplay: '清河县顺达物流有限公司',
  creditCode: '91130000MA0000000X',
  penalty: '警告',
});
const retracted = publicDisclosure({
  id: 'p-3',
  state: 'retracted',
  decisionNo: '城关综执罚决〔2026〕2号',
  partyDisplay: null,
  facts: null,
  penalty: null,
  legalBasis: null,
  retractedOn: '2026-12-05',
  retractionReason: '经行政复议，原处罚决定被撤销',
});

const team: PublicTeam = {
  townshipId: TW1,
  townshipName: '城关镇',
  name: '城关镇综合行政执法大队',
  phone: '0310-5551234',
  address: '城关镇人民路 1 号',
  officers: [
    { name: '李执法', certificateNumber: '990101010005', issuingBody: '县人民政府', validUntil: '2028-05-22',
      domains: ['城市管理', '市场监管'] },
    { name: '赵执法', certificateNumber: '990101010033', issuingBody: '县人民政府', validUntil: '2031-01-26',
      domains: ['文化旅游'] },
  ],
  powers: [
    { code: 'CF00001000', name: '对占道经营违法行为的行政处罚', type: 'CF', mode: 'entrusted', modeName: '委托' },
    { code: 'JC00002000', name: '对市容环境卫生的行政检查', type: 'JC', mode: 'statutory', modeName: '法定' },
  ],
  complaints: '对执法人员或执法行为有异议的，可向城关镇综合行政执法大队（电话 0310-5551234）反映。',
};

describe('the public 执法公示 pages (no session, on a phone)', () => {
  let pages: Record<string, { items: PublicDisclosure[]; nextCursor: string | null }> = {};
  let currentTeam: PublicTeam = team;
  const fetchMock = vi.fn(async (...[input]: FetchArgs) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/v1/public/organization/counties') return json(200, counties);
    if (url.pathname === '/api/v1/public/enforcement/disclosures') {
      const key = `${url.searchParams.get('regionId')}|${url.searchParams.get('cursor') ?? ''}`;
      const page = pages[key];
      return page ? json(200, page) : json(404, { title: '未找到', status: 404, code: 'not_found' });
    }
    if (url.pathname === `/api/v1/public/enforcement/teams/${TW1}`) return json(200, currentTeam);
    if (url.pathname.startsWith('/api/v1/public/enforcement/teams/')) {
      return json(404, { title: '未找到', status: 404, detail: '记录不存在或无权访问。', code: 'not_found' });
    }
    // anything else would need a session: there is none
    return json(401, { title: '未登录', status: 401, code: 'unauthenticated' });
  });
  fetchMockInEachTest(fetchMock);

  const disclosureCalls = () =>
    fetchMock.mock.calls
      .map(([input]) => new URL(String(input), 'http://localhost'))
      .filter((u) => u.pathname === '/api/v1/public/enforcement/disclosures')
      .map((u) => Object.fromEntries(u.searchParams));

  it('asks for the county first, each leading to its list', async () => {
    renderRoutes(routes, '/public/enforcement/disclosures');
    const pick = await screen.findByTestId('public-county-pick', {}, { timeout: 8_000 });
    expect(pick).toHaveAttribute('href', `/public/enforcement/disclosures?regionId=${C1}`);
    expect(screen.getByTestId('page-title')).toHaveTextContent('行政处罚决定公示');
    expect(disclosureCalls()).toHaveLength(0);
  });

  it('lists decisions as cards: a person masked, an organisation with its code, a retraction its reason', async () => {
    pages = { [`${C1}|`]: { items: [publicDisclosure(), company, retracted], nextCursor: 'n1' } };
    const user = userEvent.setup();
    const { router } = renderRoutes(routes, `/public/enforcement/disclosures?regionId=${C1}`);
    const cards = await screen.findAllByTestId('public-disclosure', {}, { timeout: 8_000 });
    expect(screen.getByTestId('public-disclosures-title')).toHaveTextContent('清河县行政处罚决定公示');
    expect(cards.map((c) => c.dataset.id)).toEqual(['p-1', 'p-2', 'p-3']);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    const person = within(cards[0]!);
    expect(person.getByTestId('public-disclosure-no')).toHaveTextContent('城关综执罚决〔2026〕17号');
    expect(person.getByTestId('public-disclosure-party')).toHaveTextContent('王*');
    expect(person.getByTestId('public-disclosure-penalty')).toHaveTextContent('罚款 500 元');
    expect(person.queryByTestId('public-disclosure-credit-code')).not.toBeInTheDocument();
    expect(cards[0]).toHaveTextContent('城关镇 · 城市管理 · 决定日期 2026-12-01 · 公示日期 2026-12-03');

    expect(within(cards[1]!).getByTestId('public-disclosure-credit-code')).toHaveTextContent('91130000MA0000000X');

    const gone = within(cards[2]!);
    expect(gone.getByTestId('public-disclosure-retracted')).toHaveTextContent('已撤回');
    expect(gone.getByTestId('public-disclosure-reason')).toHaveTextContent('经行政复议，原处罚决定被撤销');
    expect(gone.queryByTestId('public-disclosure-party')).not.toBeInTheDocument();
    expect(gone.queryByTestId('public-disclosure-penalty')).not.toBeInTheDocument();

    // the county's teams, each to its page
    const links = within(screen.getByTestId('public-team-links')).getAllByTestId('public-team-link');
    expect(links.map((l) => l.getAttribute('href'))).toEqual([
      `/public/enforcement/teams/${TW1}`,
      `/public/enforcement/teams/${TW2}`,
    ]);
    expect(localStorage.getItem(PUBLIC_COUNTY_STORAGE_KEY)).toBe(C1);

    // 加载更多 by cursor
    pages[`${C1}|n1`] = { items: [publicDisclosure({ id: 'p-4' })], nextCursor: null };
    await user.click(screen.getByTestId('load-more'));
    await waitFor(() => expect(screen.getAllByTestId('public-disclosure')).toHaveLength(4));
    expect(disclosureCalls()).toEqual([
      { regionId: C1, limit: '20' },
      { regionId: C1, limit: '20', cursor: 'n1' },
    ]);
    expect(router.state.location.pathname).toBe('/public/enforcement/disclosures');
  });

  it('narrows to a township, which links its team page', async () => {
    pages = {
      [`${C1}|`]: { items: [publicDisclosure(), company], nextCursor: null },
      [`${TW2}|`]: { items: [company], nextCursor: null },
    };
    const user = userEvent.setup();
    const { router } = renderRoutes(routes, `/public/enforcement/disclosures?regionId=${C1}`);
    await screen.findAllByTestId('public-disclosure', {}, { timeout: 8_000 });
    expect(screen.queryByTestId('public-disclosures-team')).not.toBeInTheDocument();
    await user.click(within(screen.getByTestId('public-disclosures-region')).getByRole('combobox'));
    await user.click(await screen.findByText('河口镇', { selector: '.ant-select-item-option-content' }));

    await waitFor(() => expect(screen.getAllByTestId('public-disclosure')).toHaveLength(1));
    expect(screen.getByTestId('public-disclosures-title')).toHaveTextContent('河口镇行政处罚决定公示');
    expect(new URLSearchParams(router.state.location.search).get('regionId')).toBe(TW2);
    expect(screen.getByTestId('public-disclosures-team')).toHaveAttribute('href', `/public/enforcement/teams/${TW2}`);
    expect(screen.queryByTestId('public-team-links')).not.toBeInTheDocument();
  });

  it('says so when nothing is published, and when the region is unknown', async () => {
    pages = { [`${TW1}|`]: { items: [], nextCursor: null } };
    const view = renderRoutes(routes, `/public/enforcement/disclosures?regionId=${TW1}`);
    expect(await screen.findByTestId('public-disclosures-empty', {}, { timeout: 8_000 })).toHaveTextContent(
      '暂无公示的行政处罚决定',
    );
    view.unmount();
    renderRoutes(routes, '/public/enforcement/disclosures?regionId=nowhere');
    expect(await screen.findByTestId('not-found', {}, { timeout: 8_000 })).toHaveTextContent('未找到该地区的公示信息');
  });

  it('shows a township’s team: contacts, complaints, certified officers and powers, as cards and lists', async () => {
    renderRoutes(routes, `/public/enforcement/teams/${TW1}`);
    expect(await screen.findByTestId('public-team-name', {}, { timeout: 8_000 })).toHaveTextContent(
      '城关镇综合行政执法大队',
    );
    expect(screen.getByTestId('public-team-phone')).toHaveAttribute('href', 'tel:0310-5551234');
    expect(screen.getByTestId('public-team-address')).toHaveTextContent('城关镇人民路 1 号');
    expect(screen.getByTestId('public-team-complaints')).toHaveTextContent('对执法人员或执法行为有异议的');
    expect(screen.getByTestId('public-team-disclosures')).toHaveAttribute(
      'href',
      `/public/enforcement/disclosures?regionId=${TW1}`,
    );
    expect(screen.getByTestId('public-team-officers-title')).toHaveTextContent('持证执法人员（2 人）');
    const officers = screen.getAllByTestId('public-officer');
    expect(within(officers[0]!).getByTestId('public-officer-certificate')).toHaveTextContent('990101010005');
    expect(within(officers[0]!).getByTestId('public-officer-domains')).toHaveTextContent('城市管理市场监管');
    const powers = screen.getAllByTestId('public-team-power');
    expect(powers.map((p) => p.dataset.code)).toEqual(['CF00001000', 'JC00002000']);
    expect(powers[0]).toHaveTextContent('行政处罚');
    expect(powers[0]).toHaveTextContent('委托');
    expect(powers[1]).toHaveTextContent('行政检查');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the first 20 powers, then all on request', async () => {
    const powers = Array.from({ length: 25 }, (_, i) => ({
      ...team.powers[0]!,
      code: `CF${String(i).padStart(8, '0')}`,
    }));
    currentTeam = { ...team, powers };
    const user = userEvent.setup();
    renderRoutes(routes, `/public/enforcement/teams/${TW1}`);
    expect(await screen.findAllByTestId('public-team-power', {}, { timeout: 8_000 })).toHaveLength(20);
    expect(screen.getByTestId('public-team-powers')).toHaveTextContent('执法事项（25 项）');
    await user.click(screen.getByTestId('public-team-powers-all'));
    expect(screen.getAllByTestId('public-team-power')).toHaveLength(25);
    expect(screen.queryByTestId('public-team-powers-all')).not.toBeInTheDocument();
    currentTeam = team;
  });

  it('answers a township without a team with a plain not-found, never a login', async () => {
    const { router } = renderRoutes(routes, `/public/enforcement/teams/${TW2}`);
    expect(await screen.findByTestId('not-found', {}, { timeout: 8_000 })).toHaveTextContent(
      '该乡镇（街道）尚未公布综合行政执法大队信息',
    );
    expect(router.state.location.pathname).toBe(`/public/enforcement/teams/${TW2}`);
  });

  it('puts 执法公示 in the public menu (the county last looked at) and on the landing page', async () => {
    localStorage.setItem(PUBLIC_COUNTY_STORAGE_KEY, C1);
    const user = userEvent.setup();
    renderRoutes(routes, `/public?county=${C1}`);
    expect(await screen.findByTestId('public-home-enforcement', {}, { timeout: 8_000 })).toHaveAttribute(
      'href',
      `/public/enforcement/disclosures?regionId=${C1}`,
    );
    await user.click(screen.getByTestId('public-menu-button'));
    expect(await screen.findByTestId('public-drawer-enforcement')).toHaveAttribute(
      'href',
      `/public/enforcement/disclosures?regionId=${C1}`,
    );
  });
});
