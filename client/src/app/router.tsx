import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './AppLayout';
import { RequireAuth, RequirePermission } from '../features/auth/RequireAuth';
import { LoginPage } from '../features/auth/LoginPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { RegionsIndex, RegionsPage } from '../features/organization/RegionsPage';
import { RegionDetailPage } from '../features/organization/RegionDetailPage';
import { UnitsPage } from '../features/organization/UnitsPage';
import { UsersPage } from '../features/organization/UsersPage';
import { TokensPage } from '../features/tokens/TokensPage';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { AuditPage } from '../features/audit/AuditPage';
import { NotFound } from '../components/NotFound';

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <DashboardPage /> },
      {
        path: 'regions',
        element: <RegionsPage />,
        children: [
          { index: true, element: <RegionsIndex /> },
          { path: ':id', element: <RegionDetailPage /> },
        ],
      },
      { path: 'units', element: <UnitsPage /> },
      {
        path: 'users',
        element: (
          <RequirePermission permission={['users.read', 'users.manage']}>
            <UsersPage />
          </RequirePermission>
        ),
      },
      {
        path: 'tokens',
        element: (
          <RequirePermission permission="tokens.manage">
            <TokensPage />
          </RequirePermission>
        ),
      },
      { path: 'calendar', element: <CalendarPage /> },
      {
        path: 'audit',
        element: (
          <RequirePermission permission="audit.read">
            <AuditPage />
          </RequirePermission>
        ),
      },
      { path: '*', element: <NotFound page /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
