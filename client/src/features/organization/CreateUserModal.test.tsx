import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import { renderWithProviders } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { CreateUserModal } from './CreateUserModal';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const roles = [
  {
    code: 'county_department',
    name: '县直部门工作人员',
    nameEn: 'County department staff',
    levels: ['county'],
    machineOnly: false,
  },
  {
    code: 'evaluator',
    name: '第三方评估机构',
    nameEn: 'Third-party evaluator',
    levels: ['county'],
    machineOnly: false,
  },
];

const grant = {
  id: 'g1',
  organisation: '华信评估',
  purpose: '改革成效评估',
  regionId: 'c',
  regionName: '清河县',
  townships: [],
  periodFrom: '2025-01-01',
  periodTo: '2025-12-31',
  modules: ['power_lists'],
  expiresAt: '2027-06-30T00:00:00Z',
  status: 'active',
  createdAt: '2026-12-01T00:00:00Z',
  revokedAt: null,
  revokeReason: null,
  version: 1,
  users: [],
  tokens: [],
};

describe('新增用户: a third-party evaluator', () => {
  let createResponse: () => Response = () => json(500, {});
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = String(input);
    if (url === '/api/v1/organization/roles') return json(200, roles);
    if (url.startsWith('/api/v1/organization/regions')) return json(200, []);
    if (url === '/api/v1/organization/evaluation-grants?status=active&limit=200')
      return json(200, { items: [grant], nextCursor: null });
    if (url === '/api/v1/organization/users' && init?.method === 'POST') return createResponse();
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const field = (testId: string) => screen.getByTestId(testId).closest('.ant-form-item') as HTMLElement;

  async function pick(user: ReturnType<typeof userEvent.setup>, testId: string, text: string) {
    await user.click(within(field(testId)).getByRole('combobox'));
    const options = await screen.findAllByText(
      text,
      { selector: '.ant-select-item-option-content' },
      { timeout: 3_000 },
    );
    await user.click(options[options.length - 1]!);
  }

  async function fillEvaluator() {
    const user = userEvent.setup();
    renderWithProviders(<CreateUserModal open onClose={() => undefined} onCreated={() => undefined} />);
    await user.type(await screen.findByTestId('user-form-username'), 'pj_01');
    await user.type(screen.getByTestId('user-form-displayName'), '评估员');
    await user.type(screen.getByTestId('user-form-password'), 'Passw0rd1');
    await pick(user, 'user-form-role', '第三方评估机构');
    return user;
  }

  it('asks for the grant instead of the region and unit', async () => {
    const user = await fillEvaluator();
    expect(await screen.findByTestId('user-form-grant')).toBeInTheDocument();
    expect(screen.queryByTestId('user-form-region')).not.toBeInTheDocument();
    expect(screen.queryByTestId('user-form-unit')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('user-form-submit'));
    expect(await screen.findByText('请选择评估任务')).toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([, i]) => i?.method === 'POST')).toBe(false);
  });

  it('sends the grant and shows the API’s problem with it under the grant', async () => {
    createResponse = () =>
      json(400, {
        title: '请求参数有误',
        status: 400,
        code: 'validation_failed',
        errors: { grantId: ['评估任务不存在、不在您的管辖范围内，或已到期、已撤销。'] },
      });
    const user = await fillEvaluator();
    await pick(user, 'user-form-grant', '华信评估 · 清河县 · 2025-01-01 ~ 2025-12-31');
    await user.click(screen.getByTestId('user-form-submit'));

    await waitFor(() => expect(field('user-form-grant')).toHaveTextContent('评估任务不存在、不在您的管辖范围内'));
    const post = fetchMock.mock.calls.find(([, i]) => i?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      username: 'pj_01',
      displayName: '评估员',
      password: 'Passw0rd1',
      role: 'evaluator',
      grantId: 'g1',
    });
  });
});
