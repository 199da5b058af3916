import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import '../../lib/i18n';
import type { Me, Permission } from '../../lib/api/types';
import { renderWithProviders } from '../../test/render';
import { fetchMockInEachTest } from '../../test/fetch';
import { CurrentUserContext } from '../../lib/auth/useAuth';
import { CalendarYearNotice } from '../../components/CalendarYearNotice';
import { YearUploadModal } from './YearUploadModal';
import { arrangementContentType, offeredYears, suggestedUploadYear } from './uploadModel';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

describe('upload helpers', () => {
  it('takes JSON and CSV files only', () => {
    expect(arrangementContentType('2027.JSON')).toBe('application/json');
    expect(arrangementContentType('2027.csv')).toBe('text/csv');
    expect(arrangementContentType('2027.xlsx')).toBeNull();
  });

  it('offers the years up to next year and after the last loaded one, and suggests the missing one', () => {
    const today = new Date('2026-11-02T00:00:00Z');
    expect(offeredYears([2024, 2025, 2026], today)).toEqual([2024, 2025, 2026, 2027]);
    expect(offeredYears([2024, 2025, 2026, 2027], today)).toEqual([2024, 2025, 2026, 2027, 2028]);
    expect(suggestedUploadYear([2024, 2025, 2026], 2027, today)).toBe(2027);
    expect(suggestedUploadYear([2024, 2025, 2026, 2027], null, today)).toBe(2028);
  });
});

describe('year upload form', () => {
  let respond: (url: string, init?: RequestInit) => Response;
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => respond(String(input), init));
  fetchMockInEachTest(fetchMock);

  const render = (onDone = vi.fn()) => {
    renderWithProviders(<YearUploadModal open year={2027} years={[2026, 2027, 2028]} onClose={() => undefined} onDone={onDone} />);
    return onDone;
  };

  async function pick(file: File) {
    const input = document.querySelector('input[type=file]');
    await userEvent.setup({ applyAccept: false }).upload(input as HTMLInputElement, file);
  }

  it('shows the rows the server refused and reports nothing done', async () => {
    respond = () =>
      json(400, {
        title: '请求参数有误',
        status: 400,
        code: 'validation_failed',
        detail: '请检查标注的字段。',
        errors: { file: ['文件有 2 处错误，未作任何更改。'] },
        report: [
          { row: 3, column: 'date', message: '2026-12-31 不在 2027 年内。' },
          { row: 5, column: 'kind', message: '2027-01-04 是周一，调休上班日只能是周六或周日。' },
        ],
      });
    const onDone = render();
    await pick(new File(['date,kind,name\n'], '2027.csv', { type: 'text/csv' }));
    expect(screen.getByTestId('year-upload-file-name')).toHaveTextContent('2027.csv');
    await userEvent.setup().click(screen.getByTestId('year-upload-confirm'));

    const rows = await screen.findAllByTestId('year-upload-report-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveAttribute('data-row', '3');
    expect(within(rows[1]!).getByText('2027-01-04 是周一，调休上班日只能是周六或周日。')).toBeInTheDocument();
    expect(screen.getByTestId('year-upload-report-title')).toHaveTextContent('文件有错误，未作任何更改');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(String(url)).toBe('/api/v1/calendar/years/2027');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('Content-Type')).toBe('text/csv');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('shows a whole-file problem in the same table', async () => {
    respond = () =>
      json(400, {
        title: '请求参数有误',
        status: 400,
        code: 'validation_failed',
        errors: { file: ['文件中的年份（2028）与上传的年份 2027 不一致。'] },
        report: [{ row: 0, column: 'year', message: '文件中的年份（2028）与上传的年份 2027 不一致。' }],
      });
    render();
    await pick(new File(['{"year":2028,"days":[]}'], '2028.json', { type: 'application/json' }));
    await userEvent.setup().click(screen.getByTestId('year-upload-confirm'));
    const row = await screen.findByTestId('year-upload-report-row');
    expect(row).toHaveTextContent('整个文件');
  });

  it('uploads a JSON file for the chosen year and reports the counts', async () => {
    respond = () => json(200, { year: 2027, holidays: 10, workdays: 1, replaced: 0, wasLoaded: false });
    const onDone = render();
    await pick(new File(['{"days":[]}'], 'arrangement.json', { type: 'application/json' }));
    await userEvent.setup().click(screen.getByTestId('year-upload-confirm'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith({ year: 2027, holidays: 10, workdays: 1, replaced: 0, wasLoaded: false }));
    const [, init] = fetchMock.mock.calls[0]!;
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
    expect(init?.body).toBeInstanceOf(File);
  });

  it('refuses another kind of file without asking the server', async () => {
    render();
    await pick(new File(['x'], 'arrangement.xlsx'));
    expect(await screen.findByTestId('problem-alert')).toHaveTextContent('请选择 .json 或 .csv 文件');
    expect(screen.getByTestId('year-upload-confirm')).toBeDisabled();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('dashboard notice', () => {
  let warning: { year: number; message: string } | null;
  const fetchMock = vi.fn(async (...[input]: FetchArgs) =>
    String(input) === '/api/v1/calendar/years'
      ? json(200, { today: '2026-11-01', years: [{ year: 2026, source: 'seed', loadedAt: '2026-01-01T00:00:00Z', loadedBy: 'system' }], warning })
      : json(404, { title: '未找到', status: 404 }),
  );
  fetchMockInEachTest(fetchMock);

  const me = (permissions: Permission[]): Me => ({
    id: 'u-1',
    username: 'admin',
    displayName: '县级管理员',
    role: 'county_admin',
    roleName: '县级管理员',
    regionId: 'r-county',
    regionName: '清河县',
    regionLevel: 'county',
    unitId: null,
    unitName: null,
    permissions,
  });

  const render = (user: Me) =>
    renderWithProviders(
      <MemoryRouter>
        <CurrentUserContext.Provider value={user}>
          <span data-testid="holder">
            <CalendarYearNotice />
          </span>
        </CurrentUserContext.Provider>
      </MemoryRouter>,
    );

  it('warns a calendar manager from 1 November that next year is missing, with a link to upload it', async () => {
    warning = { year: 2027, message: '2027 年的节假日安排尚未加载' };
    render(me(['calendar.manage']));
    const notice = await screen.findByTestId('calendar-year-notice');
    expect(notice).toHaveTextContent('2027 年的节假日安排尚未加载');
    expect(notice).toHaveTextContent('临时');
    expect(screen.getByTestId('calendar-year-notice-link')).toHaveAttribute('href', '/calendar?year=2027');
  });

  it('says nothing when the year is loaded, or to users who cannot load it', async () => {
    warning = null;
    render(me(['calendar.manage']));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(screen.queryByTestId('calendar-year-notice')).toBeNull();

    warning = { year: 2027, message: 'x' };
    fetchMock.mockClear();
    render(me([]));
    expect(screen.queryByTestId('calendar-year-notice')).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
