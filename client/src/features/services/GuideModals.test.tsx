import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import { renderWithProviders } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { CreateGuideModal, ReviseGuideModal } from './GuideModals';
import { detail, guide } from './testData';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

/** Room for a busy machine: the first render of a page or a big form can take seconds. */
const slow = { timeout: 10_000 };

/** The form item (label, control and messages) around a control. */
const formItemOf = (el: HTMLElement) => el.closest('.ant-form-item') as HTMLElement;

/** Enters text into a control in one go (typing key by key re-renders the big form for every key). */
async function fill(user: ReturnType<typeof userEvent.setup>, el: HTMLElement, text: string) {
  await user.click(el);
  await user.paste(text);
}

// A big form: rendering and typing take a few seconds in jsdom.
describe('办事指南 form', () => {
  let answer: () => Response;
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = String(input);
    if (url.startsWith('/api/v1/service-centre/items') && init?.method === 'POST') return answer();
    return json(404, { title: '未找到', status: 404 });
  });
  const posts = () => fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST');

  fetchMockInEachTest(fetchMock);

  it('checks promised ≤ statutory before sending, then creates the item with the whole guide', async () => {
    const created = guide({ code: 'BM-0100' });
    answer = () => json(201, detail([created]), { ETag: '"v1"' });
    const onCreated = vi.fn();
    renderWithProviders(<CreateGuideModal open onClose={() => undefined} onCreated={onCreated} />);
    const user = userEvent.setup({ delay: null });

    await fill(user, await screen.findByTestId('guide-form-code', {}, slow), 'bm-0100');
    await fill(user, screen.getByTestId('guide-form-name'), '居住证申领');
    await fill(user, screen.getByTestId('guide-form-legal-basis'), '《居住证暂行条例》');
    await fill(user, screen.getByTestId('guide-form-conditions'), '在本县居住半年以上。');
    await fill(user, screen.getByTestId('material-name-0'), '居民身份证');
    await fill(user, screen.getByTestId('guide-form-statutory-days'), '10');
    await fill(user, screen.getByTestId('guide-form-promised-days'), '15');
    await fill(user, screen.getByTestId('guide-form-phone'), '0312-5550000');
    await user.click(screen.getByTestId('guide-form-submit'));

    expect(
      await within(formItemOf(screen.getByTestId('guide-form-promised-days'))).findByText('承诺时限不能长于法定时限（10 个工作日）。', {}, slow),
    ).toBeInTheDocument();
    expect(posts()).toHaveLength(0);

    await user.clear(screen.getByTestId('guide-form-promised-days'));
    await fill(user, screen.getByTestId('guide-form-promised-days'), '5');
    await user.click(screen.getByTestId('guide-form-submit'));

    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1), slow);
    const [url, init] = posts()[0]!;
    expect(String(url)).toBe('/api/v1/service-centre/items');
    expect(JSON.parse(String(init?.body))).toMatchObject({
      code: 'BM-0100',
      name: '居住证申领',
      level: 'township',
      kind: 'promised',
      materials: [{ name: '居民身份证', form: 'original', copies: 1, required: true }],
      noMaterials: false,
      statutoryDays: 10,
      promisedDays: 5,
      feeAmount: null,
      steps: ['受理', '审核', '办结'],
      channels: ['window'],
      changeNote: '新增事项',
    });
  });

  it('turns off promised days for 即办件 and the material rows for 无需材料', async () => {
    renderWithProviders(<CreateGuideModal open onClose={() => undefined} onCreated={() => undefined} />);
    const user = userEvent.setup({ delay: null });
    await fill(user, await screen.findByTestId('guide-form-promised-days', {}, slow), '3');
    await user.click(within(screen.getByTestId('guide-form-kind')).getByText('即办件'));
    // the form re-renders after the kind changes: wait for it rather than racing it
    await waitFor(() => expect(screen.getByTestId('guide-form-promised-days')).toBeDisabled());
    expect(screen.getByTestId('guide-form-promised-days')).toHaveValue('');

    await user.click(screen.getByTestId('guide-form-no-materials'));
    expect(screen.queryByTestId('material-name-0')).not.toBeInTheDocument();
    expect(screen.getByTestId('material-add')).toBeDisabled();
  });

  it('allows at most four process steps', async () => {
    renderWithProviders(<CreateGuideModal open onClose={() => undefined} onCreated={() => undefined} />);
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByTestId('step-add', {}, slow));
    expect(screen.getAllByTestId('step-row')).toHaveLength(4);
    expect(screen.getByTestId('step-add')).toBeDisabled();
  });

  it('puts the field errors of a 400 under the fields, indexed keys under the material row', async () => {
    answer = () =>
      json(400, {
        type: '/problems/validation_failed',
        title: '请求参数有误',
        status: 400,
        detail: '请检查标注的字段。',
        code: 'validation_failed',
        errors: {
          'materials[1].copies': ['份数应为 1–99。'],
          promisedDays: ['承诺时限不能长于法定时限（20 个工作日）。'],
          effectiveFrom: ['生效日期必须晚于现行版本的生效日期（2026-01-01）。'],
          Steps: ['办理流程最多 4 个环节。'],
        },
      });
    renderWithProviders(
      <ReviseGuideModal
        open
        itemId="svc-1"
        latest={guide()}
        etag={'"v1"'}
        onClose={() => undefined}
        onDone={() => undefined}
        onReload={async () => undefined}
      />,
    );
    const user = userEvent.setup({ delay: null });
    expect(await screen.findByTestId('guide-form-name', {}, slow)).toHaveValue(guide().name);
    await fill(user, screen.getByTestId('guide-form-change-note'), '调整时限');
    await user.click(screen.getByTestId('guide-revise-submit'));

    expect(await within(formItemOf(screen.getByTestId('material-copies-1'))).findByText('份数应为 1–99。', {}, slow)).toBeInTheDocument();
    expect(
      within(formItemOf(screen.getByTestId('guide-form-promised-days'))).getByText('承诺时限不能长于法定时限（20 个工作日）。'),
    ).toBeInTheDocument();
    expect(
      within(formItemOf(screen.getByTestId('guide-form-effective-from'))).getByText('生效日期必须晚于现行版本的生效日期（2026-01-01）。'),
    ).toBeInTheDocument();
    expect(within(screen.getByTestId('guide-form-steps')).getByText('办理流程最多 4 个环节。')).toBeInTheDocument();
    expect(screen.queryByTestId('guide-revise-problem')).not.toBeInTheDocument();

    const [url, init] = posts()[0]!;
    expect(String(url)).toBe('/api/v1/service-centre/items/svc-1/versions');
    expect(new Headers(init?.headers).get('If-Match')).toBe('"v1"');
    expect(JSON.parse(String(init?.body))).not.toHaveProperty('code');
  });

  it('says the record changed on a 412 and offers a reload', async () => {
    answer = () => json(412, { title: '记录已被他人修改', status: 412, detail: '记录已被他人修改，请刷新后重试。', code: 'precondition_failed' });
    const onReload = vi.fn(async () => undefined);
    renderWithProviders(
      <ReviseGuideModal
        open
        itemId="svc-1"
        latest={guide()}
        etag={'"v1"'}
        onClose={() => undefined}
        onDone={() => undefined}
        onReload={onReload}
      />,
    );
    const user = userEvent.setup({ delay: null });
    await fill(user, await screen.findByTestId('guide-form-change-note', {}, slow), '调整');
    await user.click(screen.getByTestId('guide-revise-submit'));

    const stale = await screen.findByTestId('stale-record', {}, slow);
    expect(stale).toHaveTextContent('记录已被他人修改，请刷新后重试');
    // what was typed stays
    expect(screen.getByTestId('guide-form-change-note')).toHaveValue('调整');
    await user.click(within(stale).getByTestId('stale-reload'));
    expect(onReload).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByTestId('stale-record')).not.toBeInTheDocument(), slow);
  });
});
