import { Alert, DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '../../lib/api/types';
import type { Tagged } from '../../lib/api/client';
import { countyToday } from '../../lib/dates';
import { useFormSend } from '../../lib/useFormSend';
import { FormModal } from '../../components/FormModal';
import { enforcementApi } from './api';
import { useRequiredRule } from './formRules';
import { CasePicker, OfficerPicker } from './SupervisionPickers';
import { complaintBody, COMPLAINT_CHANNELS, COMPLAINT_FIELDS, type ComplaintValues } from './supervisionModel';

interface Props {
  open: boolean;
  onClose: () => void;
  onDone: (created: Tagged<Complaint>) => void;
}

/** 登记投诉: against a case, an officer or both (of one team); the API checks both are in the caller's scope. */
export function RecordComplaintModal({ open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const rule = useRequiredRule();
  const [form] = Form.useForm<ComplaintValues>();
  const send = useFormSend(form, {
    send: (v: ComplaintValues) => enforcementApi.recordComplaint(complaintBody(v)),
    onSuccess: onDone,
    fields: COMPLAINT_FIELDS,
  });
  const today = countyToday();
  const f = (k: keyof ComplaintValues) => t(`enforcement.complaints.fields.${k === 'caseId' ? 'case' : k === 'officerId' ? 'officer' : k}`);
  // at least one of the case and the officer (the API says the same under caseId)
  const target = ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
    validator: () =>
      getFieldValue('caseId') || getFieldValue('officerId')
        ? Promise.resolve()
        : Promise.reject(new Error(t('enforcement.complaints.targetRequired'))),
  });

  return (
    <FormModal<ComplaintValues>
      open={open}
      form={form}
      send={send}
      name="complaint"
      title={t('enforcement.complaints.recordTitle')}
      okText={t('enforcement.complaints.record')}
      okButtonProps={{ 'data-testid': 'complaint-submit' }}
      onCancel={onClose}
      startOnOpen={() => ({ receivedOn: dayjs(today) })}
      width={640}
      intro={<Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('enforcement.complaints.recordIntro')} />}
      data-testid="complaint-modal"
    >
      <Form.Item name="caseId" label={f('caseId')} rules={[target]} dependencies={['officerId']}>
        <CasePicker data-testid="complaint-case" />
      </Form.Item>
      <Form.Item name="officerId" label={f('officerId')} rules={[target]} dependencies={['caseId']}>
        <OfficerPicker data-testid="complaint-officer" />
      </Form.Item>
      <Form.Item name="channel" label={f('channel')} rules={[rule(f('channel'))]}>
        <Select
          options={COMPLAINT_CHANNELS.map((c) => ({ value: c, label: t(`enforcement.complaints.channels.${c}`) }))}
          data-testid="complaint-channel"
        />
      </Form.Item>
      <Form.Item name="receivedOn" label={f('receivedOn')} rules={[rule(f('receivedOn'))]}>
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => d.format('YYYY-MM-DD') > today}
          data-testid="complaint-received-on"
        />
      </Form.Item>
      <Form.Item name="complainant" label={f('complainant')} rules={[rule(f('complainant'), true)]}>
        <Input maxLength={100} data-testid="complaint-complainant" />
      </Form.Item>
      <Form.Item name="complainantPhone" label={f('complainantPhone')}>
        <Input maxLength={30} data-testid="complaint-phone" />
      </Form.Item>
      <Form.Item name="content" label={f('content')} rules={[rule(f('content'), true)]}>
        <Input.TextArea maxLength={4000} autoSize={{ minRows: 3 }} data-testid="complaint-content" />
      </Form.Item>
    </FormModal>
  );
}
