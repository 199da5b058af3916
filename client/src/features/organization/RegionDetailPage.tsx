import { Breadcrumb, Button, Card, Descriptions, Space, Statistic, Row, Col, Tag } from 'antd';
import { ShopOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RecordStatus } from '../../components/RecordStatus';
import { hasPermission, useCurrentUser } from '../../lib/auth/useAuth';
import { organizationApi, organizationKeys } from './api';

export function RegionDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const region = useQuery({
    queryKey: organizationKeys.region(id),
    queryFn: ({ signal }) => organizationApi.region(id, signal),
    enabled: !!id,
  });

  if (region.isPending || region.isError) return <RecordStatus error={region.error} />;

  const r = region.data;
  const canSeeUsers = hasPermission(me, 'users.read') || hasPermission(me, 'users.manage');
  return (
    <Card data-testid="region-detail">
      <Breadcrumb
        data-testid="region-breadcrumb"
        style={{ marginBottom: 12 }}
        items={[
          ...r.ancestors.map((a) => ({ key: a.id, title: <Link to={`/regions/${a.id}`}>{a.name}</Link> })),
          { key: r.id, title: <span data-testid="region-breadcrumb-current">{r.name}</span> },
        ]}
      />
      <Space align="center" style={{ marginBottom: 16 }}>
        <h2 style={{ margin: 0 }} data-testid="region-name">
          {r.name}
        </h2>
        <Tag color="red">{t(`region.kinds.${r.kind}`, { defaultValue: r.kind })}</Tag>
      </Space>
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('region.code')}>
          <span data-testid="region-code">{r.code}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('region.level')}>
          <span data-testid="region-level">{t(`region.levels.${r.level}`, { defaultValue: r.level })}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('region.kind')}>{t(`region.kinds.${r.kind}`, { defaultValue: r.kind })}</Descriptions.Item>
      </Descriptions>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={8}>
          <Statistic title={t('region.childCount')} value={r.childCount} data-testid="region-child-count" />
        </Col>
        <Col span={8}>
          <Statistic title={t('region.unitCount')} value={r.unitCount} data-testid="region-unit-count" />
        </Col>
        <Col span={8}>
          <Statistic title={t('region.userCount')} value={r.userCount} data-testid="region-user-count" />
        </Col>
      </Row>
      <Space>
        <Link to={`/units?regionId=${encodeURIComponent(r.id)}`}>
          <Button icon={<ShopOutlined />} data-testid="region-view-units">
            {t('region.viewUnits')}
          </Button>
        </Link>
        {canSeeUsers ? (
          <Link to={`/users?regionId=${encodeURIComponent(r.id)}`}>
            <Button icon={<TeamOutlined />} data-testid="region-view-users">
              {t('region.viewUsers')}
            </Button>
          </Link>
        ) : null}
      </Space>
    </Card>
  );
}
