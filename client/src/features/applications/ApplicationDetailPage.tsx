import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Application, ApplicationEvent } from '../../lib/api/types';
import { formatDateTime } from '../../lib/format';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RecordStatus } from '../../components/RecordStatus';
import { WorkflowTimeline } from '../../components/WorkflowTimeline';
import { useCurrentUser } from '../../lib/auth/useAuth';
import { etagOf } from '../../lib/versions';
import { applicationsKeys } from './api';
import { ActionPanel } from './ActionPanel';
import { ApplicationStateTag, DeadlineTag, DueDate } from './ApplicationTags';
import { NoticeLinks } from './NoticeLinks';
import { useApplication, useApplicationChanged, useRevealedApplication } from './hooks';
import { handlesApplications, isApplicationAction, isApplicationState, stateColor, windowLabel } from './model';
import './applications.css';

/** A timeline line's step (登记, 受理, …) and the move it made: from → to, as state tags. */
function useEventLabels() {
  const { t } = useTranslation();
  return {
    action: (e: ApplicationEvent) =>
      e.action === 'register'
        ? t('applications.actions.register')
        : isApplicationAction(e.action)
          ? t(`applications.actions.${e.action}`)
          : e.action,
    state: (e: ApplicationEvent) => (
      <>
        {e.fromState && isApplicationState(e.fromState) ? (
          <>
            <Tag style={{ marginInlineEnd: 0 }}>{t(`applications.states.${e.fromState}`)}</Tag>
            <span aria-hidden>→</span>
          </>
        ) : null}
        {isApplicationState(e.toState) ? (
          <Tag color={stateColor(e.toState)} style={{ marginInlineEnd: 0 }} data-testid="application-event-state">
            {t(`applications.states.${e.toState}`)}
          </Tag>
        ) : null}
      </>
    ),
  };
}

function Details({ a }: { a: Application }) {
  const { t } = useTranslation();
  const yesNo = (v: boolean) => (v ? t('applications.detail.yes') : t('applications.detail.no'));
  return (
    <Descriptions
      column={{ xs: 1, md: 2 }}
      bordered
      size="small"
      data-testid="application-detail"
      styles={{ label: { width: 130, whiteSpace: 'nowrap' } }}
    >
      <Descriptions.Item label={t('applications.fields.id')}>
        <Typography.Text strong copyable={{ text: a.number }} data-testid="application-number">
          {a.number}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('applications.fields.systemId')}>
        <Typography.Text type="secondary" copyable={{ text: a.id }} data-testid="application-id">
          {a.id}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('applications.fields.item')} span={2}>
        <span data-testid="application-item">
          {a.itemCode} {a.itemName}
        </span>{' '}
        <Typography.Text type="secondary">v{a.itemVersion}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('applications.fields.itemKind')}>
        {a.itemKind === 'immediate' || a.itemKind === 'promised' ? t(`applications.itemKinds.${a.itemKind}`) : a.itemKind}
      </Descriptions.Item>
      <Descriptions.Item label={t('applications.fields.channel')}>{t(`applications.channels.${a.channel}`)}</Descriptions.Item>
      <Descriptions.Item label={t('applications.fields.applicantKind')}>
        {t(`applications.applicantKinds.${a.applicantKind}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('applications.fields.applicantName')}>
        <span data-testid="application-applicant">{a.applicantName}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t(`applications.fields.${a.applicantKind === 'organisation' ? 'creditCode' : 'idNumber'}`)}>
        <span data-testid="application-id-number">{a.applicantIdNumber}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('applications.fields.applicantPhone')}>
        <span data-testid="application-phone">{a.applicantPhone}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('applications.fields.origin')}>{a.originName}</Descriptions.Item>
      <Descriptions.Item label={t('applications.fields.centre')}>
        <span data-testid="application-centre">{a.centreName}</span>
        {a.forwarded ? (
          <Tag color="geekblue" style={{ marginInlineStart: 6 }} data-testid="application-forwarded">
            {t('applications.fields.forwarded')}
          </Tag>
        ) : null}
      </Descriptions.Item>
      <Descriptions.Item label={t('applications.fields.receivedAt')}>{formatDateTime(a.receivedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('applications.fields.ticket')}>
        <span data-testid="detail-ticket">{a.ticketDisplay ?? '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('applications.fields.window')}>
        <span data-testid="detail-window">{windowLabel(a, t) ?? '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('applications.fields.promisedDays')}>
        {a.promisedDays > 0 ? t('applications.fields.promisedDaysValue', { days: a.promisedDays }) : t('applications.fields.immediate')}
      </Descriptions.Item>
      <Descriptions.Item label={t('applications.fields.dueOn')}>
        <Flex gap={6} align="center" wrap>
          <DueDate application={a} />
          <DeadlineTag application={a} />
        </Flex>
      </Descriptions.Item>
      <Descriptions.Item label={t('applications.fields.suspendedOn')}>{a.suspendedOn ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('applications.fields.completedOn')}>
        <span data-testid="application-completed-on">{a.completedOn ?? '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('applications.fields.outcome')}>
        <span data-testid="application-outcome">{a.outcome ? t(`applications.outcomes.${a.outcome}`) : '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('applications.fields.onTheSpot')}>{a.completedOn ? yesNo(a.onTheSpot) : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('applications.fields.visits')}>
        <span data-testid="application-visits">{a.visits}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('applications.fields.delivery')}>
        <span data-testid="application-delivery">
          {a.deliveryMethod ? t(`applications.deliveryMethods.${a.deliveryMethod}`) : '—'}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('applications.fields.trackingNumber')}>{a.trackingNumber ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('applications.fields.deliveredAt')}>{formatDateTime(a.deliveredAt)}</Descriptions.Item>
    </Descriptions>
  );
}

interface Props {
  /** The 评价器 under the details (the ratings feature's RatingPad, put in by the route: features do not import each other). */
  rating?: (application: Application) => ReactNode;
}

/** 办件详情: every field, the timeline, the steps this user may take, and the audited 查看完整信息. */
export function ApplicationDetailPage({ rating }: Props) {
  const { t } = useTranslation();
  const labels = useEventLabels();
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const changed = useApplicationChanged();
  const [reveal, setReveal] = useState(false);
  const base = useApplication(id);
  const revealed = useRevealedApplication(id, reveal);
  const mayReveal = handlesApplications(me);

  if (base.isPending || base.isError) return <RecordStatus error={base.error} />;
  const shown = reveal && revealed.data ? revealed.data : base.data;
  const { data: a } = shown;
  const etag = base.data.etag ?? etagOf(base.data.data.version);

  return (
    <>
      <PageHeader
        title={
          <span data-testid="application-title">
            {a.itemCode} {a.itemName}
          </span>
        }
        subtitle={
          <Flex gap={8} align="center" wrap>
            <ApplicationStateTag state={a.state} />
            <DeadlineTag application={a} />
            <span>{a.applicantName}</span>
          </Flex>
        }
        extra={
          <Flex gap={8} wrap>
            <NoticeLinks application={a} />
            <Button
              icon={<PrinterOutlined />}
              onClick={() => void navigate(`/services/applications/${a.id}/receipt`)}
              data-testid="application-receipt-link"
            >
              {t('applications.panel.printReceipt')}
            </Button>
          </Flex>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card style={{ marginBottom: 16 }}>
            <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
              {a.personalDataRevealed ? (
                <Alert type="warning" showIcon title={t('applications.detail.revealed')} data-testid="application-revealed" />
              ) : (
                <Typography.Text type="secondary">{t('applications.detail.masked')}</Typography.Text>
              )}
              {mayReveal ? (
                reveal ? (
                  <Button icon={<EyeInvisibleOutlined />} onClick={() => setReveal(false)} data-testid="application-hide">
                    {t('applications.detail.hide')}
                  </Button>
                ) : (
                  <Button icon={<EyeOutlined />} onClick={() => setReveal(true)} data-testid="application-reveal">
                    {t('applications.detail.reveal')}
                  </Button>
                )
              ) : null}
            </Flex>
            {revealed.isError ? <ProblemAlert error={revealed.error} style={{ marginBottom: 12 }} /> : null}
            <Details a={a} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('applications.panel.title')} style={{ marginBottom: 16 }}>
            <ActionPanel
              application={base.data.data}
              etag={etag}
              onChanged={(next, nextEtag) => {
                setReveal(false);
                changed(next, nextEtag);
              }}
              onReload={() => queryClient.invalidateQueries({ queryKey: applicationsKeys.detail(id), exact: true })}
              showNone
            />
          </Card>
          {rating?.(base.data.data)}
          <Card title={t('applications.detail.timeline')}>
            <WorkflowTimeline
              events={a.events}
              testId="application"
              {...labels}
              color={(e) => (isApplicationState(e.toState) && stateColor(e.toState) !== 'default' ? stateColor(e.toState) : 'gray')}
              empty={t('applications.detail.noEvents')}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
