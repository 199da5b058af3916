import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Form, Input } from 'antd';
import '../lib/i18n';
import { setLanguage } from '../lib/i18n';
import { AppProviders } from '../app/providers';
import { ApiProblem } from '../lib/api/client';
import { useFormSend } from '../lib/useFormSend';
import { renderWithProviders } from '../test/render';
import { FormModal } from './FormModal';

interface Values {
  name: string;
}

function Harness({
  send,
  onSuccess = () => undefined,
  onReload,
  open = true,
  startOnOpen,
}: {
  send: (v: Values) => Promise<string>;
  onSuccess?: (r: string) => void;
  onReload?: () => Promise<unknown>;
  open?: boolean;
  startOnOpen?: () => Partial<Values>;
}) {
  const [form] = Form.useForm<Values>();
  const formSend = useFormSend(form, { send, onSuccess, fields: ['name'], onReload });
  return (
    <FormModal
      open={open}
      form={form}
      send={formSend}
      name="test-form"
      startOnOpen={startOnOpen}
      title="测试"
      onCancel={() => undefined}
      forceRender
      okButtonProps={{ 'data-testid': 'test-submit' }}
      problemTestId="test-problem"
      data-testid="test-modal"
    >
      <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
        <Input data-testid="test-name" />
      </Form.Item>
    </FormModal>
  );
}

const problem = (status: number, body: Record<string, unknown> = {}) => new ApiProblem(status, { title: `HTTP ${status}`, status, ...body });

describe('FormModal with useFormSend', () => {
  beforeEach(async () => {
    await setLanguage('zh-CN');
  });

  it('sends the checked values with 保存 and hands on the result', async () => {
    const send = vi.fn(async (v: Values) => `sent ${v.name}`);
    const onSuccess = vi.fn();
    renderWithProviders(<Harness send={send} onSuccess={onSuccess} />);
    const user = userEvent.setup();
    expect(await screen.findByTestId('test-submit')).toHaveTextContent('保存');

    await user.click(screen.getByTestId('test-submit'));
    expect(await screen.findByText('请填写名称')).toBeInTheDocument();
    expect(send).not.toHaveBeenCalled();

    await user.type(screen.getByTestId('test-name'), '甲');
    await user.click(screen.getByTestId('test-submit'));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith('sent 甲'));
  });

  it('puts field errors under the field and any other problem above the form', async () => {
    let answer = problem(400, { errors: { name: ['名称已被使用'] } });
    renderWithProviders(<Harness send={async () => Promise.reject(answer)} />);
    const user = userEvent.setup();
    await user.type(await screen.findByTestId('test-name'), '甲');
    await user.click(screen.getByTestId('test-submit'));
    expect(await screen.findByText('名称已被使用')).toBeInTheDocument();
    expect(screen.queryByTestId('test-problem')).toBeNull();

    answer = problem(403, { detail: '无权操作' });
    await user.click(screen.getByTestId('test-submit'));
    expect(await screen.findByTestId('test-problem')).toHaveTextContent('无权操作');
  });

  it('offers a reload on 412 when sent with If-Match, keeping what was typed', async () => {
    const onReload = vi.fn(async () => undefined);
    renderWithProviders(<Harness send={async () => Promise.reject(problem(412))} onReload={onReload} />);
    const user = userEvent.setup();
    await user.type(await screen.findByTestId('test-name'), '甲');
    await user.click(screen.getByTestId('test-submit'));
    expect(await screen.findByTestId('stale-record')).toBeInTheDocument();
    expect(screen.queryByTestId('test-problem')).toBeNull();

    await user.click(screen.getByTestId('stale-reload'));
    expect(onReload).toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByTestId('stale-record')).toBeNull());
    expect(screen.getByTestId('test-name')).toHaveValue('甲');
  });

  it('shows a 412 as a plain problem when the request had no If-Match', async () => {
    renderWithProviders(<Harness send={async () => Promise.reject(problem(412, { detail: '已变化' }))} />);
    const user = userEvent.setup();
    await user.type(await screen.findByTestId('test-name'), '甲');
    await user.click(screen.getByTestId('test-submit'));
    expect(await screen.findByTestId('test-problem')).toHaveTextContent('已变化');
    expect(screen.queryByTestId('stale-record')).toBeNull();
  });

  it('starts each opening afresh when asked to', async () => {
    const send = async () => Promise.reject(problem(403, { detail: '无权操作' }));
    const start = () => ({ name: '初始' });
    const { rerender } = renderWithProviders(<Harness send={send} startOnOpen={start} />);
    const user = userEvent.setup();
    const name = await screen.findByTestId('test-name');
    expect(name).toHaveValue('初始');
    await user.clear(name);
    await user.type(name, '改过');
    await user.click(screen.getByTestId('test-submit'));
    expect(await screen.findByTestId('test-problem')).toBeInTheDocument();

    // closed and opened again (rendered anew inside the same providers)
    for (const open of [false, true]) {
      rerender(
        <AppProviders>
          <Harness send={send} startOnOpen={start} open={open} />
        </AppProviders>,
      );
    }
    await waitFor(() => expect(screen.getByTestId('test-name')).toHaveValue('初始'));
    expect(screen.queryByTestId('test-problem')).toBeNull();
  });
});
