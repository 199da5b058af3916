import { Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Rectification, RectificationAction } from '../../lib/api/types';
import { isApiProblem } from '../../lib/api/client';
import { useFormSend } from '../../lib/useFormSend';
import { ActionButtons } from '../../components/ActionButtons';
import { FormModal } from '../../components/FormModal';
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
  return (
    <ActionButtons
      actions={visibleRectificationActions(rectification)}
      label={(a) => t(`ratings.actions.${a}`)}
      danger={(a) => rectificationActionSpec(a).danger}
      testIdPrefix="rectification-action-"
      onAction={onAction}
    />
  );
}

const FIELDS = ['note', 'response', 'decision'] as const;

interface ActionModalProps {
  rectification: Rectification;
  action: RectificationAction | null;
  etag: string;
  onClose: () => void;
  onDone: (next: Rectification, etag: string | null) => void;
  onReload: () => Promise<unknown>;
}

/**
 * The form of one action: 回访情况, 整改措施, 申诉理由 (required), the rater's 满意/不满意 with their words, the county's
 * 申诉成立/不成立 with its reasons. Sent with If-Match; a 412 offers a reload and keeps what was typed, a 409 says
 * what is possible now, a 403 is worded by the server.
 */
export function RectificationActionModal({ action, ...props }: ActionModalProps) {
  // mounted for each action afresh: an empty form, no problem left from the last one
  return action ? <RectificationActionForm action={action} {...props} /> : null;
}

function RectificationActionForm({
  rectification,
  action,
  etag,
  onClose,
  onDone,
  onReload,
}: ActionModalProps & { action: RectificationAction }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RectificationActionValues>();
  const send = useFormSend(form, {
    send: (v: RectificationActionValues) => ratingsApi.act(rectification.id, action, rectificationActionBody(action, v), etag),
    onSuccess: ({ data, etag: next }) => onDone(data, next),
    fields: FIELDS,
    onReload,
  });

  const spec = rectificationActionSpec(action);
  const actionName = t(`ratings.actions.${action}`);
  const moved = isApiProblem(send.problem) && send.problem.status === 409 ? rectificationAllowedActionsOf(send.problem.extensions) : null;

  return (
    <FormModal
      open
      form={form}
      send={send}
      name="rectification-action"
      title={t('ratings.action.title', { action: actionName, item: rectification.itemName })}
      okText={actionName}
      okButtonProps={{ danger: spec.danger, 'data-testid': 'rectification-action-submit' }}
      onCancel={onClose}
      destroyOnHidden
      data-testid="rectification-action-modal"
    >
      {moved ? (
        <Typography.Paragraph type="secondary" data-testid="rectification-moved">
          {t('ratings.action.invalidTransition', {
            actions: moved.length > 0 ? moved.map((a) => t(`ratings.actions.${a}`)).join('、') : t('ratings.detail.noActions'),
          })}
        </Typography.Paragraph>
      ) : null}
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
    </FormModal>
  );
}
