import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import { renderWithProviders } from '../../test/render';
import { ApiProblem } from '../../lib/api/client';
import { ImportItemsModal } from './ImportItemsModal';
import { importContentType, importReportOf, XLSX_TYPE } from './importModel';
import { json, fetchMockInEachTest } from '../../test/fetch';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

describe('import helpers', () => {
  it('maps file names to the content types the API takes', () => {
    expect(importContentType('目录.CSV')).toBe('text/csv');
    expect(importContentType('a.xlsx')).toBe(XLSX_TYPE);
    expect(importContentType('a.xls')).toBeNull();
  });

  it('reads the report of a rejected import', () => {
    const e = new ApiProblem(400, { title: '请求参数有误', code: 'validation_failed', report: [{ row: 3, column: '基本编码', message: '格式不对' }] });
    expect(importReportOf(e)).toEqual([{ row: 3, column: '基本编码', message: '格式不对' }]);
    expect(importReportOf(new ApiProblem(400, { title: 'x' }))).toEqual([]);
    expect(importReportOf(new Error('x'))).toEqual([]);
  });
});

describe('import modal', () => {
  let respond: (dryRun: boolean) => Response;
  const fetchMock = vi.fn(async (...[input]: FetchArgs) => {
    const url = String(input);
    if (url.startsWith('/api/v1/power-lists/items/import')) return respond(url.includes('dryRun=true'));
    return json(404, { title: '未找到', status: 404 });
  });

  fetchMockInEachTest(fetchMock);

  const csv = () => new File(['基本编码,事项名称\nCF1,x\n'], 'items.csv', { type: 'text/csv' });

  async function pick(file: File) {
    const input = document.querySelector('[data-testid="import-modal"] input[type=file]') ?? document.querySelector('input[type=file]');
    await userEvent.setup().upload(input as HTMLInputElement, file);
  }

  it('checks the file first and shows the error report; nothing can be confirmed', async () => {
    respond = () =>
      json(400, {
        title: '请求参数有误',
        status: 400,
        code: 'validation_failed',
        errors: { file: ['导入文件有 2 处错误，未导入任何数据。'] },
        report: [
          { row: 2, column: '基本编码', message: '格式应为 2 位类型字母 + 8 位数字' },
          { row: 2, column: '生效日期', message: '日期格式应为 YYYY-MM-DD。' },
        ],
      });
    const onDone = vi.fn();
    renderWithProviders(<ImportItemsModal open onClose={() => undefined} onDone={onDone} />);
    await pick(csv());
    const rows = await screen.findAllByTestId('import-report-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[1]!).getByText('生效日期')).toBeInTheDocument();
    expect(rows[0]).toHaveAttribute('data-row', '2');
    expect(screen.getByTestId('import-report-title')).toHaveTextContent('文件有错误，未导入任何数据');
    expect(screen.getByTestId('import-confirm')).toBeDisabled();
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(String(url)).toBe('/api/v1/power-lists/items/import?dryRun=true');
    expect(new Headers(init?.headers).get('Content-Type')).toBe('text/csv');
    expect(init?.body).toBeInstanceOf(File);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('shows what a clean file would do, then imports it on 确认导入', async () => {
    respond = (dryRun) => json(200, { dryRun, created: 2, revised: 1 });
    const onDone = vi.fn();
    renderWithProviders(<ImportItemsModal open onClose={() => undefined} onDone={onDone} />);
    await pick(csv());
    expect(await screen.findByTestId('import-dry-run-result')).toHaveTextContent('将新增 2 项、修订 1 项');
    await waitFor(() => expect(screen.getByTestId('import-confirm')).toBeEnabled());
    await userEvent.setup().click(screen.getByTestId('import-confirm'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith({ dryRun: false, created: 2, revised: 1 }));
    expect(String(fetchMock.mock.calls[1]![0])).toBe('/api/v1/power-lists/items/import?dryRun=false');
  });
});
