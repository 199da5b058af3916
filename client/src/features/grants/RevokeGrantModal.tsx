import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvaluationGrant } from '../../lib/api/types';
import { useFormSend } from '../../lib/useFormSend';
import { FormModal } from '../../components/FormModal';
import { grantsApi } from './api';

/** 撤销评估任务 (If-Match), with its required reason: every session and token of the grant stops at once. */
export function RevokeGrantModal({
  open,
  grant,
  etag,
  onClose,
  onDone,
  onReload,
}: {
  open: boolean;
  grant: EvaluationGrant;
  etag: string;
  onClose: () => void;
  onDone: (g: EvaluationGrant) => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const send = useFormSend(form, {
    send: (v: { reason: string }) => grantsApi.revoke(grant.id, { reason: v.reason.trim() }, etag),
    onSuccess: ({ data }) => onDone(data),
    fields: ['reason'],
    onReload,
  });
  return (
    <FormModal
      open={open}
      form={form}
      send={send}
      name="revoke-grant"
      startOnOpen
      title={t('grant.revokeTitle', { name: grant.organisation })}
      okText={t('grant.revokeConfirm')}
      okButtonProps={{ danger: true, 'data-testid': 'grant-revoke-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="grant-revoke-modal"
      intro={<Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('grant.revokeWarning')} />}
    >
      <Form.Item
        name="reason"
        label={t('grant.revokeReason')}
        rules={[{ required: true, whitespace: true, message: t('grant.required', { field: t('grant.revokeReason') }) }]}
      >
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} data-testid="grant-revoke-reason" />
      </Form.Item>
    </FormModal>
  );
}
