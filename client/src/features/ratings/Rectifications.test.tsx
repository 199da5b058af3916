import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import '../../lib/i18n';
import { renderWithProviders } from '../../test/render';
import type { ApplicantContact, Centre, Rectification } from '../../lib/api/types';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { RectificationsPage } from './RectificationsPage';
import { RectificationDetailPage } from './RectificationDetailPage';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const centre = (id: string, name: string): Centre => ({
  id,
  regionId: `r-${id}`,
  tier: 'township',
  tierName: '乡镇便民服务中心',
  name,
  address: '',
  phone: '',
  hours: '',
  itemCount: 0,
  windowCount: 0,
});

const masked: ApplicantContact = { name: '张*', phone: '138****5678', revealed: false, mayReveal: true };

const rectification = (contact: ApplicantContact | null = masked): Rectification => ({
  id: 'x-1',
  ratingId: 'rt-1',
  applicationId: 'app-1',
  applicationNumber: '2026-0101-000001',
  itemName: '城乡居民养老保险参保登记',
  centreName: '城关镇',
  level: 1,
  levelName: '非常不满意',
  ratingComment: '态度差',
  ratedOn: '2026-11-02',
  dueOn: '2026-11-23',
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
  allowedActions: [],
  events: [],
  version: 1,
  contact,
});

describe('差评整改 list: filters by state and centre, export', () => {
  const fetchMock = vi.fn(async (...[input]: FetchArgs) => {
    const url = String(input);
    if (url.startsWith('/api/v1/service-centre/centres?')) {
      const q = new URL(url, 'http://x').searchParams.get('q');
      const all = [centre('c-1', '城关镇便民服务中心'), centre('c-2', '河口镇便民服务中心')];
      return json(200, { items: all.filter((c) => !q || c.name.includes(q)), nextCursor: null });
    }
    if (url === '/api/v1/service-centre/centres/c-3')
      return json(200, { centre: centre('c-3', '新港村代办点'), windows: [], items: [] });
    if (url.startsWith('/api/v1/service-centre/rectifications?'))
      return json(200, { items: [rectification()], nextCursor: null });
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const listCalls = () =>
    fetchMock.mock.calls
      .map(([input]) => String(input))
      .filter((u) => u.startsWith('/api/v1/service-centre/rectifications?'))
      .map((u) => Object.fromEntries(new URL(u, 'http://x').searchParams));

  const centreCalls = () =>
    fetchMock.mock.calls.map(([input]) => String(input)).filter((u) => u.startsWith('/api/v1/service-centre/centres?'));

  it('offers the centres the user can see and the states in Chinese, and exports what they select', async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <MemoryRouter initialEntries={['/services/rectifications?state=open&centreId=c-3']}>
        <RectificationsPage />
      </MemoryRouter>,
    );
    await screen.findByTestId('rectification-row');
    expect(listCalls().at(-1)).toEqual({ state: 'open', centreId: 'c-3', limit: '50' });
    const select = screen.getByTestId('rectifications-centre-filter');
    expect(await within(select).findByText('新港村代办点')).toBeInTheDocument(); // a linked centre past the first page

    await user.type(within(select).getByRole('combobox'), '河口');
    await waitFor(() => expect(centreCalls().at(-1)).toContain('q=%E6%B2%B3%E5%8F%A3'));
    await user.click(await screen.findByText('河口镇便民服务中心', { selector: '.ant-select-item-option-content' }));
    await waitFor(() => expect(listCalls().at(-1)).toEqual({ state: 'open', centreId: 'c-2', limit: '50' }));
    expect(screen.getByTestId('rectifications-export-csv')).toHaveAttribute(
      'href',
      '/api/v1/service-centre/rectifications/export?format=csv&state=open&centreId=c-2',
    );
    expect(screen.getByTestId('rectifications-export-xlsx').getAttribute('href')).toContain('format=xlsx');

    await user.click(within(screen.getByTestId('rectifications-state-filter')).getByRole('combobox'));
    expect(await screen.findByTestId('rectification-state-option-called_back')).toHaveTextContent('已回访');
    expect(screen.getByTestId('rectification-state-option-appealed')).toHaveTextContent('申诉中');
  });
});

describe('差评整改 detail: the application and the contact for the call-back', () => {
  let contact: ApplicantContact | null = masked;
  let reveal: () => Response;
  const fetchMock = vi.fn(async (...[input]: FetchArgs) => {
    const url = String(input);
    if (url === '/api/v1/service-centre/rectifications/x-1?reveal=true') return reveal();
    if (url === '/api/v1/service-centre/rectifications/x-1') return json(200, rectification(contact), { ETag: '"v1"' });
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const renderDetail = () =>
    renderWithProviders(
      <MemoryRouter initialEntries={['/services/rectifications/x-1']}>
        <Routes>
          <Route path="/services/rectifications/:id" element={<RectificationDetailPage />} />
        </Routes>
      </MemoryRouter>,
    );
  const revealCalls = () => fetchMock.mock.calls.filter(([input]) => String(input).includes('reveal=true')).length;

  it('links the application and reveals the masked contact once, when asked', async () => {
    contact = masked;
    reveal = () => json(200, rectification({ name: '张三', phone: '13812345678', revealed: true, mayReveal: true }));
    const user = userEvent.setup();
    renderDetail();
    expect(await screen.findByTestId('rectification-number')).toHaveAttribute('href', '/services/applications/app-1');
    expect(screen.getByTestId('rectification-number')).toHaveTextContent('2026-0101-000001');
    expect(screen.getByTestId('rectification-contact-name')).toHaveTextContent('张*');
    expect(screen.getByTestId('rectification-contact-phone')).toHaveTextContent('138****5678');
    expect(revealCalls()).toBe(0);

    await user.click(screen.getByTestId('rectification-contact-reveal'));
    expect(await screen.findByTestId('rectification-contact-revealed')).toHaveTextContent('查看已留痕');
    expect(screen.getByTestId('rectification-contact-name')).toHaveTextContent('张三');
    expect(screen.getByTestId('rectification-contact-phone')).toHaveTextContent('13812345678');
    await user.click(screen.getByTestId('rectification-contact-hide'));
    expect(screen.getByTestId('rectification-contact-phone')).toHaveTextContent('138****5678');
    await user.click(screen.getByTestId('rectification-contact-reveal'));
    expect(await screen.findByTestId('rectification-contact-revealed')).toBeInTheDocument();
    expect(revealCalls()).toBe(1);
  });

  it('offers no reveal to a role that may not, and says why a refused reveal failed', async () => {
    contact = { ...masked, mayReveal: false };
    const { unmount } = renderDetail();
    expect(await screen.findByTestId('rectification-contact-name')).toHaveTextContent('张*');
    expect(screen.queryByTestId('rectification-contact-reveal')).toBeNull();
    unmount();

    contact = masked;
    reveal = () => json(403, { title: '无权操作', status: 403, detail: '当前角色不能查看申请人完整的个人信息。' });
    const user = userEvent.setup();
    renderDetail();
    await user.click(await screen.findByTestId('rectification-contact-reveal'));
    expect(await screen.findByTestId('problem-alert')).toHaveTextContent('不能查看申请人完整的个人信息');
    expect(screen.getByTestId('rectification-contact-phone')).toHaveTextContent('138****5678');
  });
});
