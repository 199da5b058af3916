import { Card, Col, Descriptions, Row } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../lib/format';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { staffingApi, staffingKeys } from './api';
import { WorkflowTimeline } from '../../components/WorkflowTimeline';
import { SecondeeStateTag } from './SecondeesPage';

/** One secondee: where from, where to, since when, and their history (hired, converted, returned). */
export function SecondeePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const secondee = useQuery({ queryKey: staffingKeys.secondee(id), queryFn: ({ signal }) => staffingApi.secondee(id, signal), enabled: !!id });
  if (secondee.isPending || secondee.isError) return <RecordStatus error={secondee.error} />;
  const s = secondee.data;
  return (
    <>
      <PageHeader
        title={<span data-testid="secondee-title">{s.name}</span>}
        subtitle={<SecondeeStateTag state={s.state} />}
        extra={<Link to="/staffing/secondees">{t('staffing.secondment.secondees.back')}</Link>}
      />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions bordered size="small" column={1} data-testid="secondee-detail">
              <Descriptions.Item label={t('staffing.secondment.secondees.idNumber')}>{s.idNumber}</Descriptions.Item>
              <Descriptions.Item label={t('staffing.secondment.secondees.originUnit')}>
                <Link to={`/staffing/people/${s.personId}`}>{s.originUnit}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('staffing.secondment.secondees.township')}>{s.townshipName}</Descriptions.Item>
              <Descriptions.Item label={t('staffing.secondment.secondees.workArea')}>{s.workAreaName}</Descriptions.Item>
              <Descriptions.Item label={t('staffing.secondment.secondees.startedOn')}>{formatDate(s.startedOn)}</Descriptions.Item>
              {s.endedOn ? <Descriptions.Item label={t('staffing.secondment.secondees.endedOn')}>{formatDate(s.endedOn)}</Descriptions.Item> : null}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('staffing.secondment.secondees.history')}>
            <WorkflowTimeline events={s.history} testId="secondee" action={(e) => t(`staffing.secondment.secondeeState.${e.toState as 'active'}`, e.toState)} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
