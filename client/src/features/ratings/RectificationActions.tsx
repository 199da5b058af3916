import { useEffect, useState } from 'react';
import { Button, Form, Input, Modal, Radio, Typography, type ButtonProps } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Rectification, RectificationAction } from '../../lib/api/types';
import { isApiProblem, isStaleRecord } from '../../lib/api/client';
import { applyProblemToForm } from '../../lib/formErrors';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StaleRecordAlert } from '../powers/StaleRecordAlert';
import { ratingsApi } from './api';
import {
  rectificationActionBody,
  rectificationActionSpec,
  rectificationAllowedActionsOf,
  visibleRectificationActions,
  APPEAL_DECISIONS,
  RATER_RESPONSES,
  type RectificationActionValues,
} from './model';

/** One button per action the API allows this user now (nothing else), the usual path first. */
export function RectificationActionButtons({
  rectification,
  onAction,
}: {
  rectification: Pick<Rectification, 'allowedActions'>;
  onAction: (a: RectificationAction) => void;
}) {
  const { t } = useTranslation();
  const actions = visibleRectificationActions(rectification);
  if (actions.length === 0) return null;
  return (
    <>
      {actions.map((action, i) => {
        const spec = rectificationActionSpec(action);
        return (
          <Button
            key={action}
            type={i === 0 && !spec.danger ? 'primary' : 'default'}
            danger={spec.danger}
            onClick={() => onAction(action)}
            data-testid={`rectification-action-${action}`}
          >
            {t(`ratings.actions.${action}`)}
          </Button>
        );
      })}
    </>
  );
}

const FIELDS = ['note', 'response', 'decision'] as const;

/**
 * The form of one action: 回访情况, 整改措施, 申诉理由 (required), the rater's 满意/不满意 with their words, the county's
 * 申诉成立/不成立 with its reasons. Sent with If-Match; a 412 offers a reload and keeps what was typed, a 409 says
 * what is possible now, a 403 is worded by the server.
 */
export function RectificationActionModal({
  rectification,
  action,
  etag,
  onClose,
  onDone,
  onReload,
}: {
  rectification: Rectification;
  action: RectificationAction | null;
  etag: string;
  onClose: () => void;
  onDone: (next: Rectification, etag: string | null) => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RectificationActionValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const open = action !== null;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setProblem(null);
    setStale(false);
  }, [open, action]);

  const run = useMutation({
    mutationFn: ({ act, v }: { act: RectificationAction; v: RectificationActionValues }) =>
      ratingsApi.act(rectification.id, act, rectificationActionBody(act, v), etag),
    onSuccess: ({ data, etag: next }) => onDone(data, next),
    onError: (e) => {
      if (isStaleRecord(e)) {
        setStale(true);
        setProblem(null);
        return;
      }
      setProblem(applyProblemToForm(form, e, FIELDS) ? null : e);
    },
  });

  if (!action) return null;
  const spec = rectificationActionSpec(action);
  const actionName = t(`ratings.actions.${action}`);
  const moved = isApiProblem(problem) && problem.status === 409 ? rectificationAllowedActionsOf(problem.extensions) : null;

  return (
    <Modal
      open={open}
      title={t('ratings.action.title', { action: actionName, item: rectification.itemName })}
      okText={actionName}
      okButtonProps={{ danger: spec.danger, 'data-testid': 'rectification-action-submit' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={run.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="rectification-action-modal"
    >
      {stale ? <StaleRecordAlert onReload={onReload} onReloaded={() => setStale(false)} /> : null}
      {problem ? <ProblemAlert error={problem} style={{ marginBottom: 16 }} /> : null}
      {moved ? (
        <Typography.Paragraph type="secondary" data-testid="rectification-moved">
          {t('ratings.action.invalidTransition', {
            actions: moved.length > 0 ? moved.map((a) => t(`ratings.actions.${a}`)).join('、') : t('ratings.detail.noActions'),
          })}
        </Typography.Paragraph>
      ) : null}
      <Form<RectificationActionValues>
        form={form}
        layout="vertical"
        name="rectification-action"
        onFinish={(v) => {
          setProblem(null);
          run.mutate({ act: action, v });
        }}
      >
        {action === 'appeal' ? (
          <Typography.Paragraph type="secondary">{t('ratings.action.appealHint')}</Typography.Paragraph>
        ) : null}
        {spec.response ? (
          <Form.Item name="response" label={t('ratings.action.response')} rules={[{ required: true, message: t('ratings.action.responseRequired') }]}>
            <Radio.Group optionType="button" buttonStyle="solid" data-testid="rectification-response">
              {RATER_RESPONSES.map((r) => (
                <Radio.Button key={r} value={r}>
                  <span data-testid={`rectification-response-${r}`}>{t(`ratings.responses.${r}`)}</span>
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
        ) : null}
        {spec.decision ? (
          <Form.Item name="decision" label={t('ratings.action.decision')} rules={[{ required: true, message: t('ratings.action.decisionRequired') }]}>
            <Radio.Group optionType="button" buttonStyle="solid" data-testid="rectification-decision">
              {APPEAL_DECISIONS.map((d) => (
                <Radio.Button key={d} value={d}>
                  <span data-testid={`rectification-decision-${d}`}>{t(`ratings.decisions.${d}`)}</span>
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
        ) : null}
        <Form.Item
          name="note"
          label={t(`ratings.notes.${action}`)}
          rules={spec.noteRequired ? [{ required: true, whitespace: true, message: t(`ratings.notesRequired.${action}`) }] : []}
        >
          <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 3 }} data-testid="rectification-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
