import { useState } from 'react';
import { App as AntApp, Button, Card, Col, Descriptions, Form, Input, Row } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { PostRequest, PostRequestAction } from '../../lib/api/types';
import { knownActions } from '../../lib/allowedActions';
import { etagOf } from '../../lib/versions';
import { useFormSend } from '../../lib/useFormSend';
import { usePermission } from '../../lib/auth/useAuth';
import { formatDateTime } from '../../lib/format';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { FormModal } from '../../components/FormModal';
import { ActionButtons } from '../../components/ActionButtons';
import { staffingApi, staffingKeys } from './api';
import { isDangerAction, isRequestEvent, postsLeft, REQUEST_ACTIONS } from './model';
import { RequestStateTag, useKindLabel } from './Tags';
import { WorkflowTimeline } from '../../components/WorkflowTimeline';
import { HireModal } from './HireModal';

function ActionModal({
  request,
  etag,
  action,
  onClose,
  onDone,
  onReload,
}: {
  request: PostRequest;
  etag: string;
  action: PostRequestAction | undefined;
  onClose: () => void;
  onDone: (r: PostRequest) => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note?: string }>();
  const send = useFormSend(form, {
    send: (v: { note?: string }) => staffingApi.requestAction(request.id, action!, { note: v.note?.trim() || null }, etag),
    onSuccess: ({ data }) => onDone(data),
    fields: ['note'],
    onReload,
  });
  return (
    <FormModal<{ note?: string }>
      open={!!action}
      form={form}
      send={send}
      name="request-action"
      startOnOpen
      title={action ? t(`staffing.requests.actions.${action}`) : ''}
      okText={action ? t(`staffing.requests.actions.${action}`) : undefined}
      okButtonProps={{ danger: !!action && isDangerAction(action), 'data-testid': 'request-action-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="request-action-modal"
    >
      <Form.Item name="note" label={t('staffing.requests.note')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} data-testid="request-action-note" />
      </Form.Item>
    </FormModal>
  );
}

/** A 编制使用申请: its figures and timeline, the steps this user may take, and 入编 against it once approved. */
export function PostRequestDetailPage() {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const { id = '' } = useParams();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canManage = usePermission('staffing.manage');
  const [action, setAction] = useState<PostRequestAction>();
  const [hiring, setHiring] = useState(false);
  const request = useQuery({
    queryKey: staffingKeys.request(id),
    queryFn: ({ signal }) => staffingApi.request(id, signal),
    enabled: !!id,
  });
  if (request.isPending || request.isError) return <RecordStatus error={request.error} />;
  const { data: r, etag } = request.data;
  const actions = knownActions(REQUEST_ACTIONS, r.allowedActions);
  const left = postsLeft(r);

  return (
    <>
      <PageHeader
        title={<span data-testid="request-title">{t('staffing.requests.title', { unit: r.unitName, year: r.year })}</span>}
        subtitle={<RequestStateTag state={r.state} name={r.stateName} />}
        extra={
          <>
            <ActionButtons
              actions={actions}
              label={(a) => t(`staffing.requests.actions.${a}`)}
              danger={isDangerAction}
              testIdPrefix="request-"
              onAction={setAction}
            />
            {canManage && left > 0 ? (
              <Button type="primary" icon={<UserAddOutlined />} onClick={() => setHiring(true)} data-testid="request-hire">
                {t('staffing.people.hire')}
              </Button>
            ) : null}
            <Link to="/staffing/requests">{t('staffing.requests.back')}</Link>
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions bordered size="small" column={1} data-testid="request-detail">
              <Descriptions.Item label={t('staffing.fields.unit')}>
                <Link to={`/staffing/establishments/${r.establishmentId}`}>{r.unitName}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('staffing.fields.kind')}>{kindLabel(r)}</Descriptions.Item>
              <Descriptions.Item label={t('staffing.fields.year')}>{r.year}</Descriptions.Item>
              <Descriptions.Item label={t('staffing.fields.posts')}>{r.posts}</Descriptions.Item>
              <Descriptions.Item label={t('staffing.requests.used')}>
                <span data-testid="request-used">{r.used}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('staffing.fields.entryKind')}>{r.entryKindName}</Descriptions.Item>
              <Descriptions.Item label={t('staffing.requests.reason')}>{r.reason}</Descriptions.Item>
              <Descriptions.Item label={t('staffing.requests.createdAt')}>
                {formatDateTime(r.createdAt)} {r.createdBy}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('staffing.requests.timeline')}>
            <WorkflowTimeline events={r.events} testId="request" action={(e) => (isRequestEvent(e.action) ? t(`staffing.requests.events.${e.action}`) : e.action)} />
          </Card>
        </Col>
      </Row>
      <ActionModal
        request={r}
        etag={etag ?? etagOf(r.version)}
        action={action}
        onClose={() => setAction(undefined)}
        onReload={() => request.refetch()}
        onDone={(updated) => {
          setAction(undefined);
          void message.success(t('staffing.requests.done', { state: updated.stateName }));
          void queryClient.invalidateQueries({ queryKey: staffingKeys.all });
        }}
      />
      {canManage ? (
        <HireModal
          request={r}
          open={hiring}
          onClose={() => setHiring(false)}
          onHired={(p) => {
            setHiring(false);
            void message.success(t('staffing.people.hired', { name: p.name }));
            void queryClient.invalidateQueries({ queryKey: staffingKeys.all });
            void navigate(`/staffing/people/${p.id}`);
          }}
        />
      ) : null}
    </>
  );
}
