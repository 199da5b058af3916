import { Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  CustomerServiceOutlined,
  DesktopOutlined,
  EnvironmentOutlined,
  KeyOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  SolutionOutlined,
  SoundOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EvaluationModule, Permission } from '../../lib/api/types';
import { PageHeader } from '../../components/PageHeader';
import { hasPermission, useCurrentUser } from '../../lib/auth/useAuth';
import { CalendarYearNotice } from '../../components/CalendarYearNotice';
import { TodoCard } from './TodoCard';

const KNOWN_PERMISSIONS: Permission[] = [
  'users.read',
  'users.manage',
  'tokens.manage',
  'grants.manage',
  'calendar.manage',
  'audit.read',
  'powers.manage',
  'agreements.manage',
  'services.manage',
];

export function DashboardPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  // an evaluator's grant (评估任务) opens some modules only
  const opens = (module: EvaluationModule) => !me.grant || me.grant.modules.includes(module);

  // the desks a role works at first: a window clerk's workbench and caller, a village agent's desk (as in the menu)
  const clerk = me.role === 'window_clerk';
  const links: { to: string; icon: React.ReactNode; label: string; show: boolean }[] = [
    { to: '/services/workbench', icon: <DesktopOutlined />, label: t('applications.nav.workbench'), show: clerk },
    { to: '/services/caller', icon: <SoundOutlined />, label: t('queue.nav.caller'), show: clerk },
    {
      to: '/services/agent',
      icon: <EnvironmentOutlined />,
      label: t('applications.nav.agent'),
      show: me.role === 'village_agent',
    },
    { to: '/regions', icon: <ApartmentOutlined />, label: t('nav.regions'), show: true },
    { to: '/units', icon: <ShopOutlined />, label: t('nav.units'), show: true },
    {
      to: '/users',
      icon: <TeamOutlined />,
      label: t('nav.users'),
      show: hasPermission(me, 'users.read') || hasPermission(me, 'users.manage'),
    },
    { to: '/power-lists/items', icon: <SolutionOutlined />, label: t('nav.powerLists'), show: opens('power_lists') },
    {
      to: '/services/items',
      icon: <CustomerServiceOutlined />,
      label: t('nav.services'),
      show: opens('service_centre'),
    },
    { to: '/tokens', icon: <KeyOutlined />, label: t('nav.tokens'), show: hasPermission(me, 'tokens.manage') },
    {
      to: '/grants',
      icon: <SafetyCertificateOutlined />,
      label: t('nav.grants'),
      show: hasPermission(me, 'grants.manage'),
    },
    { to: '/calendar', icon: <CalendarOutlined />, label: t('nav.calendar'), show: true },
    { to: '/audit', icon: <AuditOutlined />, label: t('nav.audit'), show: hasPermission(me, 'audit.read') },
  ];
  const granted = KNOWN_PERMISSIONS.filter((p) => me.permissions.includes(p));

  return (
    <>
      <PageHeader title={t('dashboard.welcome', { name: me.displayName })} />
      <CalendarYearNotice />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <TodoCard />
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('dashboard.myInfo')} data-testid="dashboard-me">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('user.displayName')}>{me.displayName}</Descriptions.Item>
              <Descriptions.Item label={t('user.username')}>{me.username}</Descriptions.Item>
              <Descriptions.Item label={t('user.role')}>{me.roleName}</Descriptions.Item>
              <Descriptions.Item label={t('user.region')}>
                {me.regionName} <Tag>{t(`region.levels.${me.regionLevel}`)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('dashboard.permissions')}>
                {granted.length === 0 ? (
                  <Typography.Text type="secondary">{t('dashboard.noPermissions')}</Typography.Text>
                ) : (
                  <Space size={[4, 4]} wrap>
                    {granted.map((p) => (
                      <Tag key={p} color="red">
                        {t(`permission.${p}`)}
                      </Tag>
                    ))}
                  </Space>
                )}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('dashboard.quickLinks')} data-testid="dashboard-links">
            <Row gutter={[12, 12]}>
              {links
                .filter((l) => l.show)
                .map((l) => (
                  <Col span={12} key={l.to}>
                    <Link to={l.to}>
                      <Card size="small" hoverable>
                        <Space>
                          {l.icon}
                          {l.label}
                        </Space>
                      </Card>
                    </Link>
                  </Col>
                ))}
            </Row>
          </Card>
        </Col>
      </Row>
    </>
  );
}
