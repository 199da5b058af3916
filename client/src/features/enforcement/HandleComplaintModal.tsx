import { Alert, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '../../lib/api/types';
import { isApiProblem, type Tagged } from '../../lib/api/client';
import { useFormSend } from '../../lib/useFormSend';
import { FormModal } from '../../components/FormModal';
import { enforcementApi } from './api';
import { useRequiredRule } from './formRules';
import {
  complaintActionsOf,
  handlingBody,
  COMPLAINT_FINDINGS,
  HANDLING_FIELDS,
  type HandlingValues,
} from './supervisionModel';

/** After a 409 of an invalid transition: the complaint moved on and these are the steps possible now. */
function MovedNotice({ problem }: { problem: unknown }) {
  const { t } = useTranslation();
  if (!isApiProblem(problem) || problem.status !== 409) return null;
  if (!Array.isArray(problem.extensions.allowedActions)) return null;
  const now = complaintActionsOf(problem.extensions);
  return (
    <Typography.Paragraph type="secondary" data-testid="complaint-moved">
      {t('enforcement.complaints.moved', {
        actions:
          now.length > 0
            ? now.map((a) => t(`enforcement.complaints.actions.${a}`)).join('、')
            : t('enforcement.complaints.none'),
      })}
    </Typography.Paragraph>
  );
}

interface Props {
  complaint: Complaint;
  etag: string;
  onClose: () => void;
  onDone: (next: Tagged<Complaint>) => void;
  /** Reads the complaint again (after a 412): its new ETag is what the form is sent with next. */
  onReload: () => Promise<unknown>;
}

/** 办结: the finding and the result, posted with If-Match. */
export function HandleComplaintModal({ complaint: c, etag, onClose, onDone, onReload }: Props) {
  const { t } = useTranslation();
  const rule = useRequiredRule();
  const [form] = Form.useForm<HandlingValues>();
  const send = useFormSend(form, {
    send: (v: HandlingValues) => enforcementApi.handleComplaint(c.id, handlingBody(v), etag),
    onSuccess: onDone,
    fields: HANDLING_FIELDS,
    onReload,
  });
  const f = (k: keyof HandlingValues) => t(`enforcement.complaints.fields.${k}`);
  return (
    <FormModal<HandlingValues>
      open
      form={form}
      send={send}
      name="complaint-handle"
      title={t('enforcement.complaints.handleTitle', { complainant: c.complainant })}
      okText={t('enforcement.complaints.actions.handle')}
      okButtonProps={{ 'data-testid': 'complaint-handle-submit' }}
      onCancel={onClose}
      destroyOnHidden
      width={600}
      intro={
        <>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('enforcement.complaints.handleIntro')} />
          <MovedNotice problem={send.problem} />
        </>
      }
      data-testid="complaint-handle-modal"
    >
      <Form.Item name="finding" label={f('finding')} rules={[rule(f('finding'))]}>
        <Radio.Group
          optionType="button"
          options={COMPLAINT_FINDINGS.map((x) => ({ value: x, label: t(`enforcement.complaints.findings.${x}`) }))}
          data-testid="complaint-finding"
        />
      </Form.Item>
      <Form.Item name="result" label={f('result')} rules={[rule(f('result'), true)]}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 3 }} data-testid="complaint-result" />
      </Form.Item>
      <Form.Item name="note" label={f('note')}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} data-testid="complaint-note" />
      </Form.Item>
    </FormModal>
  );
}
