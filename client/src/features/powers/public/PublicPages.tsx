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
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { LikeOutlined, LoginOutlined, PrinterOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useParams } from 'react-router';
import { isApiProblem } from '../../../lib/api/client';
import { useSearchFilters } from '../../../lib/useSearchFilters';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { publicServicesPath } from '../../../lib/publicPaths';
import { publicPowersApi, powersKeys } from '../api';
import type { PublicListChange } from '../../../lib/api/types';
import { AsOfBanner, AsOfPicker } from '../../../components/AsOfPicker';
import { EntriesTable } from '../EntriesTable';
import { effectiveAsOf } from '../../../lib/dates';
import { groupByListKind } from '../model';
import '../powers.css';

/** The frame of the public pages: no session, a menu of the public pages, never a redirect to /login. */
export function PublicLayout() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const menu = [
    { key: 'power-lists', path: '/public/power-lists', label: t('services.public.menuPowers') },
    { key: 'services', path: publicServicesPath(pathname, search), label: t('services.public.menuServices') },
    { key: 'centres', path: '/public/centres', label: t('queue.public.navCentres') },
  ];
  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="public-layout">
      <Layout.Header
        className="no-print"
        style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', background: '#a8071a', paddingInline: 24 }}
      >
        <Link to="/public/power-lists" style={{ color: '#fff' }}>
          <Typography.Title level={4} style={{ color: '#fff', margin: 0 }} data-testid="public-title">
            {t('powers.public.siteTitle')}
          </Typography.Title>
        </Link>
        <ConfigProvider theme={{ components: { Menu: { darkItemBg: 'transparent', darkItemSelectedBg: 'rgba(255, 255, 255, 0.2)' } } }}>
          <Menu
            mode="horizontal"
            theme="dark"
            selectedKeys={[pathname.split('/')[2] ?? '']}
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
          <Link to="/login">
            <Button size="small" icon={<LoginOutlined />} data-testid="public-login">
              {t('powers.public.staffLogin')}
            </Button>
          </Link>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1280, width: '100%', margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
      <Layout.Footer className="no-print" style={{ textAlign: 'center', padding: '12px 24px' }}>
        <Typography.Text type="secondary">{t('powers.public.footer')}</Typography.Text>
      </Layout.Footer>
    </Layout>
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
      <AsOfBanner asOf={asOf} onReset={() => setFilters({ asOf: undefined })} />
      <Card className="no-print" size="small" style={{ marginBottom: 16 }}>
        <Flex gap={32} wrap>
          {groupByListKind(data.entries).map((g) => (
            <Statistic key={g.kind} title={t(`powers.listKinds.${g.kind}`)} value={g.entries.length} />
          ))}
        </Flex>
      </Card>
      <Card data-testid="public-list">
        <EntriesTable entries={data.entries} />
      </Card>
      <PublicListHistory townshipId={townshipId} />
    </div>
  );
}

/** 变更记录: every published entry's 调入 and 调出, newest first. */
function PublicListHistory({ townshipId }: { townshipId: string }) {
  const { t } = useTranslation();
  const history = useQuery({
    queryKey: powersKeys.publicHistory(townshipId),
    queryFn: ({ signal }) => publicPowersApi.history(townshipId, signal),
  });
  return (
    <Card title={t('powers.public.history')} className="no-print" style={{ marginTop: 16 }} data-testid="public-history">
      <Table<PublicListChange>
        size="small"
        rowKey={(c) => `${c.changedOn}-${c.change}-${c.itemCode}`}
        loading={history.isPending}
        dataSource={history.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(c) => ({ 'data-testid': 'public-history-row', 'data-change': c.change }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('powers.public.historyDate'), dataIndex: 'changedOn', width: 120 },
          {
            title: t('powers.public.historyChange'),
            dataIndex: 'change',
            width: 90,
            render: (_, c) => <Tag color={c.change === 'added' ? 'green' : 'orange'}>{t(`powers.public.historyChanges.${c.change}`)}</Tag>,
          },
          { title: t('powers.public.historyItem'), render: (_, c) => `${c.itemCode} ${c.itemName}` },
          { title: t('powers.public.historyMode'), dataIndex: 'mode', width: 100, render: (_, c) => t(`powers.modes.${c.mode}`) },
        ]}
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
