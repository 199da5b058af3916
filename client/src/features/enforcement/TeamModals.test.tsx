import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import { renderWithProviders } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import type { EnforcementTeam } from '../../lib/api/types';
import { EditTeamModal } from './TeamModals';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const team = {
  id: 't1', townshipId: 'r1', townshipName: '城关镇', unitId: null, name: '城关镇综合行政执法大队', leaderName: '李队长',
  phone: null, address: null, population: 30000, version: 3,
  strength: { serving: 12, certified: 11, expiring: 1, expired: 0, required: 10, sufficient: true },
} as EnforcementTeam;

describe('编辑执法大队', () => {
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    if (String(input) === '/api/v1/enforcement/teams/t1' && init?.method === 'PUT') return json(200, team);
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  it('saves a team whose population is filled in (a number passes the required rule)', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    renderWithProviders(
      <EditTeamModal team={team} etag='"v3"' open onClose={() => undefined} onSaved={onSaved}
        onReload={async () => undefined} />,
    );
    await user.click(await screen.findByTestId('team-edit-submit'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const put = fetchMock.mock.calls.find(([, i]) => i?.method === 'PUT')!;
    expect(JSON.parse(String(put[1]!.body))).toMatchObject({ population: 30000 });
    expect(screen.queryByText('请填写常住人口')).not.toBeInTheDocument();
  });
});
