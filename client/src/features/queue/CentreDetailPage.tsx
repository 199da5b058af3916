import { Button, Card, Col, Descriptions, Row, Skeleton } from 'antd';
import { ArrowLeftOutlined, DesktopOutlined, FieldNumberOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiProblem } from '../../lib/api/client';
import { NotFound } from '../../components/NotFound';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useCurrentUser } from '../../lib/auth/useAuth';
import { useCentre } from './hooks';
import { managesServices } from './model';
import { OfferedItemsCard } from './OfferedItemsCard';
import { TierTag } from '../../components/PublicCentreCard';
import { WindowsCard } from './WindowsCard';

/** One centre: its details, its windows (新增窗口) and the items it offers (事项进驻), for the administration to edit. */
export function CentreDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const canManage = managesServices(me);
  const centre = useCentre(id);

  if (centre.isPending) return <Skeleton active />;
  if (centre.isError) {
    if (isApiProblem(centre.error) && (centre.error.isNotFound || centre.error.status === 400)) return <NotFound />;
    return <ProblemAlert error={centre.error} />;
  }
  const detail = centre.data;
  const c = detail.centre;
  const hasQueue = c.tier !== 'village';

  return (
    <>
      <PageHeader
        title={c.name}
        testId="centre-title"
        subtitle={<TierTag tier={c.tier} />}
        extra={
          <>
            {hasQueue ? (
              <>
                <Link to={`/public/queue/${c.id}`} target="_blank" data-testid="centre-hall-link">
                  <Button icon={<DesktopOutlined />}>{t('queue.centres.hallDisplay')}</Button>
                </Link>
                <Link to={`/public/queue/${c.id}/take`} target="_blank" data-testid="centre-take-link">
                  <Button icon={<FieldNumberOutlined />}>{t('queue.centres.takePage')}</Button>
                </Link>
              </>
            ) : null}
            <Link to="/services/centres">
              <Button icon={<ArrowLeftOutlined />}>{t('queue.centres.back')}</Button>
            </Link>
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small" data-testid="centre-info">
          <Descriptions.Item label={t('queue.fields.address')}>{c.address || t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('queue.fields.phone')}>{c.phone || t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('queue.fields.hours')}>{c.hours || t('common.none')}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <WindowsCard detail={detail} canManage={canManage} />
        </Col>
        <Col span={24}>
          <OfferedItemsCard detail={detail} canManage={canManage} />
        </Col>
      </Row>
    </>
  );
}
