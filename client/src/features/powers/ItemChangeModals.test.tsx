import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import { renderWithProviders } from '../../test/render';
import { ReviseItemModal } from './ItemChangeModals';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { version } from './testData';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const latest = version({ version: 1, effectiveFrom: '2024-01-01' });

describe('修订 form', () => {
  let reviseResponse: () => Response;
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = String(input);
    if (url.startsWith('/api/v1/power-lists/domains')) return json(200, [{ code: 'CG', name: '城市管理' }]);
    if (url.startsWith('/api/v1/organization/units'))
      return json(200, { items: [{ id: 'dept-cg', regionId: 'c', regionName: '清河县', name: '县城市管理局', kind: 'county_department', kindName: '县直部门' }], nextCursor: null });
    if (url === '/api/v1/power-lists/items/item-1/versions' && init?.method === 'POST') return reviseResponse();
    return json(404, { title: '未找到', status: 404 });
  });

  fetchMockInEachTest(fetchMock);

  function renderModal(onReload = vi.fn(async () => undefined)) {
    const onDone = vi.fn();
    renderWithProviders(
      <ReviseItemModal
        open
        itemId="item-1"
        latest={latest}
        etag={'"v1"'}
        countyId="c"
        onClose={() => undefined}
        onDone={onDone}
        onReload={onReload}
      />,
    );
    return { onDone, onReload };
  }

  /** The form item (label, control and messages) around a control. */
  const formItemOf = (el: HTMLElement) => el.closest('.ant-form-item') as HTMLElement;

  it('is prefilled from the latest version and sends If-Match with the new version', async () => {
    reviseResponse = () => json(201, { current: latest, latestVersion: 2, versions: [latest] }, { ETag: '"v2"' });
    const { onDone } = renderModal();
    expect(await screen.findByTestId('item-form-name')).toHaveValue(latest.name);
    expect(screen.getByTestId('legal-basis-law-0')).toHaveValue('《中华人民共和国行政处罚法》');

    const user = userEvent.setup();
    await user.type(screen.getByTestId('item-form-change-note'), '补充依据');
    await user.click(screen.getByTestId('revise-submit'));

    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(onDone.mock.calls[0]![0]).toMatchObject({ etag: '"v2"', data: { latestVersion: 2 } });
    const [, init] = fetchMock.mock.calls.find(([u]) => String(u).endsWith('/versions'))!;
    expect(new Headers(init?.headers).get('If-Match')).toBe('"v1"');
    const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
    expect(body).toMatchObject({
      name: latest.name,
      type: 'CF',
      domainCode: 'CG',
      departmentId: 'dept-cg',
      supervisorId: null,
      changeNote: '补充依据',
      legalBasis: [{ law: '《中华人民共和国行政处罚法》', article: '第二十四条', text: '可以交由乡镇行使。' }],
    });
    expect(body.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body).not.toHaveProperty('code');
  });

  it('puts the field errors of a 400 under the fields, indexed keys under the legal-basis row', async () => {
    reviseResponse = () =>
      json(400, {
        type: '/problems/validation_failed',
        title: '请求参数有误',
        status: 400,
        detail: '请检查标注的字段。',
        code: 'validation_failed',
        errors: {
          'legalBasis[0].law': ['请填写法律法规名称。'],
          effectiveFrom: ['生效日期必须晚于现行版本的生效日期（2024-01-01）。'],
          Name: ['事项名称不能为空。'],
        },
      });
    renderModal();
    const user = userEvent.setup();
    await user.type(await screen.findByTestId('item-form-change-note'), '调整');
    await user.click(screen.getByTestId('revise-submit'));

    expect(await within(formItemOf(screen.getByTestId('legal-basis-law-0'))).findByText('请填写法律法规名称。')).toBeInTheDocument();
    expect(within(formItemOf(screen.getByTestId('item-form-name'))).getByText('事项名称不能为空。')).toBeInTheDocument();
    expect(
      within(formItemOf(screen.getByTestId('item-form-effective-from'))).getByText('生效日期必须晚于现行版本的生效日期（2024-01-01）。'),
    ).toBeInTheDocument();
    // everything had a field: no general alert
    expect(screen.queryByTestId('revise-problem')).not.toBeInTheDocument();
  });

  it('says the record changed on a 412 and offers a reload', async () => {
    reviseResponse = () =>
      json(412, { title: '记录已被他人修改', status: 412, detail: '记录已被他人修改，请刷新后重试。', code: 'precondition_failed' });
    const { onReload } = renderModal();
    const user = userEvent.setup();
    await user.type(await screen.findByTestId('item-form-change-note'), '调整');
    await user.click(screen.getByTestId('revise-submit'));

    const stale = await screen.findByTestId('stale-record');
    expect(stale).toHaveTextContent('记录已被他人修改，请刷新后重试');
    await user.click(within(stale).getByTestId('stale-reload'));
    expect(onReload).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByTestId('stale-record')).not.toBeInTheDocument());
  });
});
