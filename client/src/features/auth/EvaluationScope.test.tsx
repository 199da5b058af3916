import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import type { Me } from '../../lib/api/types';
import { meQueryKey } from '../../lib/auth/api';
import { CurrentUserContext } from '../../lib/auth/useAuth';
import { AppProviders, createQueryClient } from '../../app/providers';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { EvaluationScope } from './EvaluationScope';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const regions = [
  { id: 't1', code: '01', name: '城关镇', level: 'township' as const },
  { id: 't2', code: '02', name: '河口镇', level: 'township' as const },
];

const me: Me = {
  id: 'u',
  username: 'pj_01',
  displayName: '评估员',
  role: 'evaluator',
  roleName: '第三方评估机构',
  regionId: 't1',
  regionName: '城关镇',
  regionLevel: 'township',
  unitId: null,
  unitName: null,
  permissions: ['audit.read'],
  grant: {
    id: 'g1',
    organisation: '华信评估',
    purpose: '改革成效评估',
    periodFrom: '2025-01-01',
    periodTo: '2025-12-31',
    modules: ['power_lists'],
    expiresAt: '2027-06-30T00:00:00Z',
    regions,
  },
};

function renderScope(user: Me) {
  const queryClient = createQueryClient();
  queryClient.setQueryData(meQueryKey, user);
  queryClient.setQueryData(['powers', 'kpis', '2025-01', '2025-12'], { months: [] });
  render(
    <AppProviders queryClient={queryClient}>
      <CurrentUserContext.Provider value={user}>
        <EvaluationScope />
      </CurrentUserContext.Provider>
    </AppProviders>,
  );
  return queryClient;
}

describe('评估范围 in the header', () => {
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) =>
    String(input) === '/api/v1/auth/scope' && init?.method === 'PUT'
      ? json(200, { ...me, regionId: 't2', regionName: '河口镇' })
      : json(404, { title: '未找到', status: 404 }),
  );
  fetchMockInEachTest(fetchMock);

  it('shows the grant’s organisation and period, and no switch for a grant of one region', () => {
    renderScope({ ...me, grant: { ...me.grant!, regions: [regions[0]!] } });
    expect(screen.getByTestId('evaluation-grant')).toHaveTextContent('华信评估 · 数据期间 2025-01-01 ~ 2025-12-31');
    expect(screen.queryByTestId('evaluation-scope')).not.toBeInTheDocument();
  });

  it('switches to another region of the grant, takes the new me and drops what was read before', async () => {
    const user = userEvent.setup();
    const queryClient = renderScope(me);
    await user.click(within(screen.getByTestId('evaluation-scope')).getByRole('combobox'));
    const options = await screen.findAllByText('河口镇', { selector: '.ant-select-item-option-content' });
    await user.click(options[options.length - 1]!);

    await waitFor(() => expect(queryClient.getQueryData<Me>(meQueryKey)?.regionId).toBe('t2'));
    const put = fetchMock.mock.calls.find(([, i]) => i?.method === 'PUT');
    expect(JSON.parse(String(put?.[1]?.body))).toEqual({ regionId: 't2' });
    expect(queryClient.getQueryState(['powers', 'kpis', '2025-01', '2025-12'])?.isInvalidated).toBe(true);
  });

  it('shows nothing to a user without a grant', () => {
    renderScope({ ...me, grant: null });
    expect(screen.queryByTestId('evaluation-grant')).not.toBeInTheDocument();
  });
});
