import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import '../../lib/i18n';
import type { StaffingHealth } from '../../lib/api/types';
import { renderRoutes } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { StaffingHealthPage } from './HealthPage';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

function health(overrides: Partial<StaffingHealth> = {}): StaffingHealth {
  return {
    asOf: '2028-01-20',
    inForceExceptions: 0,
    overdueExceptions: 0,
    breaches: [],
    mismatches: [],
    repeatedBasic: [],
    ...overrides,
  };
}

describe('the 编制健康检查 page', () => {
  let current = health();
  const fetchMock = vi.fn(async (...[input]: FetchArgs) => {
    const url = String(input);
    if (url.startsWith('/api/v1/staffing/health')) return json(200, current);
    if (url.startsWith('/api/v1/staffing/exceptions')) return json(200, { items: [], nextCursor: null });
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const renderPage = () => renderRoutes([{ path: '/staffing/health', element: <StaffingHealthPage /> }], '/staffing/health');

  it('flags a secondee graded 基本合格 two years running and is then not healthy', async () => {
    current = health({
      repeatedBasic: [{ secondeeId: 's1', personId: 'p1', name: '李四', townshipName: '城关镇', year: 2027 }],
    });
    renderPage();
    const table = await screen.findByTestId('health-repeated-basic-table');
    expect(within(table).getByRole('link', { name: '李四' })).toHaveAttribute('href', '/staffing/secondees/s1');
    expect(within(table).getByText('城关镇')).toBeInTheDocument();
    expect(within(table).getByText('2026、2027 年度均为基本合格')).toBeInTheDocument();
    expect(screen.queryByTestId('health-ok')).not.toBeInTheDocument();
  });

  it('is healthy when nothing is flagged', async () => {
    current = health();
    renderPage();
    expect(await screen.findByTestId('health-ok')).toBeInTheDocument();
  });
});
