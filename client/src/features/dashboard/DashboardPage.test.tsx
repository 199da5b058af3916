import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import '../../lib/i18n';
import type { Me } from '../../lib/api/types';
import { CurrentUserContext } from '../../lib/auth/useAuth';
import { fetchMockInEachTest, json } from '../../test/fetch';
import { signedIn } from '../../test/fixtures';
import { renderRoutes } from '../../test/render';
import { DashboardPage } from './DashboardPage';

const base: Me = signedIn();

const fetchMock = vi.fn(async () => json(200, { items: [] }));

function renderAs(me: Me) {
  renderRoutes(
    [
      {
        path: '/',
        element: (
          <CurrentUserContext.Provider value={me}>
            <DashboardPage />
          </CurrentUserContext.Provider>
        ),
      },
    ],
    '/',
  );
  return within(screen.getByTestId('dashboard-links'));
}

describe('home page quick links', () => {
  fetchMockInEachTest(fetchMock);

  it('take a window clerk to the workbench and the caller first', () => {
    const links = renderAs(base);
    expect(links.getByText('窗口工作台').closest('a')).toHaveAttribute('href', '/services/workbench');
    expect(links.getByText('窗口叫号').closest('a')).toHaveAttribute('href', '/services/caller');
    expect(links.queryByText('村级代办')).toBeNull();
  });

  it("take a village agent to the agent's desk, and no one else to a desk", () => {
    expect(
      renderAs({ ...base, role: 'village_agent', regionLevel: 'village' })
        .getByText('村级代办')
        .closest('a'),
    ).toHaveAttribute('href', '/services/agent');
  });

  it('show a county administrator no desk', () => {
    const links = renderAs({ ...base, role: 'county_admin', regionLevel: 'county' });
    expect(links.queryByText('窗口工作台')).toBeNull();
    expect(links.queryByText('村级代办')).toBeNull();
  });
});
