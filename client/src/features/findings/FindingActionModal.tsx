import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Finding, FindingAction } from '../../lib/api/types';
import { isApiProblem } from '../../lib/api/client';
import { useFormSend } from '../../lib/useFormSend';
import { FormModal } from '../../components/FormModal';
import { findingsApi } from './api';
import { findingAllowedActionsOf, findingNoteBody, textRequired } from './model';

interface Props {
  finding: Finding;
  action: FindingAction | null;
  etag: string;
  onClose: () => void;
  onDone: (next: Finding, etag: string | null) => void;
  onReload: () => Promise<unknown>;
}

/**
 * The form of one step of the thread: its text (required to amend, answer or dispute). Sent with If-Match; a 412
 * offers a reload and keeps what was typed, a 409 says what is possible now, a 403 is worded by the server.
 */
export function FindingActionModal({ action, ...props }: Props) {
  // mounted for each action afresh: an empty form, no problem left from the last one
  return action ? <FindingActionForm action={action} {...props} /> : null;
}

function FindingActionForm({ finding, action, etag, onClose, onDone, onReload }: Props & { action: FindingAction }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text?: string }>();
  const send = useFormSend(form, {
    send: (v: { text?: string }) => findingsApi.act(finding.id, action, findingNoteBody(v), etag),
    onSuccess: ({ data, etag: next }) => onDone(data, next),
    fields: ['text'],
    onReload,
  });
  const actionName = t(`findings.actions.${action}`);
  const required = textRequired(action);
  const moved =
    isApiProblem(send.problem) && send.problem.status === 409 ? findingAllowedActionsOf(send.problem.extensions) : null;

  return (
    <FormModal
      open
      form={form}
      send={send}
      name="finding-action"
      title={t('findings.action.title', { action: actionName, title: finding.title })}
      okText={actionName}
      okButtonProps={{ 'data-testid': 'finding-action-submit' }}
      onCancel={onClose}
      destroyOnHidden
      data-testid="finding-action-modal"
    >
      {moved ? (
        <Typography.Paragraph type="secondary" data-testid="finding-moved">
          {t('findings.action.invalidTransition', {
            actions:
              moved.length > 0
                ? moved.map((a) => t(`findings.actions.${a}`)).join('、')
                : t('findings.detail.noActions'),
          })}
        </Typography.Paragraph>
      ) : null}
      <Form.Item
        name="text"
        label={required ? t('findings.action.text') : t('findings.action.textOptional')}
        rules={required ? [{ required: true, whitespace: true, message: t('findings.action.textRequired') }] : []}
      >
        <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 4 }} data-testid="finding-action-text" />
      </Form.Item>
    </FormModal>
  );
}
