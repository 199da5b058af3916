import { Alert, DatePicker, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Disclosure, DisclosureAction } from '../../lib/api/types';
import { isApiProblem, type Tagged } from '../../lib/api/client';
import { countyToday } from '../../lib/dates';
import { useFormSend } from '../../lib/useFormSend';
import { FormModal } from '../../components/FormModal';
import { enforcementApi } from './api';
import { useRequiredRule } from './formRules';
import {
  disclosureActionBody,
  disclosureActionsOf,
  DISCLOSURE_ACTION_FIELDS,
  type DisclosureActionValues,
} from './disclosureModel';

/** After a 409 of an invalid transition: the disclosure moved on and these are the steps possible now. */
function MovedNotice({ problem }: { problem: unknown }) {
  const { t } = useTranslation();
  if (!isApiProblem(problem) || problem.status !== 409) return null;
  if (!Array.isArray(problem.extensions.allowedActions)) return null;
  const now = disclosureActionsOf(problem.extensions);
  return (
    <Typography.Paragraph type="secondary" data-testid="disclosure-moved">
      {t('enforcement.disclosures.moved', {
        actions:
          now.length > 0
            ? now.map((a) => t(`enforcement.disclosures.actions.${a}`)).join('、')
            : t('enforcement.disclosures.none'),
      })}
    </Typography.Paragraph>
  );
}

interface Props {
  disclosure: Disclosure;
  action: DisclosureAction | null;
  etag: string;
  onClose: () => void;
  onDone: (next: Tagged<Disclosure>) => void;
  /** Reads the disclosure again (after a 412): its new ETag is what the form is sent with next. */
  onReload: () => Promise<unknown>;
}

/** 公示 or 撤回 of one disclosure, posted with If-Match; mounted afresh for each step. */
export function DisclosureActionModal({ action, ...props }: Props) {
  return action ? <ActionForm action={action} {...props} /> : null;
}

function ActionForm({ disclosure: d, action, etag, onClose, onDone, onReload }: Props & { action: DisclosureAction }) {
  const { t } = useTranslation();
  const rule = useRequiredRule();
  const [form] = Form.useForm<DisclosureActionValues>();
  const fields = DISCLOSURE_ACTION_FIELDS[action];
  const send = useFormSend(form, {
    send: (v: DisclosureActionValues) =>
      enforcementApi.actDisclosure(d.id, action, disclosureActionBody(action, v), etag),
    onSuccess: onDone,
    fields,
    onReload,
  });
  const actionName = t(`enforcement.disclosures.actions.${action}`);
  const retract = action === 'retract';
  const today = countyToday();
  const revokedLabel = t('enforcement.disclosures.form.revokedOn');
  const reasonLabel = t('enforcement.disclosures.form.reason');

  return (
    <FormModal<DisclosureActionValues>
      open
      form={form}
      send={send}
      name="disclosure-action"
      title={t('enforcement.disclosures.form.title', { action: actionName, decisionNo: d.decisionNo })}
      okText={actionName}
      okButtonProps={{ danger: retract, 'data-testid': 'disclosure-action-submit' }}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      intro={
        <>
          <Alert
            type={retract ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            title={
              retract ? t('enforcement.disclosures.form.retractIntro') : t('enforcement.disclosures.form.publishIntro')
            }
          />
          <MovedNotice problem={send.problem} />
        </>
      }
      data-testid="disclosure-action-modal"
    >
      {retract ? (
        <>
          <Form.Item name="revokedOn" label={revokedLabel} rules={[rule(revokedLabel)]}>
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(day) => {
                const iso = day.format('YYYY-MM-DD');
                return iso > today || iso < d.decidedOn;
              }}
              data-testid="disclosure-revoked-on"
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={reasonLabel}
            rules={[rule(reasonLabel, true)]}
            extra={t('enforcement.disclosures.form.reasonHint')}
          >
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 3 }} data-testid="disclosure-reason" />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="note" label={t('enforcement.disclosures.form.note')}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} data-testid="disclosure-note" />
      </Form.Item>
    </FormModal>
  );
}
