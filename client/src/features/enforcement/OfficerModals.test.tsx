import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import { renderWithProviders } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { AddOfficerModal } from './OfficerModals';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const team = { id: 't1', name: '城关镇综合行政执法大队' };

const domains = [
  { code: 'urban', name: '城市管理' },
  { code: 'market', name: '市场监管' },
];

describe('添加执法人员', () => {
  let addResponse: () => Response = () => json(500, {});
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = String(input);
    if (url === '/api/v1/enforcement/domains') return json(200, domains);
    if (url === '/api/v1/enforcement/teams/t1/officers' && init?.method === 'POST') return addResponse();
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const field = (testId: string) => screen.getByTestId(testId).closest('.ant-form-item') as HTMLElement;

  async function fill() {
    const user = userEvent.setup();
    renderWithProviders(
      <AddOfficerModal team={team} open onClose={() => undefined} onAdded={() => undefined} />,
    );
    await user.type(await screen.findByTestId('officer-name'), '张三');
    await user.click(within(field('officer-domains-select')).getByRole('combobox'));
    const options = await screen.findAllByText(
      '城市管理',
      { selector: '.ant-select-item-option-content' },
      { timeout: 3_000 },
    );
    await user.click(options[options.length - 1]!);
    await user.type(screen.getByTestId('certificate-number'), 'ZF-2026-001');
    await user.type(screen.getByTestId('certificate-issuing-body'), '清河县人民政府');
    const until = within(field('certificate-valid-until')).getByRole('textbox');
    await user.click(until);
    await user.type(until, '2030-01-01{Enter}');
    return user;
  }

  it('asks for the name, the domains and the certificate before sending anything', async () => {
    const user = userEvent.setup();
    renderWithProviders(<AddOfficerModal team={team} open onClose={() => undefined} onAdded={() => undefined} />);
    await user.click(await screen.findByTestId('officer-add-submit'));
    expect(await screen.findByText('请填写姓名')).toBeInTheDocument();
    expect(screen.getByText('请填写执法领域')).toBeInTheDocument();
    expect(screen.getByText('请填写执法证号')).toBeInTheDocument();
    expect(screen.getByText('请填写有效期至')).toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([, i]) => i?.method === 'POST')).toBe(false);
  });

  it('sends the officer and shows the API’s field errors under the certificate’s fields', async () => {
    addResponse = () =>
      json(400, {
        title: '请求参数有误',
        status: 400,
        code: 'validation_failed',
        errors: {
          'certificate.validUntil': ['该执法证在入队日期前已失效。'],
          'certificate.number': ['执法证号不能含空格。'],
          domains: ['执法领域代码无效。'],
        },
      });
    const user = await fill();
    await user.click(screen.getByTestId('officer-add-submit'));

    await waitFor(() => expect(field('certificate-valid-until')).toHaveTextContent('该执法证在入队日期前已失效。'));
    expect(field('certificate-number')).toHaveTextContent('执法证号不能含空格。');
    expect(field('officer-domains-select')).toHaveTextContent('执法领域代码无效。');
    // every message went under its field: none is left for the alert above the form
    expect(screen.queryByTestId('problem-alert')).not.toBeInTheDocument();

    const call = fetchMock.mock.calls.find(([, i]) => i?.method === 'POST')!;
    const body = JSON.parse(String(call[1]!.body));
    expect(body).toMatchObject({
      name: '张三',
      phone: null,
      domains: ['urban'],
      certificate: { number: 'ZF-2026-001', issuingBody: '清河县人民政府', validUntil: '2030-01-01' },
    });
    expect(body.joinedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.certificate.validFrom).toBe(body.joinedOn);
  });
});
