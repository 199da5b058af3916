import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AppLayout } from './AppLayout';
import { FullPageSpin, RequireAuth, RequirePermission } from '../features/auth/RequireAuth';
import { LoginPage } from '../features/auth/LoginPage';
import { NotFound } from '../components/NotFound';

// Every page is loaded with its route (its own chunk, react-router's `lazy`): the main chunk keeps only the
// layout, the login page and what they need. While the first page of a visit loads, a spinner shows.

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  // 大厅叫号屏: public and bare (no header or menu), for a screen in the hall
  {
    path: '/public/queue/:centreId',
    HydrateFallback: FullPageSpin,
    lazy: () => import('../features/queue/HallDisplayPage').then((m) => ({ Component: m.HallDisplayPage })),
  },
  // Public pages: no session needed, outside RequireAuth (never a redirect to /login).
  {
    path: '/public',
    HydrateFallback: FullPageSpin,
    lazy: () => import('../features/powers/public/PublicPages').then((m) => ({ Component: m.PublicLayout })),
    children: [
      {
        index: true,
        lazy: () => import('../features/powers/public/PublicPages').then((m) => ({ Component: m.PublicHomePage })),
      },
      {
        path: 'power-lists',
        lazy: () => import('../features/powers/public/PublicPages').then((m) => ({ Component: m.PublicTownshipsPage })),
      },
      {
        path: 'power-lists/:townshipId',
        lazy: () => import('../features/powers/public/PublicPages').then((m) => ({ Component: m.PublicTownshipListPage })),
      },
      {
        path: 'services',
        lazy: () => import('../features/services/public/PublicGuidePages').then((m) => ({ Component: m.PublicServicesNoCounty })),
      },
      {
        path: 'services/item/:id',
        lazy: () => import('../features/services/public/PublicGuidePages').then((m) => ({ Component: m.PublicGuidePage })),
      },
      {
        path: 'services/:countyId',
        lazy: () => import('../features/services/public/PublicGuidePages').then((m) => ({ Component: m.PublicServicesPage })),
      },
      // 服务网点 and 取号 (the live queue itself is the bare route above)
      {
        path: 'centres',
        lazy: () => import('../features/queue/PublicQueuePages').then((m) => ({ Component: m.PublicCentresIndex })),
      },
      {
        path: 'centres/:countyId',
        lazy: () => import('../features/queue/PublicQueuePages').then((m) => ({ Component: m.PublicCentresPage })),
      },
      {
        path: 'queue/:centreId/take',
        lazy: () => import('../features/queue/PublicQueuePages').then((m) => ({ Component: m.TakeTicketPage })),
      },
      // 好差评 from outside: the applicant rates with the application number and the registered phone
      { path: 'rate', lazy: () => import('../features/ratings/PublicRatePage').then((m) => ({ Component: m.PublicRatePage })) },
      // 选派 and 年度考核 公示 (names masked), readable on a phone
      {
        path: 'staffing/campaigns/:id',
        lazy: () => import('../features/staffing/public/NoticePages').then((m) => ({ Component: m.PublicCampaignNoticePage })),
      },
      {
        path: 'staffing/assessments/:id',
        lazy: () => import('../features/staffing/public/NoticePages').then((m) => ({ Component: m.PublicExcellentNoticePage })),
      },
      // 行政执法公示: decisions (事后公开) and a township's team (事前公开), readable on a phone
      {
        path: 'enforcement/disclosures',
        lazy: () =>
          import('../features/enforcement/public/PublicDisclosuresPage').then((m) => ({
            Component: m.PublicDisclosuresPage,
          })),
      },
      {
        path: 'enforcement/teams/:townshipId',
        lazy: () =>
          import('../features/enforcement/public/PublicTeamPage').then((m) => ({ Component: m.PublicTeamPage })),
      },
      { path: '*', lazy: () => import('../features/powers/public/PublicPages').then((m) => ({ Component: m.PublicNotFound })) },
    ],
  },
  {
    path: '/',
    HydrateFallback: FullPageSpin,
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, lazy: () => import('../features/dashboard/DashboardPage').then((m) => ({ Component: m.DashboardPage })) },
      {
        path: 'regions',
        lazy: () => import('../features/organization/RegionsPage').then((m) => ({ Component: m.RegionsPage })),
        children: [
          { index: true, lazy: () => import('../features/organization/RegionsPage').then((m) => ({ Component: m.RegionsIndex })) },
          {
            path: ':id',
            lazy: () => import('../features/organization/RegionDetailPage').then((m) => ({ Component: m.RegionDetailPage })),
          },
        ],
      },
      { path: 'units', lazy: () => import('../features/organization/UnitsPage').then((m) => ({ Component: m.UnitsPage })) },
      {
        path: 'users',
        lazy: () =>
          import('../features/organization/UsersPage').then(({ UsersPage }) => ({
            element: (
              <RequirePermission permission={['users.read', 'users.manage']}>
                <UsersPage />
              </RequirePermission>
            ),
          })),
      },
      {
        path: 'tokens',
        lazy: () =>
          import('../features/tokens/TokensPage').then(({ TokensPage }) => ({
            element: (
              <RequirePermission permission="tokens.manage">
                <TokensPage />
              </RequirePermission>
            ),
          })),
      },
      // 评估任务: the county's grants to third-party evaluators
      {
        path: 'grants',
        lazy: () =>
          import('../features/grants/GrantsPage').then(({ GrantsPage }) => ({
            element: (
              <RequirePermission permission="grants.manage">
                <GrantsPage />
              </RequirePermission>
            ),
          })),
      },
      {
        path: 'power-lists',
        children: [
          { index: true, element: <Navigate to="/power-lists/items" replace /> },
          { path: 'items', lazy: () => import('../features/powers/ItemsPage').then((m) => ({ Component: m.ItemsPage })) },
          {
            path: 'items/:id',
            lazy: () => import('../features/powers/ItemDetailPage').then((m) => ({ Component: m.ItemDetailPage })),
          },
          {
            path: 'townships',
            lazy: () => import('../features/powers/TownshipsIndexPage').then((m) => ({ Component: m.TownshipsIndexPage })),
          },
          {
            path: 'townships/:townshipId',
            lazy: () => import('../features/powers/TownshipListPage').then((m) => ({ Component: m.TownshipListPage })),
          },
          {
            path: 'agreements',
            lazy: () => import('../features/powers/AgreementsPage').then((m) => ({ Component: m.AgreementsPage })),
          },
          {
            path: 'agreements/:id',
            lazy: () => import('../features/powers/AgreementDetailPage').then((m) => ({ Component: m.AgreementDetailPage })),
          },
          {
            path: 'admissions',
            lazy: () => import('../features/powers/AdmissionsPage').then((m) => ({ Component: m.AdmissionsPage })),
          },
          {
            path: 'admissions/:id',
            lazy: () => import('../features/powers/AdmissionDetailPage').then((m) => ({ Component: m.AdmissionDetailPage })),
          },
          { path: 'health', lazy: () => import('../features/powers/HealthPage').then((m) => ({ Component: m.HealthPage })) },
          { path: 'kpis', lazy: () => import('../features/powers/KpisPage').then((m) => ({ Component: m.KpisPage })) },
        ],
      },
      {
        path: 'services',
        children: [
          { index: true, element: <Navigate to="/services/applications" replace /> },
          {
            path: 'items',
            lazy: () => import('../features/services/ServiceItemsPage').then((m) => ({ Component: m.ServiceItemsPage })),
          },
          {
            path: 'items/:id',
            lazy: () => import('../features/services/ServiceItemDetailPage').then((m) => ({ Component: m.ServiceItemDetailPage })),
          },
          // 办件: the window's workbench, the village agent's desk, the search, one application, its receipt and notices
          {
            path: 'workbench',
            lazy: () => import('../features/applications/WorkbenchPage').then((m) => ({ Component: m.WorkbenchPage })),
          },
          { path: 'agent', lazy: () => import('../features/applications/AgentPage').then((m) => ({ Component: m.AgentPage })) },
          {
            path: 'applications',
            lazy: () => import('../features/applications/ApplicationsPage').then((m) => ({ Component: m.ApplicationsPage })),
          },
          {
            // the ratings feature's 评价器 under the details: composed here, features do not import each other
            path: 'applications/:id',
            lazy: async () => {
              const [{ ApplicationDetailPage }, { RatingPad }] = await Promise.all([
                import('../features/applications/ApplicationDetailPage'),
                import('../features/ratings/RatingPad'),
              ]);
              return { element: <ApplicationDetailPage rating={(a) => <RatingPad application={a} />} /> };
            },
          },
          {
            path: 'applications/:id/receipt',
            lazy: () => import('../features/applications/ReceiptPage').then((m) => ({ Component: m.ReceiptPage })),
          },
          {
            path: 'applications/:id/notices/:kind',
            lazy: () => import('../features/applications/NoticePage').then((m) => ({ Component: m.NoticePage })),
          },
          // 服务网点 (centres, windows, offered items) and 窗口叫号
          { path: 'centres', lazy: () => import('../features/queue/CentresPage').then((m) => ({ Component: m.CentresPage })) },
          {
            path: 'centres/:id',
            lazy: () => import('../features/queue/CentreDetailPage').then((m) => ({ Component: m.CentreDetailPage })),
          },
          { path: 'caller', lazy: () => import('../features/queue/CallerPage').then((m) => ({ Component: m.CallerPage })) },
          // 好差评 and 差评整改
          { path: 'ratings', lazy: () => import('../features/ratings/RatingsPage').then((m) => ({ Component: m.RatingsPage })) },
          {
            path: 'rectifications',
            lazy: () => import('../features/ratings/RectificationsPage').then((m) => ({ Component: m.RectificationsPage })),
          },
          {
            path: 'rectifications/:id',
            lazy: () =>
              import('../features/ratings/RectificationDetailPage').then((m) => ({ Component: m.RectificationDetailPage })),
          },
          // 便民服务指标
          {
            path: 'kpis',
            lazy: () => import('../features/serviceKpis/ServiceKpisPage').then((m) => ({ Component: m.ServiceKpisPage })),
          },
        ],
      },
      {
        path: 'staffing',
        children: [
          { index: true, element: <Navigate to="/staffing/ledger" replace /> },
          { path: 'ledger', lazy: () => import('../features/staffing/LedgerPage').then((m) => ({ Component: m.LedgerPage })) },
          {
            path: 'establishments/:id',
            lazy: () => import('../features/staffing/StatementPage').then((m) => ({ Component: m.StatementPage })),
          },
          { path: 'transfers', lazy: () => import('../features/staffing/TransfersPage').then((m) => ({ Component: m.TransfersPage })) },
          {
            path: 'transfers/summary',
            lazy: () => import('../features/staffing/TransferSummaryPage').then((m) => ({ Component: m.TransferSummaryPage })),
          },
          {
            path: 'transfers/:id',
            lazy: () => import('../features/staffing/TransferDetailPage').then((m) => ({ Component: m.TransferDetailPage })),
          },
          {
            path: 'requests',
            lazy: () => import('../features/staffing/PostRequestsPage').then((m) => ({ Component: m.PostRequestsPage })),
          },
          {
            path: 'requests/:id',
            lazy: () => import('../features/staffing/PostRequestDetailPage').then((m) => ({ Component: m.PostRequestDetailPage })),
          },
          { path: 'plans', lazy: () => import('../features/staffing/PlansPage').then((m) => ({ Component: m.PlansPage })) },
          { path: 'people', lazy: () => import('../features/staffing/PeoplePage').then((m) => ({ Component: m.PeoplePage })) },
          { path: 'people/:id', lazy: () => import('../features/staffing/PersonPage').then((m) => ({ Component: m.PersonPage })) },
          {
            path: 'exceptions',
            lazy: () => import('../features/staffing/ExceptionsPage').then((m) => ({ Component: m.ExceptionsPage })),
          },
          { path: 'health', lazy: () => import('../features/staffing/HealthPage').then((m) => ({ Component: m.StaffingHealthPage })) },
          { path: 'kpis', lazy: () => import('../features/staffing/KpisPage').then((m) => ({ Component: m.StaffingKpisPage })) },
          { path: 'campaigns', lazy: () => import('../features/staffing/CampaignsPage').then((m) => ({ Component: m.CampaignsPage })) },
          { path: 'campaigns/:id', lazy: () => import('../features/staffing/CampaignPage').then((m) => ({ Component: m.CampaignPage })) },
          { path: 'secondees', lazy: () => import('../features/staffing/SecondeesPage').then((m) => ({ Component: m.SecondeesPage })) },
          { path: 'secondees/:id', lazy: () => import('../features/staffing/SecondeePage').then((m) => ({ Component: m.SecondeePage })) },
          {
            path: 'assessments',
            lazy: () => import('../features/staffing/AssessmentsPage').then((m) => ({ Component: m.AssessmentsPage })),
          },
          {
            path: 'assessments/:id',
            lazy: () => import('../features/staffing/AssessmentPage').then((m) => ({ Component: m.AssessmentPage })),
          },
        ],
      },
      {
        path: 'enforcement',
        children: [
          { index: true, element: <Navigate to="/enforcement/teams" replace /> },
          { path: 'teams', lazy: () => import('../features/enforcement/TeamsPage').then((m) => ({ Component: m.TeamsPage })) },
          { path: 'teams/:id', lazy: () => import('../features/enforcement/TeamPage').then((m) => ({ Component: m.TeamPage })) },
          {
            path: 'officers',
            lazy: () => import('../features/enforcement/OfficersPage').then((m) => ({ Component: m.OfficersPage })),
          },
          {
            path: 'officers/:id',
            lazy: () => import('../features/enforcement/OfficerPage').then((m) => ({ Component: m.OfficerPage })),
          },
          {
            path: 'health',
            lazy: () => import('../features/enforcement/HealthPage').then((m) => ({ Component: m.EnforcementHealthPage })),
          },
          // 执法指标 (the one KPI query) and the 满意度调查 behind 执法满意度
          {
            path: 'kpis',
            lazy: () => import('../features/enforcement/KpisPage').then((m) => ({ Component: m.EnforcementKpisPage })),
          },
          {
            path: 'surveys',
            lazy: () => import('../features/enforcement/SurveysPage').then((m) => ({ Component: m.SurveysPage })),
          },
          // 案件: the list (线索登记 there) and one case with its steps
          { path: 'cases', lazy: () => import('../features/enforcement/CasesPage').then((m) => ({ Component: m.CasesPage })) },
          {
            path: 'cases/:id',
            lazy: () => import('../features/enforcement/CaseDetailPage').then((m) => ({ Component: m.CaseDetailPage })),
          },
          // 打印文书: one of the case's documents on an A4 sheet (立案审批表 … 结案审批表)
          {
            path: 'cases/:id/print/:doc',
            lazy: () =>
              import('../features/enforcement/CaseDocumentPage').then((m) => ({ Component: m.CaseDocumentPage })),
          },
          // 裁量基准: read by the county's users, changed by the county (enforcement.benchmarks)
          {
            path: 'benchmarks',
            lazy: () => import('../features/enforcement/BenchmarksPage').then((m) => ({ Component: m.BenchmarksPage })),
          },
          // 执法公示管理: the decisions' disclosures, 公示 and 撤回
          {
            path: 'disclosures',
            lazy: () =>
              import('../features/enforcement/DisclosuresPage').then((m) => ({ Component: m.DisclosuresPage })),
          },
          // 执法监督: 投诉举报 (handled by the supervisors) and 过错责任追究 (append-only)
          {
            path: 'complaints',
            lazy: () => import('../features/enforcement/ComplaintsPage').then((m) => ({ Component: m.ComplaintsPage })),
          },
          {
            path: 'complaints/:id',
            lazy: () =>
              import('../features/enforcement/ComplaintDetailPage').then((m) => ({ Component: m.ComplaintDetailPage })),
          },
          {
            path: 'faults',
            lazy: () => import('../features/enforcement/FaultRecordsPage').then((m) => ({ Component: m.FaultRecordsPage })),
          },
          // 双向考核: the rounds, one round, a scorer's sheet and the results
          {
            path: 'assessments',
            lazy: () => import('../features/enforcement/AssessmentsPage').then((m) => ({ Component: m.AssessmentsPage })),
          },
          {
            path: 'assessments/:id',
            lazy: () => import('../features/enforcement/AssessmentPage').then((m) => ({ Component: m.AssessmentPage })),
          },
          {
            path: 'assessments/:id/sheets/:scorerId',
            lazy: () =>
              import('../features/enforcement/AssessmentSheetPage').then((m) => ({ Component: m.AssessmentSheetPage })),
          },
          {
            path: 'assessments/:id/rankings',
            lazy: () => import('../features/enforcement/RankingsPage').then((m) => ({ Component: m.RankingsPage })),
          },
        ],
      },
      // 数据开放包: a county's signed package of a closed month, and how to verify it
      {
        path: 'open-data',
        lazy: () => import('../features/openData/OpenDataPage').then((m) => ({ Component: m.OpenDataPage })),
      },
      { path: 'calendar', lazy: () => import('../features/calendar/CalendarPage').then((m) => ({ Component: m.CalendarPage })) },
      {
        path: 'audit',
        lazy: () =>
          import('../features/audit/AuditPage').then(({ AuditPage }) => ({
            element: (
              <RequirePermission permission="audit.read">
                <AuditPage />
              </RequirePermission>
            ),
          })),
      },
      // 评估工作台: an evaluator's grant, its KPIs with their revisions and definitions, records, audit and findings
      {
        path: 'evaluation',
        lazy: () =>
          import('../features/findings/workspace/WorkspacePage').then((m) => ({ Component: m.WorkspacePage })),
      },
      // 评估意见: the evaluators' findings and the agencies' answers
      {
        path: 'findings',
        lazy: () =>
          import('../features/findings/FindingsPage').then(({ FindingsPage }) => ({
            element: (
              <RequirePermission permission="findings.read">
                <FindingsPage />
              </RequirePermission>
            ),
          })),
      },
      { path: '*', element: <NotFound page /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
