import { useState } from 'react';
import { App as AntApp, Button, Card, Col, Descriptions, Flex, Row, Typography } from 'antd';
import { ArrowLeftOutlined, AuditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Complaint, WorkflowEvent } from '../../lib/api/types';
import type { Tagged } from '../../lib/api/client';
import { etagOf } from '../../lib/versions';
import { usePermission } from '../../lib/auth/useAuth';
import { ActionButtons } from '../../components/ActionButtons';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { WorkflowTimeline } from '../../components/WorkflowTimeline';
import { enforcementApi, enforcementKeys } from './api';
import { ComplaintTarget } from './ComplaintsPage';
import { HandleComplaintModal } from './HandleComplaintModal';
import { ComplaintStateTag, FindingTag } from './SupervisionTags';
import {
  complaintStateColor,
  isComplaintChannel,
  isComplaintFinding,
  isComplaintState,
  visibleComplaintActions,
} from './supervisionModel';

const LABEL_STYLE = { label: { width: 120, whiteSpace: 'nowrap' as const } };
const PRE = { margin: 0, whiteSpace: 'pre-wrap' as const };

/** What a fault-liability form starts from when opened from a complaint (the page's location state). */
export interface FaultDraft {
  officerId: string;
  caseId: string | null;
  complaintId: string;
}

/**
 * 投诉详情: what was complained about and by whom, the check and its result, the one step (办结) exactly as the API
 * allows this user — with the reason when there is none —, its fault-liability records and the complaint's course
 * (the API's events: 受理, 办结).
 */
export function ComplaintDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const supervisor = usePermission('enforcement.supervise');
  const [handling, setHandling] = useState(false);
  const query = useQuery({
    queryKey: enforcementKeys.complaint(id),
    queryFn: ({ signal }) => enforcementApi.complaint(id, signal),
    enabled: !!id,
  });

  if (query.isPending || query.isError) return <RecordStatus error={query.error} />;
  const c = query.data.data;
  const etag = query.data.etag ?? etagOf(c.version);
  const actions = visibleComplaintActions(c);
  const none = t('common.none');
  const f = (k: 'team' | 'receivedOn' | 'channel' | 'target' | 'complainant' | 'complainantPhone' | 'content') =>
    t(`enforcement.complaints.fields.${k}`);
  const finding = isComplaintFinding(c.finding) ? c.finding : null;
  const mayRecordFault = supervisor && !!c.officerId && (finding === 'substantiated' || finding === 'partly');

  const changed = (next: Tagged<Complaint>) => {
    queryClient.setQueryData(enforcementKeys.complaint(id), { data: next.data, etag: next.etag ?? etagOf(next.data.version) });
    void queryClient.invalidateQueries({ queryKey: enforcementKeys.complaintLists });
  };

  return (
    <>
      <PageHeader
        title={<span data-testid="complaint-title">{t('enforcement.complaints.detail')} · {c.complainant}</span>}
        subtitle={
          <Flex gap={8} align="center" wrap>
            <ComplaintStateTag state={c.state} />
            {finding ? <FindingTag finding={finding} /> : null}
            <span>{c.receivedOn}</span>
          </Flex>
        }
        extra={
          <Link to="/enforcement/complaints">
            <Button icon={<ArrowLeftOutlined />}>{t('enforcement.complaints.back')}</Button>
          </Link>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card title={t('enforcement.complaints.sections.complaint')} size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" styles={LABEL_STYLE}>
              <Descriptions.Item label={f('receivedOn')}>{c.receivedOn}</Descriptions.Item>
              <Descriptions.Item label={f('channel')}>
                {isComplaintChannel(c.channel) ? t(`enforcement.complaints.channels.${c.channel}`) : c.channel}
              </Descriptions.Item>
              <Descriptions.Item label={f('team')} span="filled">
                <span data-testid="complaint-team-shown">{c.teamName}</span>
              </Descriptions.Item>
              <Descriptions.Item label={f('target')} span="filled">
                <ComplaintTarget c={c} />
              </Descriptions.Item>
              <Descriptions.Item label={f('complainant')}>{c.complainant}</Descriptions.Item>
              <Descriptions.Item label={f('complainantPhone')}>
                <span data-testid="complaint-phone-shown">{c.complainantPhone ?? none}</span>
              </Descriptions.Item>
              <Descriptions.Item label={f('content')} span="filled">
                <Typography.Paragraph style={PRE} data-testid="complaint-content-shown">
                  {c.content}
                </Typography.Paragraph>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('enforcement.complaints.sections.handling')} size="small" data-testid="complaint-handling">
            {finding ? (
              <Descriptions column={1} bordered size="small" styles={LABEL_STYLE}>
                <Descriptions.Item label={t('enforcement.complaints.fields.finding')}>
                  <FindingTag finding={finding} />
                </Descriptions.Item>
                <Descriptions.Item label={t('enforcement.complaints.fields.result')}>
                  <Typography.Paragraph style={PRE} data-testid="complaint-result-shown">
                    {c.result}
                  </Typography.Paragraph>
                </Descriptions.Item>
                <Descriptions.Item label={t('enforcement.complaints.fields.handledOn')}>
                  {c.handledOn}
                </Descriptions.Item>
              </Descriptions>
            ) : (
              <Typography.Text type="secondary">{t('enforcement.complaints.notHandled')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card
            title={t('enforcement.complaints.sections.actions')}
            style={{ marginBottom: 16 }}
            data-testid="complaint-actions"
          >
            {actions.length > 0 ? (
              <Flex gap={8} wrap>
                <ActionButtons
                  actions={actions}
                  label={(a) => t(`enforcement.complaints.actions.${a}`)}
                  danger={() => false}
                  testIdPrefix="complaint-action-"
                  onAction={() => setHandling(true)}
                />
              </Flex>
            ) : (
              <Typography.Text type="secondary" data-testid="complaint-no-actions">
                {c.state === 'handled'
                  ? t('enforcement.complaints.handled', { date: c.handledOn ?? '' })
                  : supervisor
                    ? t('enforcement.complaints.none')
                    : t('enforcement.complaints.readOnly')}
              </Typography.Text>
            )}
            {mayRecordFault ? (
              <div style={{ marginTop: 12 }}>
                <Button
                  icon={<AuditOutlined />}
                  data-testid="complaint-record-fault"
                  onClick={() =>
                    void navigate('/enforcement/faults', {
                      state: { faultDraft: { officerId: c.officerId, caseId: c.caseId, complaintId: c.id } },
                    })
                  }
                >
                  {t('enforcement.complaints.recordFault')}
                </Button>
              </div>
            ) : null}
            <div style={{ marginTop: 12 }}>
              <Link
                to={`/enforcement/faults?complaintId=${encodeURIComponent(c.id)}`}
                data-testid="complaint-faults-link"
              >
                {t('enforcement.complaints.viewFaults')}
              </Link>
            </div>
          </Card>
          <Card title={t('enforcement.complaints.sections.timeline')}>
            <WorkflowTimeline
              events={c.events}
              testId="complaint"
              action={(e: WorkflowEvent) =>
                e.action === 'receive' || e.action === 'handle'
                  ? t(`enforcement.complaints.steps.${e.action}`)
                  : e.action
              }
              state={(e: WorkflowEvent) =>
                isComplaintState(e.toState) && e.toState !== e.fromState ? (
                  <ComplaintStateTag state={e.toState} testId="complaint-event-state" />
                ) : null
              }
              color={(e: WorkflowEvent) => (isComplaintState(e.toState) ? complaintStateColor(e.toState) : 'gray')}
            />
          </Card>
        </Col>
      </Row>
      {handling ? (
        <HandleComplaintModal
          complaint={c}
          etag={etag}
          onClose={() => setHandling(false)}
          onReload={() => queryClient.invalidateQueries({ queryKey: enforcementKeys.complaint(id), exact: true })}
          onDone={(next) => {
            setHandling(false);
            void message.success(t('enforcement.complaints.done'));
            changed(next);
          }}
        />
      ) : null}
    </>
  );
}
