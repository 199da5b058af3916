import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import { renderWithProviders } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { CreateTransferModal } from './CreateTransferModal';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const units = [
  { id: 'dept', regionId: 'c', regionName: '清河县', name: '县自然资源局', kind: 'county_department', kindName: '县直部门' },
  { id: 'team', regionId: 't1', regionName: '城关镇', name: '综合行政执法大队', kind: 'township_institution', kindName: '乡镇事业单位' },
];

describe('录入划转文件', () => {
  let createResponse: () => Response = () => json(500, {});
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = String(input);
    if (url.startsWith('/api/v1/organization/units')) return json(200, { items: units, nextCursor: null });
    if (url === '/api/v1/staffing/transfers' && init?.method === 'POST') return createResponse();
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  async function pick(testId: string, text: string) {
    const user = userEvent.setup();
    await user.click(within(screen.getByTestId(testId)).getByRole('combobox'));
    // the options of the dropdown just opened (a closed one may still be leaving)
    const options = await screen.findAllByText(text, { selector: '.ant-select-item-option-content' }, { timeout: 3_000 });
    await user.click(options[options.length - 1]!);
  }

  async function fillDocument() {
    renderWithProviders(<CreateTransferModal open countyId="c" onClose={() => undefined} onCreated={() => undefined} />);
    await userEvent.type(await screen.findByTestId('transfer-document-no'), '县编委〔2026〕9号');
    await userEvent.type(screen.getByTestId('transfer-approved-by'), '县机构编制委员会');
    await pick('transfer-from-0', '县自然资源局（清河县）');
    await pick('transfer-to-0', '综合行政执法大队（城关镇）');
  }

  it('asks for the higher approval only when a line moves 行政编制', async () => {
    await fillDocument();
    const higher = screen.getByTestId('transfer-higher-approval').closest('.ant-form-item') as HTMLElement;
    expect(higher).not.toHaveClass('ant-form-item-required');
    expect(higher.querySelector('.ant-form-item-required')).toBeNull();
    await pick('transfer-kind-0', '行政编制');
    await waitFor(() => expect(higher.querySelector('.ant-form-item-required')).not.toBeNull());
    expect(higher).toHaveTextContent('第十八条');
  });

  it('sends the lines and shows the API’s field errors under the line’s fields', async () => {
    createResponse = () =>
      json(400, {
        title: '请求参数有误',
        status: 400,
        code: 'validation_failed',
        errors: { 'lines[0].toUnitId': ['划入单位须是本县乡镇（街道）的单位。'], 'lines[0].posts': ['划转编制数超过划出单位的空编数。'] },
      });
    await fillDocument();
    await userEvent.click(screen.getByTestId('transfer-submit'));

    expect(await screen.findByText('划转编制数超过划出单位的空编数。')).toBeInTheDocument();
    expect(screen.getByText('划入单位须是本县乡镇（街道）的单位。')).toBeInTheDocument();
    const call = fetchMock.mock.calls.find(([u, i]) => String(u) === '/api/v1/staffing/transfers' && i?.method === 'POST')!;
    const body = JSON.parse(String(call[1]!.body));
    expect(body).toMatchObject({
      documentNo: '县编委〔2026〕9号',
      approvedBy: '县机构编制委员会',
      higherApproval: null,
      lines: [{ fromUnitId: 'dept', toUnitId: 'team', kind: 'institution', funding: 'full', posts: 1, purpose: null }],
    });
    expect(body.effectiveOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
