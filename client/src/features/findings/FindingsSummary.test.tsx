import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import type { FindingCount } from '../../lib/api/types';
import { renderRoutes } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { FindingsSummary } from './FindingsSummary';

const counts: FindingCount[] = [
  {
    regionId: 'r-1',
    regionName: '城关镇',
    module: 'service_centre',
    moduleName: '便民服务',
    open: 2,
    answered: 1,
    total: 3,
  },
  {
    regionId: 'r-2',
    regionName: '河口乡',
    module: 'enforcement',
    moduleName: '综合行政执法',
    open: 0,
    answered: 1,
    total: 1,
  },
];

describe('the findings overview', () => {
  fetchMockInEachTest(
    vi.fn(async (input: RequestInfo | URL) =>
      new URL(String(input), 'http://localhost').pathname === '/api/v1/evaluation/findings/summary'
        ? json(200, counts)
        : json(404, { title: '未找到', status: 404 }),
    ),
  );

  it('leads from a cell to the list of that township and module, and from a total to the township’s', async () => {
    const onPick = vi.fn();
    renderRoutes([{ path: '/findings', element: <FindingsSummary onPick={onPick} /> }], '/findings');
    const cells = await screen.findAllByTestId('findings-summary-cell');
    // row by row: 城关镇 (便民服务, total), 河口乡 (综合行政执法, total); an empty cell is no link
    expect(cells.map((c) => c.textContent)).toEqual(['2 / 3', '2 / 3', '0 / 1', '0 / 1']);
    await userEvent.click(cells[0]!);
    expect(onPick).toHaveBeenLastCalledWith('r-1', 'service_centre');
    await userEvent.click(cells[2]!);
    expect(onPick).toHaveBeenLastCalledWith('r-2', 'enforcement');
    await userEvent.click(cells[3]!);
    expect(onPick).toHaveBeenLastCalledWith('r-2', undefined);
  });
});
