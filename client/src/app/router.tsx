import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
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
import { ItemsPage } from '../features/powers/ItemsPage';
import { ItemDetailPage } from '../features/powers/ItemDetailPage';
import { TownshipsIndexPage } from '../features/powers/TownshipsIndexPage';
import { TownshipListPage } from '../features/powers/TownshipListPage';
import { AgreementsPage } from '../features/powers/AgreementsPage';
import { AgreementDetailPage } from '../features/powers/AgreementDetailPage';
import { AdmissionsPage } from '../features/powers/AdmissionsPage';
import { AdmissionDetailPage } from '../features/powers/AdmissionDetailPage';
import { HealthPage } from '../features/powers/HealthPage';
import { WorkbenchPage } from '../features/applications/WorkbenchPage';
import { AgentPage } from '../features/applications/AgentPage';
import { ApplicationsPage } from '../features/applications/ApplicationsPage';
import { ApplicationDetailPage } from '../features/applications/ApplicationDetailPage';
import { ReceiptPage } from '../features/applications/ReceiptPage';
import { CentresPage } from '../features/queue/CentresPage';
import { CentreDetailPage } from '../features/queue/CentreDetailPage';
import { CallerPage } from '../features/queue/CallerPage';
import { HallDisplayPage } from '../features/queue/HallDisplayPage';
import { PublicCentresIndex, PublicCentresPage, TakeTicketPage } from '../features/queue/PublicQueuePages';
import { RatingsPage } from '../features/ratings/RatingsPage';
import { RectificationsPage } from '../features/ratings/RectificationsPage';
import { RectificationDetailPage } from '../features/ratings/RectificationDetailPage';
import { PublicRatePage } from '../features/ratings/PublicRatePage';
import { RatingPad } from '../features/ratings/RatingPad';
import {
  PublicLayout,
  PublicNotFound,
  PublicTownshipListPage,
  PublicTownshipsPage,
} from '../features/powers/public/PublicPages';
import { ServiceItemsPage } from '../features/services/ServiceItemsPage';
import { ServiceItemDetailPage } from '../features/services/ServiceItemDetailPage';
import {
  PublicGuidePage,
  PublicServicesNoCounty,
  PublicServicesPage,
} from '../features/services/public/PublicGuidePages';

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  // 大厅叫号屏: public and bare (no header or menu), for a screen in the hall
  { path: '/public/queue/:centreId', element: <HallDisplayPage /> },
  // Public pages: no session needed, outside RequireAuth (never a redirect to /login).
  {
    path: '/public',
    element: <PublicLayout />,
    children: [
      { index: true, element: <Navigate to="/public/power-lists" replace /> },
      { path: 'power-lists', element: <PublicTownshipsPage /> },
      { path: 'power-lists/:townshipId', element: <PublicTownshipListPage /> },
      { path: 'services', element: <PublicServicesNoCounty /> },
      { path: 'services/item/:id', element: <PublicGuidePage /> },
      { path: 'services/:countyId', element: <PublicServicesPage /> },
      // 服务网点 and 取号 (the live queue itself is the bare route above)
      { path: 'centres', element: <PublicCentresIndex /> },
      { path: 'centres/:countyId', element: <PublicCentresPage /> },
      { path: 'queue/:centreId/take', element: <TakeTicketPage /> },
      // 好差评 from outside: the applicant rates with the application number and the registered phone
      { path: 'rate', element: <PublicRatePage /> },
      { path: '*', element: <PublicNotFound /> },
    ],
  },
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
      {
        path: 'power-lists',
        children: [
          { index: true, element: <Navigate to="/power-lists/items" replace /> },
          { path: 'items', element: <ItemsPage /> },
          { path: 'items/:id', element: <ItemDetailPage /> },
          { path: 'townships', element: <TownshipsIndexPage /> },
          { path: 'townships/:townshipId', element: <TownshipListPage /> },
          { path: 'agreements', element: <AgreementsPage /> },
          { path: 'agreements/:id', element: <AgreementDetailPage /> },
          { path: 'admissions', element: <AdmissionsPage /> },
          { path: 'admissions/:id', element: <AdmissionDetailPage /> },
          { path: 'health', element: <HealthPage /> },
          // the charts library is loaded with this page only
          { path: 'kpis', lazy: () => import('../features/powers/KpisPage').then((m) => ({ Component: m.KpisPage })) },
        ],
      },
      {
        path: 'services',
        children: [
          { index: true, element: <Navigate to="/services/applications" replace /> },
          { path: 'items', element: <ServiceItemsPage /> },
          { path: 'items/:id', element: <ServiceItemDetailPage /> },
          // 办件: the window's workbench, the village agent's desk, the search, one application and its receipt
          { path: 'workbench', element: <WorkbenchPage /> },
          { path: 'agent', element: <AgentPage /> },
          { path: 'applications', element: <ApplicationsPage /> },
          { path: 'applications/:id', element: <ApplicationDetailPage rating={(a) => <RatingPad application={a} />} /> },
          { path: 'applications/:id/receipt', element: <ReceiptPage /> },
          // 服务网点 (centres, windows, offered items) and 窗口叫号
          { path: 'centres', element: <CentresPage /> },
          { path: 'centres/:id', element: <CentreDetailPage /> },
          { path: 'caller', element: <CallerPage /> },
          // 好差评 and 差评整改
          { path: 'ratings', element: <RatingsPage /> },
          { path: 'rectifications', element: <RectificationsPage /> },
          { path: 'rectifications/:id', element: <RectificationDetailPage /> },
          // 便民服务指标 (the charts library is loaded with this page only)
          {
            path: 'kpis',
            lazy: () => import('../features/serviceKpis/ServiceKpisPage').then((m) => ({ Component: m.ServiceKpisPage })),
          },
        ],
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
