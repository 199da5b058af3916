import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import { renderWithProviders } from '../../test/render';
import { RegisterForm } from './RegisterForm';
import { application } from '../../test/fixtures';
import { itemOption } from './testData';
import { json, fetchMockInEachTest } from '../../test/fetch';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

describe('the register form', () => {
  let respond: () => Response | Promise<Response>;
  let item = itemOption();
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = String(input);
    if (url.startsWith('/api/v1/service-centre/items')) return json(200, { items: [item], nextCursor: null });
    if (url === '/api/v1/service-centre/applications' && init?.method === 'POST') return respond();
    return json(404, { title: '未找到', status: 404 });
  });
  const posts = () =>
    fetchMock.mock.calls
      .filter(([, init]) => init?.method === 'POST')
      .map(([, init]) => ({
        key: new Headers(init?.headers).get('Idempotency-Key'),
        body: JSON.parse(String(init?.body)) as Record<string, unknown>,
      }));

  fetchMockInEachTest(fetchMock);

  async function fill(user: ReturnType<typeof userEvent.setup>) {
    await user.click(within(screen.getByTestId('register-item')).getByRole('combobox'));
    const options = await screen.findAllByTestId('register-item-option');
    await user.click(options[0]!);
    expect(await screen.findByTestId('register-item-terms')).toHaveTextContent('3 个工作日');
    for (const [testId, text] of [
      ['register-name', '张三'],
      ['register-id-number', '110101199003070011'],
      ['register-phone', '13812345678'],
    ] as const) {
      await user.click(screen.getByTestId(testId));
      await user.paste(text);
    }
  }

  it('sends one Idempotency-Key per registration: the same on a retry, a new one after success', async () => {
    const onRegistered = vi.fn();
    renderWithProviders(<RegisterForm onRegistered={onRegistered} />);
    const user = userEvent.setup();
    await fill(user);

    // the first answer is lost (network error): the retry must carry the same key
    respond = () => Promise.reject(new TypeError('Failed to fetch'));
    await user.click(screen.getByTestId('register-submit'));
    expect(await screen.findByTestId('problem-alert')).toHaveTextContent('无法连接服务器');
    respond = () => json(201, application(), { ETag: '"v1"' });
    await user.click(screen.getByTestId('register-submit'));
    await waitFor(() => expect(onRegistered).toHaveBeenCalledTimes(1));
    expect(onRegistered.mock.calls[0]![1]).toBe('"v1"');

    const [first, retry] = posts();
    expect(first!.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(retry!.key).toBe(first!.key);
    expect(first!.body).toEqual({
      itemId: 'item-1',
      channel: 'window',
      applicantKind: 'person',
      applicantName: '张三',
      applicantIdNumber: '110101199003070011',
      applicantPhone: '13812345678',
      note: null,
    });

    // the form starts over; the next registration gets its own key
    expect(screen.getByTestId('register-name')).toHaveValue('');
    await fill(user);
    await user.click(screen.getByTestId('register-submit'));
    await waitFor(() => expect(onRegistered).toHaveBeenCalledTimes(2));
    expect(posts()[2]!.key).not.toBe(first!.key);
  });

  it("registers for the ticket the clerk's window called, unless the clerk unticks it", async () => {
    const onRegistered = vi.fn();
    const clerkWindow = {
      centreId: 'c-1',
      windowId: 'w-3',
      windowNumber: 3,
      windowName: '综合窗口',
      ticketId: 't-12',
      ticketDisplay: 'A012',
    };
    renderWithProviders(<RegisterForm clerkWindow={clerkWindow} onRegistered={onRegistered} />);
    const user = userEvent.setup();
    expect(screen.getByTestId('register-ticket-label')).toHaveTextContent('为排队号 A012 登记（3 号窗口叫号）');
    respond = () => json(201, application({ ticketId: 't-12', ticketDisplay: 'A012' }), { ETag: '"v1"' });
    await fill(user);
    await user.click(screen.getByTestId('register-submit'));
    await waitFor(() => expect(onRegistered).toHaveBeenCalledTimes(1));
    expect(posts()[0]!.body).toEqual(expect.objectContaining({ ticketId: 't-12' }));

    // a walk-in registered meanwhile: no ticket
    await fill(user);
    await user.click(screen.getByTestId('register-ticket'));
    await user.click(screen.getByTestId('register-submit'));
    await waitFor(() => expect(onRegistered).toHaveBeenCalledTimes(2));
    expect(posts()[1]!.body).not.toHaveProperty('ticketId');
  });

  it("ticks the guide's materials as original, copy or missing, and warns when a required one is missing", async () => {
    item = itemOption({
      noMaterials: false,
      materials: [
        { name: '申请人身份证', form: 'both', copies: 1, required: true },
        { name: '户口簿', form: 'copy', copies: 2, required: true },
        { name: '银行卡', form: 'copy', copies: 1, required: false },
      ],
    });
    const onRegistered = vi.fn();
    renderWithProviders(<RegisterForm onRegistered={onRegistered} />);
    const user = userEvent.setup();
    await fill(user);
    expect(screen.getAllByTestId('register-material')).toHaveLength(3);
    expect(screen.getByTestId('register-materials-missing')).toHaveTextContent('申请人身份证、户口簿');
    await user.click(screen.getByTestId('register-material-0-original'));
    await user.click(screen.getByTestId('register-material-2-copy'));
    expect(screen.getByTestId('register-materials-missing')).toHaveTextContent('缺少必要材料：户口簿');

    respond = () => json(201, application(), { ETag: '"v1"' });
    await user.click(screen.getByTestId('register-submit'));
    await waitFor(() => expect(onRegistered).toHaveBeenCalledTimes(1));
    expect(posts()[0]!.body.materials).toEqual([
      { name: '申请人身份证', status: 'received', receivedForm: 'original' },
      { name: '户口簿', status: 'missing', receivedForm: null },
      { name: '银行卡', status: 'received', receivedForm: 'copy' },
    ]);
    item = itemOption();
  });

  it("puts the API's field errors under the fields", async () => {
    respond = () =>
      json(400, {
        title: '请求参数有误',
        status: 400,
        code: 'validation_failed',
        errors: { applicantIdNumber: ['身份证号码格式不正确（18 位）。'] },
      });
    renderWithProviders(<RegisterForm onRegistered={() => undefined} />);
    const user = userEvent.setup();
    await fill(user);
    await user.click(screen.getByTestId('register-submit'));
    expect(await screen.findByText('身份证号码格式不正确（18 位）。')).toBeInTheDocument();
    expect(screen.queryByTestId('problem-alert')).toBeNull();
  });

  it('registers as 村代办点 at a village point', async () => {
    respond = () => json(201, application({ channel: 'village_point', allowedActions: ['forward'] }));
    const onRegistered = vi.fn();
    renderWithProviders(<RegisterForm agent onRegistered={onRegistered} />);
    expect(screen.getByTestId('register-channel-fixed')).toHaveTextContent('村代办点');
    expect(screen.queryByTestId('register-channel')).toBeNull();
    const user = userEvent.setup();
    await fill(user);
    await user.click(screen.getByTestId('register-submit'));
    await waitFor(() => expect(onRegistered).toHaveBeenCalled());
    expect(posts()[0]!.body.channel).toBe('village_point');
  });

  it('asks for a credit code for an organisation and checks its shape before sending', async () => {
    renderWithProviders(<RegisterForm onRegistered={() => undefined} />);
    const user = userEvent.setup();
    await user.click(screen.getByTestId('register-kind-organisation'));
    expect(await screen.findByText('统一社会信用代码')).toBeInTheDocument();
    await user.type(screen.getByTestId('register-id-number'), '123');
    await user.click(screen.getByTestId('register-submit'));
    expect(await screen.findByText('请填写 18 位证件号码')).toBeInTheDocument();
    expect(posts()).toEqual([]);
  });
});
