import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import '../../lib/i18n';
import type { TeamHealthFlag, TeamHealthReport } from '../../lib/api/types';
import { renderRoutes } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { EnforcementHealthPage } from './HealthPage';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

function flag(f: Partial<TeamHealthFlag> & Pick<TeamHealthFlag, 'kind' | 'severity'>): TeamHealthFlag {
  return {
    kindName: '',
    townshipId: 'tw1',
    townshipName: '城关镇',
    teamId: 'team1',
    officerId: null,
    officerName: null,
    message: '说明',
    ...f,
  };
}

describe('the 执法队伍体检 page', () => {
  let current: TeamHealthReport = { asOf: '2026-12-06', total: 0, flags: [] };
  const fetchMock = vi.fn(async (...[input]: FetchArgs) => {
    if (String(input).startsWith('/api/v1/enforcement/health')) return json(200, current);
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const renderPage = () =>
    renderRoutes([{ path: '/enforcement/health', element: <EnforcementHealthPage /> }], '/enforcement/health');

  it('groups the flags by kind, most serious first, with links to the team and the officer', async () => {
    const flags = [
      flag({
        kind: 'certificate_expired',
        severity: 'error',
        officerId: 'o1',
        officerName: '王五',
        message: '执法证已于 2026-11-30 到期',
      }),
      flag({ kind: 'no_team', severity: 'error', townshipId: 'tw2', townshipName: '河口镇', teamId: null }),
      flag({ kind: 'certificate_expiring', severity: 'warning', officerId: 'o2', officerName: '赵六' }),
      flag({ kind: 'certificate_expiring', severity: 'warning', officerId: 'o3', officerName: '钱七' }),
    ];
    current = { asOf: '2026-12-06', total: flags.length, flags };
    renderPage();

    const groups = await screen.findAllByTestId(/^health-group-/);
    expect(groups.map((g) => g.dataset.testid)).toEqual([
      'health-group-no_team',
      'health-group-certificate_expired',
      'health-group-certificate_expiring',
    ]);
    expect(screen.getByTestId('health-count-certificate_expiring')).toHaveTextContent('2');
    expect(screen.getByTestId('health-count-undersized')).toHaveTextContent('0');

    // a township without a team: its name, no link
    const noTeam = within(groups[0]!);
    expect(noTeam.getByText('河口镇')).toBeInTheDocument();
    expect(noTeam.queryByTestId('flag-team')).not.toBeInTheDocument();
    expect(noTeam.getByTestId('flag-severity')).toHaveTextContent('严重');

    const expired = within(groups[1]!);
    expect(expired.getByTestId('flag-team')).toHaveAttribute('href', '/enforcement/teams/team1');
    expect(expired.getByRole('link', { name: '王五' })).toHaveAttribute('href', '/enforcement/officers/o1');
    expect(expired.getByText('执法证已于 2026-11-30 到期')).toBeInTheDocument();

    const expiring = within(groups[2]!);
    expect(expiring.getAllByTestId('flag-officer').map((a) => a.textContent)).toEqual(['赵六', '钱七']);
    expect(expiring.getAllByTestId('flag-severity')[0]).toHaveTextContent('提醒');
    expect(screen.queryByTestId('health-ok')).not.toBeInTheDocument();
  });

  it('says all is well when nothing is flagged', async () => {
    current = { asOf: '2026-12-06', total: 0, flags: [] };
    renderPage();
    expect(await screen.findByTestId('health-ok')).toHaveTextContent('执法队伍配备齐全');
    expect(screen.queryByTestId(/^health-group-/)).not.toBeInTheDocument();
  });
});
