import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import type { Me, PublicCounty } from '../../lib/api/types';
import { CurrentUserContext } from '../../lib/auth/useAuth';
import { renderRoutes } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { OpenDataPage } from './OpenDataPage';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const countyAdmin: Me = {
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
  permissions: [],
};
const provincial: Me = {
  ...countyAdmin,
  id: 'u-2',
  role: 'evaluator',
  regionId: 'prov-1',
  regionName: '示范省',
  regionLevel: 'province',
};
const townshipLeader: Me = {
  ...countyAdmin,
  id: 'u-3',
  role: 'township_leader',
  regionId: 't-1',
  regionLevel: 'township',
};

const counties: PublicCounty[] = [
  { id: 'county-1', name: '示范县', townships: [] },
  { id: 'county-2', name: '东山县', townships: [] },
];

// 1 December 2026, 00:30 in the county (UTC+8) — still 30 November in UTC: the county's month is December
const NOW = new Date('2026-11-30T16:30:00Z');

const zip = (name: string) =>
  new Response(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), {
    status: 200,
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename=${name}; filename*=UTF-8''${name}`,
      ETag: '"abc"',
    },
  });

describe('the 数据开放包 page', () => {
  let packageAnswer: () => Response = () => zip('open-data-990101000000-2026-11.zip');
  const fetchMock = vi.fn(async (...[input]: FetchArgs) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/v1/public/organization/counties') return json(200, counties);
    if (url.pathname.startsWith('/api/v1/open-data/packages/')) return packageAnswer();
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const saved: { href: string; download: string }[] = [];
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    saved.length = 0;
    packageAnswer = () => zip('open-data-990101000000-2026-11.zip');
    URL.createObjectURL = vi.fn(() => 'blob:package');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download });
    });
  });
  afterEach(() => vi.useRealTimers());

  const packageCalls = () =>
    fetchMock.mock.calls
      .map(([input, init]) => ({ url: String(input), init }))
      .filter((c) => c.url.includes('/open-data/packages/'));

  const renderPage = (me: Me, path = '/open-data') =>
    renderRoutes(
      [
        {
          path: '/open-data',
          element: (
            <CurrentUserContext.Provider value={me}>
              <OpenDataPage />
            </CurrentUserContext.Provider>
          ),
        },
      ],
      path,
    );

  const monthInput = () => within(screen.getByTestId('open-data-form')).getByPlaceholderText(/月|month/i);

  it('offers last month in the county (UTC+8) by default, for the user’s own county', async () => {
    renderPage(countyAdmin);
    await waitFor(() => expect(monthInput()).toHaveValue('2026-11'));
    expect(screen.getByTestId('open-data-county')).toHaveTextContent('示范县');
    expect(screen.getByTestId('open-data-county')).toHaveAttribute('data-id', 'county-1');
    expect(screen.getByTestId('page-title')).toHaveTextContent('数据开放包');
  });

  it('does not let the current month (nor a later one) be picked, but any earlier one', async () => {
    const user = userEvent.setup();
    renderPage(countyAdmin);
    await user.click(monthInput());
    const cell = (month: string) => document.querySelector<HTMLElement>(`td[title="${month}"]`)!;
    await waitFor(() => expect(cell('2026-12')).toBeInTheDocument());
    expect(cell('2026-12')).toHaveClass('ant-picker-cell-disabled');
    expect(cell('2026-11')).not.toHaveClass('ant-picker-cell-disabled');
    expect(cell('2026-01')).not.toHaveClass('ant-picker-cell-disabled');
    await user.click(cell('2026-12'));
    expect(monthInput()).toHaveValue('2026-11');
    await user.click(cell('2026-09'));
    await waitFor(() => expect(monthInput()).toHaveValue('2026-09'));
  });

  it('downloads the county’s package of the month with the session, saved under the API’s file name', async () => {
    const user = userEvent.setup();
    renderPage(countyAdmin, '/open-data?month=2026-10');
    await waitFor(() => expect(monthInput()).toHaveValue('2026-10'));
    packageAnswer = () => zip('open-data-990101000000-2026-10.zip');
    await user.click(screen.getByTestId('open-data-download'));
    await waitFor(() =>
      expect(saved).toEqual([{ href: 'blob:package', download: 'open-data-990101000000-2026-10.zip' }]),
    );
    expect(packageCalls()).toHaveLength(1);
    expect(packageCalls()[0]!.url).toBe('/api/v1/open-data/packages/county-1/2026-10');
    expect(packageCalls()[0]!.init?.credentials).toBe('same-origin');
    expect(await screen.findByText('已下载 open-data-990101000000-2026-10.zip')).toBeInTheDocument();
    expect(screen.queryByTestId('open-data-error')).not.toBeInTheDocument();
  });

  it('lets a province-level user pick the county', async () => {
    const user = userEvent.setup();
    renderPage(provincial);
    const select = await screen.findByTestId('open-data-county-select');
    await user.click(within(select).getByRole('combobox'));
    await user.click(await screen.findByTitle('东山县'));
    await user.click(screen.getByTestId('open-data-download'));
    await waitFor(() =>
      expect(packageCalls().map((c) => c.url)).toEqual(['/api/v1/open-data/packages/county-2/2026-11']),
    );
  });

  it('shows the API’s problem detail when there is no package to give (503 without a signing key)', async () => {
    const user = userEvent.setup();
    packageAnswer = () =>
      json(503, {
        type: '/problems/open_data.no_signing_key',
        title: '数据开放包暂不可用',
        status: 503,
        code: 'open_data.no_signing_key',
        detail: '本部署未配置数据开放包签名密钥，请联系系统管理员。',
      });
    renderPage(countyAdmin);
    await user.click(await screen.findByTestId('open-data-download'));
    expect(await screen.findByTestId('open-data-error')).toHaveTextContent(
      '本部署未配置数据开放包签名密钥，请联系系统管理员。',
    );
    expect(saved).toEqual([]);
  });

  it('explains how to verify: the files, the public key and the commands', async () => {
    renderPage(countyAdmin);
    const files = (await screen.findAllByTestId('open-data-file')).map((f) => f.dataset.file);
    expect(files).toEqual([
      'README.md',
      'kpis.csv',
      'power_list_entries.csv',
      'power_list_changes.csv',
      'service_items.csv',
      'applications_by_item.csv',
      'staffing_establishments.csv',
      'staffing_movements.csv',
      'enforcement_disclosures.csv',
      'enforcement_cases_by_township.csv',
      'manifest.sha256',
      'manifest.sig',
    ]);
    expect(screen.getByTestId('open-data-key-link')).toHaveAttribute(
      'href',
      '/.well-known/governance-open-data-key.pem',
    );
    const commands = screen.getByTestId('open-data-commands');
    expect(commands).toHaveTextContent(
      'openssl dgst -sha256 -verify ../governance-open-data-key.pem -signature manifest.sig manifest.sha256',
    );
    expect(commands).toHaveTextContent('sha256sum -c manifest.sha256');
  });

  it('is for county and province users only', async () => {
    renderPage(townshipLeader);
    expect(await screen.findByTestId('forbidden')).toBeInTheDocument();
    expect(screen.queryByTestId('open-data-download')).not.toBeInTheDocument();
  });
});
