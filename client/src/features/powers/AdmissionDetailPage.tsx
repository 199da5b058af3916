import { useState } from 'react';
import {
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Row,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Admission, AdmissionAction } from '../../lib/api/types';
import { isApiProblem } from '../../lib/api/client';
import { usePermission } from '../../lib/auth/useAuth';
import { WorkflowTimeline } from '../../components/WorkflowTimeline';
import { formatDateTime } from '../../lib/format';
import { useFormSend } from '../../lib/useFormSend';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RecordStatus } from '../../components/RecordStatus';
import { ActionButtons } from '../../components/ActionButtons';
import { FormModal } from '../../components/FormModal';
import { powersApi, powersKeys } from './api';
import { AdmissionKindTag, AdmissionStateTag } from './AdmissionStateTag';
import {
  actionIsDanger,
  actionNeedsComment,
  actionNeedsDecisionNo,
  admissionStateColor,
  allowedActionsOf,
  isAdmissionState,
  visibleActions,
} from './admissionModel';
import { etagOf } from '../../lib/versions';
import './powers.css';

interface ActionValues {
  /** 意见 */
  note?: string;
  decisionNo?: string;
}

/** The buttons of the actions this user may take now: exactly the API's allowedActions. */
export function AdmissionActions({ admission, onAction }: { admission: Pick<Admission, 'allowedActions'>; onAction: (a: AdmissionAction) => void }) {
  const { t } = useTranslation();
  return (
    <ActionButtons
      actions={visibleActions(admission)}
      label={(a) => t(`admissions.actions.${a}`)}
      danger={actionIsDanger}
      testIdPrefix="admission-action-"
      onAction={onAction}
    />
  );
}

interface ActionModalProps {
  admission: Admission;
  action: AdmissionAction | null;
  etag: string;
  onClose: () => void;
  onDone: (a: Admission) => void;
  onReload: () => Promise<unknown>;
}

/** The modal of one action: a comment (required for 退回 / 不予批准) and the decision number for approving 赋权. */
export function AdmissionActionModal({ action, ...props }: ActionModalProps) {
  // mounted for each action afresh: an empty form, no problem left from the last one
  return action ? <AdmissionActionForm action={action} {...props} /> : null;
}

function AdmissionActionForm({ admission, action, etag, onClose, onDone, onReload }: ActionModalProps & { action: AdmissionAction }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActionValues>();
  const send = useFormSend(form, {
    send: (v: ActionValues) =>
      powersApi.admissionAction(
        admission.id,
        action,
        { note: v.note?.trim() || null, decisionNo: v.decisionNo?.trim() || null },
        etag,
      ),
    onSuccess: ({ data }) => onDone(data),
    fields: ['note', 'decisionNo'],
    onReload,
  });

  const needsComment = actionNeedsComment(action);
  const needsDecisionNo = actionNeedsDecisionNo(action, admission);
  const actionName = t(`admissions.actions.${action}`);
  const moved = isApiProblem(send.problem) && send.problem.status === 409 ? allowedActionsOf(send.problem.extensions) : null;

  return (
    <FormModal
      open
      form={form}
      send={send}
      name="admission-action"
      title={t('admissions.actionTitle', { action: actionName, item: `${admission.itemCode} ${admission.itemName}` })}
      okText={actionName}
      okButtonProps={{ danger: actionIsDanger(action), 'data-testid': 'admission-action-submit' }}
      onCancel={onClose}
      data-testid="admission-action-modal"
    >
      {moved ? (
        <Typography.Paragraph type="secondary" data-testid="admission-moved">
          {t('admissions.invalidTransition', {
            actions: moved.length > 0 ? moved.map((a) => t(`admissions.actions.${a}`)).join('、') : t('admissions.noActions'),
          })}
        </Typography.Paragraph>
      ) : null}
      {needsDecisionNo ? (
        <Form.Item
          name="decisionNo"
          label={t('admissions.decisionNo')}
          rules={[{ required: true, whitespace: true, message: t('admissions.decisionNoRequired') }]}
        >
          <Input maxLength={100} data-testid="admission-action-decision-no" />
        </Form.Item>
      ) : null}
      <Form.Item
        name="note"
        label={t('admissions.comment')}
        rules={needsComment ? [{ required: true, whitespace: true, message: t('admissions.commentRequired') }] : []}
      >
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 3 }} data-testid="admission-action-comment" />
      </Form.Item>
    </FormModal>
  );
}

function CommentBox({ admission, onDone }: { admission: Admission; onDone: (a: Admission) => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<unknown>(null);
  const send = useMutation({
    mutationFn: (note: string) => powersApi.commentAdmission(admission.id, { note }),
    onSuccess: ({ data }) => {
      setText('');
      setProblem(null);
      void message.success(t('admissions.commented'));
      onDone(data);
    },
    onError: setProblem,
  });
  return (
    <div data-testid="admission-comment-box">
      {problem ? <ProblemAlert error={problem} style={{ marginBottom: 8 }} /> : null}
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={1000}
        autoSize={{ minRows: 2 }}
        placeholder={t('admissions.commentPlaceholder')}
        data-testid="admission-comment"
      />
      <Flex justify="flex-end" style={{ marginTop: 8 }}>
        <Button
          onClick={() => send.mutate(text.trim())}
          disabled={text.trim() === ''}
          loading={send.isPending}
          data-testid="admission-comment-submit"
        >
          {t('admissions.addComment')}
        </Button>
      </Flex>
    </div>
  );
}

/** One request: what is asked, for which townships, with which resources; its timeline; the next steps. */
export function AdmissionDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<AdmissionAction | null>(null);
  // 意见: those the request concerns (the API answers 403 to read-only roles)
  const canComment = usePermission('admissions.comment');
  const admission = useQuery({
    queryKey: powersKeys.admission(id),
    queryFn: ({ signal }) => powersApi.admission(id, signal),
    enabled: !!id,
  });

  if (admission.isPending || admission.isError) return <RecordStatus error={admission.error} />;
  const { data: a, etag } = admission.data;
  const updated = (next: Admission, newEtag?: string | null) => {
    queryClient.setQueryData(powersKeys.admission(id), { data: next, etag: newEtag ?? etagOf(next.version) });
    void queryClient.invalidateQueries({ queryKey: powersKeys.admissionsAll });
  };

  return (
    <>
      <PageHeader
        title={
          <span data-testid="admission-title">
            {a.itemCode} {a.itemName}
          </span>
        }
        subtitle={
          <Flex gap={8} align="center" wrap>
            <AdmissionKindTag kind={a.kind} />
            <AdmissionStateTag state={a.state} />
            <span>{a.departmentName}</span>
          </Flex>
        }
        extra={<AdmissionActions admission={a} onAction={setAction} />}
      />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions
              column={{ xs: 1, md: 2 }}
              bordered
              size="small"
              data-testid="admission-detail"
              styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
            >
              <Descriptions.Item label={t('admissions.item')} span={2}>
                <Link to={`/power-lists/items/${a.itemId}`} data-testid="admission-item-link">
                  {a.itemCode} {a.itemName}
                </Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('admissions.kind')}>{t(`admissions.kinds.${a.kind}`)}</Descriptions.Item>
              <Descriptions.Item label={t('admissions.state')}>{a.stateName}</Descriptions.Item>
              <Descriptions.Item label={t('admissions.department')}>{a.departmentName}</Descriptions.Item>
              <Descriptions.Item label={t('admissions.effectiveFrom')}>{a.effectiveFrom}</Descriptions.Item>
              <Descriptions.Item label={t('admissions.mode')}>{t(`powers.modes.${a.mode}`)}</Descriptions.Item>
              <Descriptions.Item label={t('admissions.listKind')}>{t(`powers.listKinds.${a.listKind}`)}</Descriptions.Item>
              <Descriptions.Item label={t('admissions.townships')} span={2}>
                <Flex gap={4} wrap data-testid="admission-townships">
                  {a.townships.map((tw) => (
                    <Link key={tw.id} to={`/power-lists/townships/${tw.id}`}>
                      <Tag>{tw.name}</Tag>
                    </Link>
                  ))}
                </Flex>
              </Descriptions.Item>
              <Descriptions.Item label={t('admissions.resources')} span={2}>
                <span data-testid="admission-resources">
                  {t('admissions.resourcesText', { posts: a.postsOffered, funds: a.fundsOffered })}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('admissions.legalBasis')} span={2}>
                {a.legalBasis}
              </Descriptions.Item>
              <Descriptions.Item label={t('admissions.reason')} span={2}>
                {a.reason}
              </Descriptions.Item>
              {a.decisionNo ? (
                <Descriptions.Item label={t('admissions.decisionNo')} span={2}>
                  <span data-testid="admission-decision-no">{a.decisionNo}</span>
                </Descriptions.Item>
              ) : null}
              {a.decisionNote ? (
                <Descriptions.Item label={t('admissions.decisionNote')} span={2}>
                  {a.decisionNote}
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('admissions.createdBy')}>{a.createdBy}</Descriptions.Item>
              <Descriptions.Item label={t('admissions.createdAt')}>{formatDateTime(a.createdAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('admissions.timeline')}>
            <WorkflowTimeline
              events={a.events}
              testId="admission"
              action={(e) => (e.action in ACTION_LABEL_KEYS ? t(ACTION_LABEL_KEYS[e.action]!) : e.action)}
              state={(e) =>
                isAdmissionState(e.toState) && e.fromState !== e.toState ? (
                  <AdmissionStateTag state={e.toState} testId="admission-event-state" />
                ) : null
              }
              color={(e) => (isAdmissionState(e.toState) ? admissionStateColor(e.toState) : 'gray')}
              empty={t('admissions.noEvents')}
            />
            {canComment ? <CommentBox admission={a} onDone={(next) => updated(next)} /> : null}
          </Card>
        </Col>
      </Row>
      <AdmissionActionModal
        admission={a}
        action={action}
        etag={etag ?? etagOf(a.version)}
        onClose={() => setAction(null)}
        onReload={() => queryClient.invalidateQueries({ queryKey: powersKeys.admission(id) })}
        onDone={(next) => {
          const done = action;
          setAction(null);
          if (done) void message.success(t('admissions.actionDone', { action: t(`admissions.actions.${done}`) }));
          updated(next);
          void queryClient.invalidateQueries({ queryKey: powersKeys.townshipAll });
        }}
      />
    </>
  );
}

const ACTION_LABEL_KEYS: Record<string, `admissions.actions.${AdmissionAction | 'comment' | 'submit'}`> = {
  submit: 'admissions.actions.submit',
  return: 'admissions.actions.return',
  forward: 'admissions.actions.forward',
  resubmit: 'admissions.actions.resubmit',
  approve: 'admissions.actions.approve',
  reject: 'admissions.actions.reject',
  comment: 'admissions.actions.comment',
};
