import {
  Button,
  Card,
  Col,
  ConfigProvider,
  Empty,
  Flex,
  Layout,
  Menu,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useState } from 'react';
import {
  EnvironmentOutlined,
  FileTextOutlined,
  LikeOutlined,
  LoginOutlined,
  PrinterOutlined,
  RightOutlined,
  SafetyOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useParams, useSearchParams } from 'react-router';
import { SiteHeader, SiteMenuDrawer } from '../../../components/SiteHeader';
import { isApiProblem } from '../../../lib/api/client';
import { useSearchFilters } from '../../../lib/useSearchFilters';
import { usePhone } from '../../../lib/usePhone';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { ProblemAlert } from '../../../components/ProblemAlert';
import {
  publicEnforcementPath,
  publicServicesPath,
  rememberCounty,
  rememberedCounty,
} from '../../../lib/publicPaths';
import { countyOfTownship, pickCounty, usePublicCounties } from '../../../lib/publicCounties';
import { publicPowersApi, powersKeys } from '../api';
import type { PublicListChange } from '../../../lib/api/types';
import { AsOfBanner, AsOfPicker } from '../../../components/AsOfPicker';
import { EntriesTable, EntryCards } from '../EntriesTable';
import { effectiveAsOf } from '../../../lib/dates';
import { groupByListKind } from '../model';
import '../powers.css';

const HEADER_MENU_THEME = {
  components: { Menu: { darkItemBg: 'transparent', darkItemSelectedBg: 'rgba(255, 255, 255, 0.2)' } },
};


/**
 * The frame of the public pages: no session, a menu of the public pages, never a redirect to /login. On a phone the
 * menu (with 好差评 and the language) moves into a drawer behind a menu button; the title and 工作人员登录 stay.
 */
export function PublicLayout() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const phone = usePhone();
  const [drawer, setDrawer] = useState(false);
  const section = pathname.split('/')[2] || 'home';
  const menu = [
    { key: 'power-lists', path: '/public/power-lists', label: t('services.public.menuPowers') },
    {
      key: 'services',
      path: publicServicesPath(pathname, search, rememberedCounty()),
      label: t('services.public.menuServices'),
    },
    { key: 'centres', path: '/public/centres', label: t('queue.public.navCentres') },
    { key: 'enforcement', path: publicEnforcementPath(rememberedCounty()), label: t('publicSite.enforcement') },
  ];
  const drawerMenu = [
    { key: 'home', path: '/public', label: t('publicSite.home') },
    ...menu,
    { key: 'rate', path: '/public/rate', label: t('ratings.nav.rate') },
  ];
  const login = (
    <Link to="/login">
      <Button size="small" icon={<LoginOutlined />} data-testid="public-login">
        {t('powers.public.staffLogin')}
      </Button>
    </Link>
  );
  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="public-layout">
      <SiteHeader
        phone={phone}
        title={t('powers.public.siteTitle')}
        home="/public"
        menuLabel={t('publicSite.menu')}
        onMenu={() => setDrawer(true)}
        testIds={{ title: 'public-title', menuButton: 'public-menu-button' }}
        className="no-print"
      >
        {phone ? (
          login
        ) : (
          <>
            <ConfigProvider theme={HEADER_MENU_THEME}>
              <Menu
                mode="horizontal"
                theme="dark"
                selectedKeys={[section]}
                style={{ flex: 1, minWidth: 0, marginInline: 24, borderBottom: 'none' }}
                data-testid="public-menu"
                items={menu.map((m) => ({
                  key: m.key,
                  label: (
                    <Link to={m.path} data-testid={`public-menu-${m.key}`}>
                      {m.label}
                    </Link>
                  ),
                }))}
              />
            </ConfigProvider>
            <Space>
              <Link to="/public/rate">
                <Button size="small" icon={<LikeOutlined />} data-testid="public-rate-link">
                  {t('ratings.nav.rate')}
                </Button>
              </Link>
              <LanguageSwitch size="small" />
              {login}
            </Space>
          </>
        )}
      </SiteHeader>
      {phone ? (
        <SiteMenuDrawer
          open={drawer}
          onClose={() => setDrawer(false)}
          title={t('powers.public.siteTitle')}
          testId="public-drawer"
        >
          <Menu
            mode="inline"
            selectedKeys={[section]}
            style={{ borderInlineEnd: 'none' }}
            items={drawerMenu.map((m) => ({
              key: m.key,
              label: (
                <Link to={m.path} onClick={() => setDrawer(false)} data-testid={`public-drawer-${m.key}`}>
                  {m.label}
                </Link>
              ),
            }))}
          />
          <Flex align="center" gap={8} style={{ padding: 16 }}>
            <Typography.Text type="secondary">{t('publicSite.language')}</Typography.Text>
            <LanguageSwitch size="small" />
          </Flex>
        </SiteMenuDrawer>
      ) : null}
      <Layout.Content style={{ padding: phone ? 12 : 24, maxWidth: 1280, width: '100%', margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
      <Layout.Footer className="no-print" style={{ textAlign: 'center', padding: '12px 24px' }}>
        <Typography.Text type="secondary">{t('powers.public.footer')}</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}

/**
 * /public: the landing page. The county (asked for with `?county=`, else the one last looked at, else the first),
 * its guides, centres and 好差评, and its townships with their published lists.
 */
export function PublicHomePage() {
  const { t } = useTranslation();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const counties = usePublicCounties();
  const published = useQuery({
    queryKey: powersKeys.publicTownships,
    queryFn: ({ signal }) => publicPowersApi.townships(signal),
  });
  const countyId = counties.data ? pickCounty(counties.data, params.get('county'), rememberedCounty()) : undefined;
  const county = counties.data?.find((c) => c.id === countyId);
  useEffect(() => {
    if (countyId) rememberCounty(countyId);
  }, [countyId]);

  if (counties.isPending) return <Skeleton active />;
  if (counties.isError) return <ProblemAlert error={counties.error} />;
  if (!county) return <Empty description={t('publicSite.noCounties')} />;
  const entries = new Map((published.data ?? []).map((p) => [p.id, p.publishedEntries]));
  const links = [
    { key: 'guides', to: `/public/services/${county.id}`, icon: <FileTextOutlined />, hint: t('publicSite.guidesHint') },
    {
      key: 'centres',
      to: `/public/centres/${county.id}`,
      icon: <EnvironmentOutlined />,
      hint: t('publicSite.centresHint'),
    },
    {
      key: 'enforcement',
      to: publicEnforcementPath(county.id),
      icon: <SafetyOutlined />,
      hint: t('publicSite.enforcementHint'),
    },
    { key: 'rate', to: '/public/rate', icon: <LikeOutlined />, hint: t('publicSite.rateHint') },
  ] as const;
  return (
    <div data-testid="public-home">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={phone ? 4 : 3} style={{ margin: 0 }} data-testid="public-home-county">
          {county.name}
        </Typography.Title>
        {counties.data.length > 1 ? (
          <Select
            value={county.id}
            onChange={(v) => setParams({ county: v }, { replace: true })}
            options={counties.data.map((c) => ({ value: c.id, label: c.name }))}
            aria-label={t('publicSite.county')}
            style={{ minWidth: 140 }}
            data-testid="public-home-county-select"
          />
        ) : null}
      </Flex>
      <Typography.Paragraph type="secondary">{t('publicSite.homeIntro')}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 24 }}>
        {links.map((l) => (
          <Col xs={24} md={12} xl={6} key={l.key}>
            <Link to={l.to} data-testid={`public-home-${l.key}`}>
              <Card size="small" hoverable>
                <Flex gap={12} align="center">
                  <span style={{ fontSize: 24, color: '#a8071a' }}>{l.icon}</span>
                  <Flex vertical style={{ flex: 1, minWidth: 0 }}>
                    <Typography.Text strong>{t(`publicSite.${l.key}`)}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {l.hint}
                    </Typography.Text>
                  </Flex>
                  <RightOutlined />
                </Flex>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      <Typography.Title level={5}>{t('publicSite.townships')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('publicSite.townshipsHint')}</Typography.Paragraph>
      <Row gutter={[8, 8]} data-testid="public-home-townships">
        {county.townships.map((tw) => {
          const count = entries.get(tw.id);
          const body = (
            <Card size="small" hoverable={!!count}>
              <Flex justify="space-between" align="center" gap={8}>
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong>{tw.name}</Typography.Text>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {count ? t('powers.public.entryCount', { count }) : t('publicSite.notPublished')}
                    </Typography.Text>
                  </div>
                </div>
                {count ? <RightOutlined /> : null}
              </Flex>
            </Card>
          );
          return (
            <Col xs={12} sm={8} md={6} xl={4} key={tw.id}>
              {count ? (
                <Link to={`/public/power-lists/${tw.id}`} data-testid="public-home-township" data-id={tw.id}>
                  {body}
                </Link>
              ) : (
                <div data-testid="public-home-township" data-id={tw.id}>
                  {body}
                </div>
              )}
            </Col>
          );
        })}
      </Row>
    </div>
  );
}

/** /public/power-lists: the townships that have published a list. */
export function PublicTownshipsPage() {
  const { t } = useTranslation();
  const townships = useQuery({
    queryKey: powersKeys.publicTownships,
    queryFn: ({ signal }) => publicPowersApi.townships(signal),
  });
  return (
    <>
      <Typography.Title level={3} data-testid="page-title">
        {t('powers.public.indexTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('powers.public.indexIntro')}</Typography.Paragraph>
      {townships.isPending ? (
        <Skeleton active />
      ) : townships.isError ? (
        <ProblemAlert error={townships.error} />
      ) : townships.data.length === 0 ? (
        <Empty description={t('powers.public.noneYet')} />
      ) : (
        <Row gutter={[12, 12]} data-testid="public-townships">
          {townships.data.map((p) => (
            <Col xs={24} sm={12} md={8} xl={6} key={p.id}>
              <Link to={`/public/power-lists/${p.id}`} data-testid="public-township-link" data-township={p.name}>
                <Card size="small" hoverable>
                  <Flex justify="space-between" align="center">
                    <div>
                      <Typography.Text strong>{p.name}</Typography.Text>
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {p.countyName} · {t('powers.public.entryCount', { count: p.publishedEntries })}
                        </Typography.Text>
                      </div>
                    </div>
                    <RightOutlined />
                  </Flex>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}

/** /public/power-lists/:townshipId: the published list as of a date, printable. */
export function PublicTownshipListPage() {
  const { t } = useTranslation();
  const { townshipId = '' } = useParams();
  const [filters, setFilters] = useSearchFilters(['asOf'] as const);
  const asOf = effectiveAsOf(filters.asOf);
  const list = useQuery({
    queryKey: powersKeys.publicTownship(townshipId, asOf),
    queryFn: ({ signal }) => publicPowersApi.township(townshipId, asOf, signal),
    enabled: !!townshipId,
  });
  const phone = usePhone();
  const counties = usePublicCounties();
  const county = counties.data ? countyOfTownship(counties.data, townshipId) : undefined;

  if (list.isPending) return <Skeleton active />;
  if (list.isError) {
    if (isApiProblem(list.error) && (list.error.status === 404 || list.error.status === 400)) {
      return (
        <Result
          status="404"
          data-testid="not-found"
          title={t('common.notFoundOrNoAccess')}
          extra={
            <Link to="/public/power-lists">
              <Button type="primary">{t('powers.public.backToIndex')}</Button>
            </Link>
          }
        />
      );
    }
    return <ProblemAlert error={list.error} />;
  }
  const data = list.data;
  return (
    <div className="pl-printable">
      <Flex justify="space-between" align="flex-start" wrap gap={16} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="public-list-title">
            {t('powers.township.title', { township: data.townshipName })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('powers.public.asOfLine', { date: data.asOf, count: data.entries.length })}
          </Typography.Text>
        </div>
        <Flex gap={8} wrap align="center" className="no-print">
          <AsOfPicker value={asOf} onChange={(v) => setFilters({ asOf: v })} testId="public-as-of" />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="public-print">
            {t('powers.print')}
          </Button>
          <Link to="/public/power-lists">{t('powers.public.backToIndex')}</Link>
        </Flex>
      </Flex>
      {county ? (
        <Flex gap={8} wrap align="center" className="no-print" style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">{t('publicSite.seeAlso')}</Typography.Text>
          <Link to={`/public/services/${county.id}`} data-testid="public-list-guides">
            <Button size="small" icon={<FileTextOutlined />}>
              {t('publicSite.guides')}
            </Button>
          </Link>
          <Link to={`/public/centres/${county.id}`} data-testid="public-list-centres">
            <Button size="small" icon={<EnvironmentOutlined />}>
              {t('publicSite.centres')}
            </Button>
          </Link>
          <Link to={`/public/enforcement/teams/${townshipId}`} data-testid="public-list-team">
            <Button size="small" icon={<TeamOutlined />}>
              {t('publicSite.team')}
            </Button>
          </Link>
        </Flex>
      ) : null}
      <AsOfBanner asOf={asOf} onReset={() => setFilters({ asOf: undefined })} />
      <Card className="no-print" size="small" style={{ marginBottom: 16 }}>
        <Flex gap={phone ? 16 : 32} wrap>
          {groupByListKind(data.entries).map((g) => (
            <Statistic key={g.kind} title={t(`powers.listKinds.${g.kind}`)} value={g.entries.length} />
          ))}
        </Flex>
      </Card>
      {phone ? (
        <div data-testid="public-list">
          <EntryCards entries={data.entries} />
        </div>
      ) : (
        <Card data-testid="public-list">
          <EntriesTable entries={data.entries} />
        </Card>
      )}
      <PublicListHistory townshipId={townshipId} phone={phone} />
    </div>
  );
}

/** 变更记录: every published entry's 调入 and 调出, newest first (two columns on a phone). */
function PublicListHistory({ townshipId, phone }: { townshipId: string; phone: boolean }) {
  const { t } = useTranslation();
  const history = useQuery({
    queryKey: powersKeys.publicHistory(townshipId),
    queryFn: ({ signal }) => publicPowersApi.history(townshipId, signal),
  });
  const changeTag = (c: PublicListChange) => (
    <Tag color={c.change === 'added' ? 'green' : 'orange'}>{t(`powers.public.historyChanges.${c.change}`)}</Tag>
  );
  const columns: TableColumnsType<PublicListChange> = phone
    ? [
        {
          title: t('powers.public.historyDate'),
          key: 'when',
          width: 104,
          render: (_, c) => (
            <Flex vertical gap={4} align="flex-start">
              <span>{c.changedOn}</span>
              {changeTag(c)}
            </Flex>
          ),
        },
        {
          title: t('powers.public.historyItem'),
          key: 'item',
          render: (_, c) => (
            <Flex vertical gap={2}>
              <span>{c.itemName}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.itemCode} · {t(`powers.modes.${c.mode}`)}
              </Typography.Text>
            </Flex>
          ),
        },
      ]
    : [
        { title: t('powers.public.historyDate'), dataIndex: 'changedOn', width: 120 },
        { title: t('powers.public.historyChange'), dataIndex: 'change', width: 90, render: (_, c) => changeTag(c) },
        { title: t('powers.public.historyItem'), render: (_, c) => `${c.itemCode} ${c.itemName}` },
        {
          title: t('powers.public.historyMode'),
          dataIndex: 'mode',
          width: 100,
          render: (_, c) => t(`powers.modes.${c.mode}`),
        },
      ];
  return (
    <Card
      title={t('powers.public.history')}
      className="no-print"
      size={phone ? 'small' : undefined}
      style={{ marginTop: 16 }}
      data-testid="public-history"
    >
      <Table<PublicListChange>
        size="small"
        rowKey={(c) => `${c.changedOn}-${c.change}-${c.itemCode}`}
        loading={history.isPending}
        dataSource={history.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, simple: phone }}
        onRow={(c) => ({ 'data-testid': 'public-history-row', 'data-change': c.change }) as React.HTMLAttributes<HTMLElement>}
        columns={columns}
      />
    </Card>
  );
}

/** Any other /public/… address. */
export function PublicNotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      data-testid="not-found"
      title={t('common.pageNotFound')}
      extra={
        <Link to="/public/power-lists">
          <Button type="primary">{t('powers.public.backToIndex')}</Button>
        </Link>
      }
    />
  );
}
