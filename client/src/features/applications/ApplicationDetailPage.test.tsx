import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import '../../lib/i18n';
import type { Me } from '../../lib/api/types';
import { CurrentUserContext } from '../../lib/auth/useAuth';
import { renderWithProviders } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { application } from '../../test/fixtures';
import { ApplicationDetailPage } from './ApplicationDetailPage';

const leader: Me = {
  id: 'u-3',
  username: 't01_leader',
  displayName: '王镇长',
  role: 'township_leader',
  roleName: '乡镇领导',
  regionId: 'r-t1',
  regionName: '城关镇',
  regionLevel: 'township',
  unitId: null,
  unitName: null,
  permissions: [],
};

describe('the application detail', { timeout: 30_000 }, () => {
  let shown = application();
  const fetchMock = vi.fn(async (input: RequestInfo | URL) =>
    String(input).startsWith('/api/v1/service-centre/applications/app-1')
      ? json(200, shown, { ETag: '"v1"' })
      : json(404, { title: '未找到', status: 404 }),
  );

  fetchMockInEachTest(fetchMock);

  const renderDetail = () =>
    renderWithProviders(
      <MemoryRouter initialEntries={['/services/applications/app-1']}>
        <CurrentUserContext.Provider value={leader}>
          <Routes>
            <Route path="/services/applications/:id" element={<ApplicationDetailPage />} />
          </Routes>
        </CurrentUserContext.Provider>
      </MemoryRouter>,
    );

  it('shows the queue ticket it was registered for and the window', async () => {
    shown = application({ ticketId: 't-12', ticketDisplay: 'A012', windowNumber: 3, windowName: '综合窗口' });
    renderDetail();
    expect(await screen.findByTestId('detail-ticket')).toHaveTextContent('A012');
    expect(screen.getByTestId('detail-window')).toHaveTextContent('3 号窗口（综合窗口）');
  });

  it('shows a dash for an application registered without a ticket or a window', async () => {
    shown = application();
    renderDetail();
    expect(await screen.findByTestId('detail-ticket')).toHaveTextContent('—');
    expect(screen.getByTestId('detail-window')).toHaveTextContent('—');
  });
});
