import { useMemo, useState } from 'react';
import { Layout, Menu, Tag, Typography, type MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  CustomerServiceOutlined,
  DesktopOutlined,
  FileDoneOutlined,
  HighlightOutlined,
  CalendarOutlined,
  ClusterOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  SwapOutlined,
  MedicineBoxOutlined,
  LineChartOutlined,
  PartitionOutlined,
  SolutionOutlined,
  HomeOutlined,
  KeyOutlined,
  EnvironmentOutlined,
  ProfileOutlined,
  ShopOutlined,
  SoundOutlined,
  TeamOutlined,
  BankOutlined,
  LikeOutlined,
  ToolOutlined,
  FundOutlined,
  IdcardOutlined,
  BookOutlined,
  BarChartOutlined,
  FormOutlined,
  ScheduleOutlined,
  ExceptionOutlined,
  FlagOutlined,
  TrophyOutlined,
  SafetyOutlined,
  UsergroupAddOutlined,
  AlertOutlined,
  CommentOutlined,
  WarningOutlined,
  FileTextOutlined,
  NotificationOutlined,
  ControlOutlined,
  CloudDownloadOutlined,
  SafetyCertificateOutlined,
  DashboardOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { SiteHeader, SiteMenuDrawer } from '../components/SiteHeader';
import type { EvaluationModule, Me, Permission, RegionLevel } from '../lib/api/types';
import { hasPermission, useCurrentUser } from '../lib/auth/useAuth';
import { usePhone } from '../lib/usePhone';
import { UserMenu } from './UserMenu';

type MenuItem = Required<MenuProps>['items'][number];

interface NavEntry {
  key: string;
  path?: string;
  icon: React.ReactNode;
  label: string;
  /** Shown when the user has any of these (none listed: everybody). */
  anyOf?: Permission[];
  /** Shown only to users of one of these roles (the window workbench, the village agent desk). */
  roles?: string[];
  /** Shown only to users whose region is of one of these levels (数据开放包: a county's or the province's). */
  levels?: RegionLevel[];
  /** An evaluator sees a module's pages only when its grant (评估任务) opens the module. */
  module?: EvaluationModule;
  /** Shown only to users who work under an evaluation grant (the evaluator's workspace). */
  grantOnly?: boolean;
  children?: NavEntry[];
}

/** Whoever holds any enforcement permission works with enforcement (teams, cases, reviews, supervision, assessment). */
const ENFORCEMENT_READERS: Permission[] = [
  'enforcement.teams',
  'enforcement.leads',
  'enforcement.file',
  'enforcement.investigate',
  'enforcement.review',
  'enforcement.benchmarks',
  'enforcement.assess',
  'enforcement.assess_score',
  'enforcement.supervise',
];

/** The sider menu for this user: entries whose permission the user lacks are not shown. */
export function buildNav(me: Me, t: (key: NavKey) => string): NavEntry[] {
  const all: NavEntry[] = [
    // 评估工作台: first for an evaluator
    { key: 'evaluation', path: '/evaluation', icon: <DashboardOutlined />, label: t('nav.workspace'), grantOnly: true },
    { key: 'home', path: '/', icon: <HomeOutlined />, label: t('nav.home') },
    {
      key: 'organization',
      icon: <ClusterOutlined />,
      label: t('nav.organization'),
      children: [
        { key: 'regions', path: '/regions', icon: <ApartmentOutlined />, label: t('nav.regions') },
        { key: 'units', path: '/units', icon: <ShopOutlined />, label: t('nav.units') },
        {
          key: 'users',
          path: '/users',
          icon: <TeamOutlined />,
          label: t('nav.users'),
          anyOf: ['users.read', 'users.manage'],
        },
      ],
    },
    {
      key: 'power-lists',
      module: 'power_lists',
      icon: <SolutionOutlined />,
      label: t('nav.powerLists'),
      children: [
        { key: 'power-items', path: '/power-lists/items', icon: <FileSearchOutlined />, label: t('nav.powerItems') },
        { key: 'power-townships', path: '/power-lists/townships', icon: <PartitionOutlined />, label: t('nav.powerTownships') },
        { key: 'power-agreements', path: '/power-lists/agreements', icon: <FileProtectOutlined />, label: t('nav.powerAgreements') },
        { key: 'power-admissions', path: '/power-lists/admissions', icon: <SwapOutlined />, label: t('nav.powerAdmissions') },
        { key: 'power-health', path: '/power-lists/health', icon: <MedicineBoxOutlined />, label: t('nav.powerHealth') },
        { key: 'power-kpis', path: '/power-lists/kpis', icon: <LineChartOutlined />, label: t('nav.powerKpis') },
      ],
    },
    {
      key: 'services',
      module: 'service_centre',
      icon: <CustomerServiceOutlined />,
      label: t('nav.services'),
      children: [
        { key: 'service-items', path: '/services/items', icon: <ProfileOutlined />, label: t('nav.serviceItems') },
        {
          key: 'service-workbench',
          path: '/services/workbench',
          icon: <DesktopOutlined />,
          label: t('applications.nav.workbench'),
          roles: ['window_clerk'],
        },
        {
          key: 'service-agent',
          path: '/services/agent',
          icon: <EnvironmentOutlined />,
          label: t('applications.nav.agent'),
          roles: ['village_agent'],
        },
        { key: 'service-applications', path: '/services/applications', icon: <FileDoneOutlined />, label: t('applications.nav.applications') },
        {
          key: 'service-caller',
          path: '/services/caller',
          icon: <SoundOutlined />,
          label: t('queue.nav.caller'),
          roles: ['window_clerk'],
        },
        { key: 'service-centres', path: '/services/centres', icon: <BankOutlined />, label: t('queue.nav.centres') },
        { key: 'service-ratings', path: '/services/ratings', icon: <LikeOutlined />, label: t('ratings.nav.ratings') },
        { key: 'service-rectifications', path: '/services/rectifications', icon: <ToolOutlined />, label: t('ratings.nav.rectifications') },
        { key: 'service-kpis', path: '/services/kpis', icon: <FundOutlined />, label: t('serviceKpis.nav') },
      ],
    },
    {
      key: 'staffing',
      module: 'staffing',
      icon: <IdcardOutlined />,
      label: t('staffing.nav.group'),
      children: [
        { key: 'staffing-ledger', path: '/staffing/ledger', icon: <BookOutlined />, label: t('staffing.nav.ledger') },
        { key: 'staffing-transfers', path: '/staffing/transfers', icon: <SwapOutlined />, label: t('staffing.nav.transfers') },
        { key: 'staffing-summary', path: '/staffing/transfers/summary', icon: <BarChartOutlined />, label: t('staffing.nav.summary') },
        { key: 'staffing-requests', path: '/staffing/requests', icon: <FormOutlined />, label: t('staffing.nav.requests') },
        { key: 'staffing-plans', path: '/staffing/plans', icon: <ScheduleOutlined />, label: t('staffing.nav.plans') },
        { key: 'staffing-people', path: '/staffing/people', icon: <TeamOutlined />, label: t('staffing.nav.people') },
        { key: 'staffing-exceptions', path: '/staffing/exceptions', icon: <ExceptionOutlined />, label: t('staffing.nav.exceptions') },
        { key: 'staffing-health', path: '/staffing/health', icon: <MedicineBoxOutlined />, label: t('staffing.nav.health') },
        { key: 'staffing-kpis', path: '/staffing/kpis', icon: <LineChartOutlined />, label: t('staffing.nav.kpis') },
        { key: 'staffing-campaigns', path: '/staffing/campaigns', icon: <FlagOutlined />, label: t('staffing.nav.campaigns') },
        { key: 'staffing-secondees', path: '/staffing/secondees', icon: <SolutionOutlined />, label: t('staffing.nav.secondees') },
        { key: 'staffing-assessments', path: '/staffing/assessments', icon: <TrophyOutlined />, label: t('staffing.nav.assessments') },
      ],
    },
    {
      key: 'enforcement',
      module: 'enforcement',
      icon: <SafetyOutlined />,
      label: t('enforcement.nav.group'),
      children: [
        { key: 'enforcement-teams', path: '/enforcement/teams', icon: <UsergroupAddOutlined />, label: t('enforcement.nav.teams') },
        { key: 'enforcement-officers', path: '/enforcement/officers', icon: <IdcardOutlined />, label: t('enforcement.nav.officers') },
        {
          key: 'enforcement-cases',
          path: '/enforcement/cases',
          icon: <FileTextOutlined />,
          label: t('enforcement.nav.cases'),
          anyOf: ['enforcement.leads', 'enforcement.file', 'enforcement.investigate', 'enforcement.review'],
        },
        {
          // read by anyone in scope, but acted on by the team's leadership (公示/撤回 need enforcement.file) and
          // watched for 逾期 by those who run the teams (county and township)
          key: 'enforcement-disclosures',
          path: '/enforcement/disclosures',
          icon: <NotificationOutlined />,
          label: t('enforcement.nav.disclosures'),
          anyOf: ['enforcement.file', 'enforcement.teams'],
        },
        {
          // the KPIs and the surveys behind 执法满意度: for everybody who works with enforcement (the API filters by region)
          key: 'enforcement-kpis',
          path: '/enforcement/kpis',
          icon: <FundOutlined />,
          label: t('enforcementKpis.nav'),
          anyOf: ENFORCEMENT_READERS,
        },
        {
          key: 'enforcement-surveys',
          path: '/enforcement/surveys',
          icon: <LikeOutlined />,
          label: t('enforcementSurveys.nav'),
          anyOf: ENFORCEMENT_READERS,
        },
        {
          key: 'enforcement-benchmarks',
          path: '/enforcement/benchmarks',
          icon: <ControlOutlined />,
          label: t('enforcement.nav.benchmarks'),
        },
        {
          // 执法监督: recorded and handled by the supervisors, read by the township leadership about its team
          key: 'enforcement-complaints',
          path: '/enforcement/complaints',
          icon: <CommentOutlined />,
          label: t('enforcement.nav.complaints'),
          anyOf: ['enforcement.supervise', 'enforcement.file', 'enforcement.teams'],
        },
        {
          key: 'enforcement-faults',
          path: '/enforcement/faults',
          icon: <WarningOutlined />,
          label: t('enforcement.nav.faults'),
          anyOf: ['enforcement.supervise', 'enforcement.file', 'enforcement.teams'],
        },
        {
          // 双向考核: run by the county (enforcement.assess), scored by departments and townships (assess_score)
          key: 'enforcement-assessments',
          path: '/enforcement/assessments',
          icon: <TrophyOutlined />,
          label: t('enforcement.nav.assessments'),
          anyOf: ['enforcement.assess', 'enforcement.assess_score'],
        },
        { key: 'enforcement-health', path: '/enforcement/health', icon: <AlertOutlined />, label: t('enforcement.nav.health') },
      ],
    },
    {
      // 评估意见: read by the county, the service admin, the township leadership and the evaluators
      // (the API scopes them)
      key: 'findings',
      path: '/findings',
      icon: <HighlightOutlined />,
      label: t('findings.nav'),
      anyOf: ['findings.read'],
    },
    {
      // 数据开放包: a county's signed monthly data (every module's KPIs and lists), for the county and the province
      key: 'open-data',
      path: '/open-data',
      icon: <CloudDownloadOutlined />,
      label: t('openData.nav'),
      levels: ['county', 'province'],
    },
    { key: 'tokens', path: '/tokens', icon: <KeyOutlined />, label: t('nav.tokens'), anyOf: ['tokens.manage'] },
    {
      key: 'grants',
      path: '/grants',
      icon: <SafetyCertificateOutlined />,
      label: t('nav.grants'),
      anyOf: ['grants.manage'],
    },
    { key: 'calendar', path: '/calendar', icon: <CalendarOutlined />, label: t('nav.calendar') },
    { key: 'audit', path: '/audit', icon: <AuditOutlined />, label: t('nav.audit'), anyOf: ['audit.read'] },
  ];
  const allowed = (e: NavEntry) =>
    (!e.anyOf || e.anyOf.some((p) => hasPermission(me, p))) &&
    (!e.roles || e.roles.includes(me.role)) &&
    (!e.levels || e.levels.includes(me.regionLevel)) &&
    (!e.module || !me.grant || me.grant.modules.includes(e.module)) &&
    (!e.grantOnly || !!me.grant);
  return all
    .filter(allowed)
    .map((e) => (e.children ? { ...e, children: e.children.filter(allowed) } : e));
}

type NavKey =
  | 'nav.home'
  | 'nav.organization'
  | 'nav.regions'
  | 'nav.units'
  | 'nav.users'
  | 'nav.tokens'
  | 'nav.grants'
  | 'nav.workspace'
  | 'nav.calendar'
  | 'nav.audit'
  | 'nav.powerLists'
  | 'nav.powerItems'
  | 'nav.powerTownships'
  | 'nav.powerAgreements'
  | 'nav.powerAdmissions'
  | 'nav.powerHealth'
  | 'nav.powerKpis'
  | 'nav.services'
  | 'nav.serviceItems'
  | 'applications.nav.workbench'
  | 'applications.nav.agent'
  | 'applications.nav.applications'
  | 'queue.nav.caller'
  | 'queue.nav.centres'
  | 'ratings.nav.ratings'
  | 'ratings.nav.rectifications'
  | 'serviceKpis.nav'
  | 'enforcementKpis.nav'
  | 'enforcementSurveys.nav'
  | 'staffing.nav.group'
  | 'staffing.nav.ledger'
  | 'staffing.nav.transfers'
  | 'staffing.nav.summary'
  | 'staffing.nav.requests'
  | 'staffing.nav.plans'
  | 'staffing.nav.people'
  | 'staffing.nav.exceptions'
  | 'staffing.nav.health'
  | 'staffing.nav.kpis'
  | 'staffing.nav.campaigns'
  | 'staffing.nav.secondees'
  | 'staffing.nav.assessments'
  | 'enforcement.nav.group'
  | 'enforcement.nav.teams'
  | 'enforcement.nav.officers'
  | 'enforcement.nav.health'
  | 'enforcement.nav.cases'
  | 'enforcement.nav.disclosures'
  | 'enforcement.nav.benchmarks'
  | 'enforcement.nav.complaints'
  | 'enforcement.nav.faults'
  | 'enforcement.nav.assessments'
  | 'openData.nav'
  | 'findings.nav';

function toMenuItems(entries: NavEntry[]): MenuItem[] {
  return entries.map((e) =>
    e.children
      ? {
          key: e.key,
          icon: e.icon,
          label: <span data-testid={`menu-${e.key}`}>{e.label}</span>,
          children: toMenuItems(e.children),
        }
      : {
          key: e.key,
          icon: e.icon,
          label: (
            <Link to={e.path ?? '/'} data-testid={`menu-${e.key}`}>
              {e.label}
            </Link>
          ),
        },
  );
}

/** The 编制 entry of a page under /staffing: a statement belongs to the ledger, the 下沉编制 summary has its own. */
function staffingKey(second: string, third: string): string {
  if (second === 'transfers' && third === 'summary') return 'staffing-summary';
  if (second === '' || second === 'establishments') return 'staffing-ledger';
  return `staffing-${second}`;
}

/** The menu entry of a page: the first path segment, or the second one under /power-lists, /services, /staffing and
 * /enforcement (a team's or an officer's page belongs to its list). */
export function selectedKey(pathname: string): string {
  const [, first = '', second = '', third = ''] = pathname.split('/');
  if (first === 'power-lists') return `power-${second || 'items'}`;
  if (first === 'services') return `service-${second || 'applications'}`;
  if (first === 'staffing') return staffingKey(second, third);
  if (first === 'enforcement') return `enforcement-${second || 'teams'}`;
  return first === '' ? 'home' : first;
}

/**
 * The frame of the signed-in pages: header, menu, content. On a phone (below 768 px) the menu moves into a drawer
 * opened from the header, the header keeps the title, the notices and a user button, and the content takes the
 * whole width (wide tables scroll inside their own box, global.css).
 */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const location = useLocation();
  const phone = usePhone();
  const [collapsed, setCollapsed] = useState(false);
  const [drawer, setDrawer] = useState(false);

  const nav = useMemo(() => buildNav(me, (k) => t(k)), [me, t]);
  const items = useMemo(() => toMenuItems(nav), [nav]);
  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selectedKey(location.pathname)]}
      defaultOpenKeys={['organization', 'power-lists', 'services', 'staffing', 'enforcement']}
      // a page picked in the drawer closes it (a group opening or closing does not)
      onClick={() => setDrawer(false)}
      style={{ borderInlineEnd: 0 }}
      data-testid="nav-menu"
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SiteHeader
        phone={phone}
        title={t('app.name')}
        home="/"
        menuLabel={t('app.menu')}
        onMenu={() => setDrawer(true)}
        testIds={{ title: 'app-title', menuButton: 'nav-menu-button' }}
      >
        <UserMenu compact={phone} />
      </SiteHeader>
      <Layout>
        {phone ? (
          <SiteMenuDrawer
            open={drawer}
            onClose={() => setDrawer(false)}
            title={t('app.name')}
            testId="nav-drawer"
          >
            {menu}
          </SiteMenuDrawer>
        ) : (
          <Layout.Sider
            width={208}
            theme="light"
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            data-testid="sider"
          >
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content className="app-content" style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
      <Layout.Footer style={{ textAlign: 'center', padding: '12px 24px' }}>
        <Tag>{me.regionName}</Tag>
        <Typography.Text type="secondary">{t('app.name')}</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
