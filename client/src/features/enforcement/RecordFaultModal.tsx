import { Alert, DatePicker, Form, Input, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FaultRecord } from '../../lib/api/types';
import { countyToday } from '../../lib/dates';
import { useFormSend } from '../../lib/useFormSend';
import { FormModal } from '../../components/FormModal';
import { enforcementApi, enforcementKeys } from './api';
import { useRequiredRule } from './formRules';
import { CasePicker, OfficerPicker } from './SupervisionPickers';
import { faultBody, isComplaintState, FAULT_FIELDS, FAULT_LIABILITIES, type FaultValues } from './supervisionModel';

interface Props {
  open: boolean;
  /** What the form starts with (e.g. the officer, case and complaint of a substantiated complaint). */
  initial?: Pick<FaultValues, 'officerId' | 'caseId' | 'complaintId'>;
  onClose: () => void;
  onDone: (created: FaultRecord) => void;
}

/** The complaints about the chosen officer, for the record's link to the complaint it came from. */
function ComplaintField({ officerId, ...props }: { officerId: string | null | undefined; value?: string; onChange?: (v: string | undefined) => void }) {
  const { t } = useTranslation();
  const complaints = useQuery({
    queryKey: enforcementKeys.complaints({ officerId: officerId ?? undefined }),
    queryFn: ({ signal }) => enforcementApi.complaints({ officerId: officerId ?? undefined, limit: 50 }, signal),
    enabled: !!officerId,
    select: (page) => page.items,
  });
  return (
    <Select
      allowClear
      disabled={!officerId}
      placeholder={officerId ? undefined : t('enforcement.faults.chooseOfficerFirst')}
      loading={complaints.isFetching}
      options={(complaints.data ?? []).map((c) => ({
        value: c.id,
        label: t('enforcement.faults.complaintOption', {
          date: c.receivedOn,
          complainant: c.complainant,
          state: isComplaintState(c.state) ? t(`enforcement.complaints.states.${c.state}`) : c.stateName,
        }),
      }))}
      data-testid="fault-complaint"
      {...props}
    />
  );
}

/** 记录过错责任追究: append-only, so the form says so before it is sent. */
export function RecordFaultModal({ open, initial, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const rule = useRequiredRule();
  const [form] = Form.useForm<FaultValues>();
  const officerId = Form.useWatch('officerId', form);
  const send = useFormSend(form, {
    send: (v: FaultValues) => enforcementApi.recordFault(faultBody(v)),
    onSuccess: onDone,
    fields: FAULT_FIELDS,
  });
  const today = countyToday();
  const f = (k: 'officer' | 'case' | 'complaint' | 'foundOn' | 'fault' | 'liability' | 'documentNo') =>
    t(`enforcement.faults.fields.${k}`);

  return (
    <FormModal<FaultValues>
      open={open}
      form={form}
      send={send}
      name="fault"
      title={t('enforcement.faults.recordTitle')}
      okText={t('enforcement.faults.record')}
      okButtonProps={{ 'data-testid': 'fault-submit' }}
      onCancel={onClose}
      startOnOpen={() => ({ ...initial })}
      width={640}
      intro={<Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('enforcement.faults.recordIntro')} />}
      onValuesChange={(changed: Partial<FaultValues>) => {
        // another officer: the complaint chosen was about the one before
        if ('officerId' in changed) form.setFieldValue('complaintId', undefined);
      }}
      data-testid="fault-modal"
    >
      <Form.Item name="officerId" label={f('officer')} rules={[rule(f('officer'))]}>
        <OfficerPicker data-testid="fault-officer" />
      </Form.Item>
      <Form.Item name="caseId" label={f('case')}>
        <CasePicker data-testid="fault-case" />
      </Form.Item>
      <Form.Item name="complaintId" label={f('complaint')}>
        <ComplaintField officerId={officerId} />
      </Form.Item>
      <Form.Item name="foundOn" label={f('foundOn')} rules={[rule(f('foundOn'))]}>
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => d.format('YYYY-MM-DD') > today}
          data-testid="fault-found-on"
        />
      </Form.Item>
      <Form.Item name="fault" label={f('fault')} rules={[rule(f('fault'), true)]}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 3 }} data-testid="fault-fault" />
      </Form.Item>
      <Form.Item name="liability" label={f('liability')} rules={[rule(f('liability'))]}>
        <Select
          options={FAULT_LIABILITIES.map((l) => ({ value: l, label: t(`enforcement.faults.liabilities.${l}`) }))}
          data-testid="fault-liability-select"
        />
      </Form.Item>
      <Form.Item name="documentNo" label={f('documentNo')} rules={[rule(f('documentNo'), true)]}>
        <Input maxLength={100} data-testid="fault-document-no" />
      </Form.Item>
    </FormModal>
  );
}
