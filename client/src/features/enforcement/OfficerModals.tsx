import { Alert, DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { EnforcementTeam, Officer, OfficerDetail } from '../../lib/api/types';
import { useFormSend } from '../../lib/useFormSend';
import { countyToday } from '../../lib/dates';
import { FormModal } from '../../components/FormModal';
import { enforcementApi } from './api';
import { useDomains } from './hooks';

interface CertificateValues {
  number?: string;
  issuingBody?: string;
  validFrom?: Dayjs;
  validUntil?: Dayjs;
}

const iso = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const blank = (s: string | undefined) => s?.trim() || null;

function toCertificate(c: CertificateValues | undefined) {
  return {
    number: blank(c?.number),
    issuingBody: blank(c?.issuingBody),
    validFrom: iso(c?.validFrom),
    validUntil: iso(c?.validUntil),
  };
}

function useRequired() {
  const { t } = useTranslation();
  return (field: string) => ({ required: true, message: t('enforcement.form.required', { field }) });
}

/**
 * 执法证: number, issuing body and validity, under `certificate` as the API names them (its field errors are
 * `certificate.number`, `certificate.validUntil`…, for the renewal too).
 */
function CertificateFields() {
  const { t } = useTranslation();
  const required = useRequired();
  return (
    <>
      <Form.Item
        name={['certificate', 'number']}
        label={t('enforcement.certificate.number')}
        rules={[{ ...required(t('enforcement.certificate.number')), whitespace: true }]}
      >
        <Input maxLength={40} data-testid="certificate-number" />
      </Form.Item>
      <Form.Item
        name={['certificate', 'issuingBody']}
        label={t('enforcement.certificate.issuingBody')}
        rules={[{ ...required(t('enforcement.certificate.issuingBody')), whitespace: true }]}
      >
        <Input maxLength={100} data-testid="certificate-issuing-body" />
      </Form.Item>
      <Form.Item
        name={['certificate', 'validFrom']}
        label={t('enforcement.certificate.validFrom')}
        rules={[required(t('enforcement.certificate.validFrom'))]}
      >
        <DatePicker style={{ width: '100%' }} data-testid="certificate-valid-from" />
      </Form.Item>
      <Form.Item
        name={['certificate', 'validUntil']}
        label={t('enforcement.certificate.validUntil')}
        dependencies={[['certificate', 'validFrom']]}
        rules={[
          required(t('enforcement.certificate.validUntil')),
          ({ getFieldValue }) => ({
            validator: (_, value: Dayjs | undefined) => {
              const from = getFieldValue(['certificate', 'validFrom']) as Dayjs | undefined;
              return !value || !from || !value.isBefore(from, 'day')
                ? Promise.resolve()
                : Promise.reject(new Error(t('enforcement.certificate.untilBeforeFrom')));
            },
          }),
        ]}
      >
        <DatePicker style={{ width: '100%' }} data-testid="certificate-valid-until" />
      </Form.Item>
    </>
  );
}

/** 执法领域: several of the catalogue's domains. */
function DomainsSelect({ value, onChange, id }: { value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  const domains = useDomains();
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      loading={domains.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      options={(domains.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
      data-testid="officer-domains-select"
    />
  );
}

interface AddValues {
  name?: string;
  phone?: string;
  domains?: string[];
  joinedOn?: Dayjs;
  certificate?: CertificateValues;
}

const ADD_FIELDS = ['name', 'phone', 'personId', 'domains', 'joinedOn', 'certificate'] as const;

/** Who the officer is and the 执法领域 assigned: the same fields when adding and when editing. */
function OfficerFields({ testId }: { testId: string }) {
  const { t } = useTranslation();
  const required = useRequired();
  return (
    <>
        <Form.Item
          name="name"
          label={t('enforcement.officers.name')}
          rules={[{ ...required(t('enforcement.officers.name')), whitespace: true }]}
        >
          <Input maxLength={50} data-testid={`${testId}-name`} />
        </Form.Item>
        <Form.Item name="phone" label={t('enforcement.officers.phone')}>
          <Input maxLength={30} data-testid={`${testId}-phone`} />
        </Form.Item>
        <Form.Item
          name="domains"
          label={t('enforcement.officers.domains')}
          rules={[required(t('enforcement.officers.domains'))]}
        >
          <DomainsSelect />
        </Form.Item>
    </>
  );
}

/** 添加执法人员: an officer of the team with the 执法领域 and the certificate held. */
export function AddOfficerModal({
  team,
  open,
  onClose,
  onAdded,
}: {
  team: Pick<EnforcementTeam, 'id' | 'name'>;
  open: boolean;
  onClose: () => void;
  onAdded: (o: OfficerDetail) => void;
}) {
  const { t } = useTranslation();
  const required = useRequired();
  const [form] = Form.useForm<AddValues>();
  const send = useFormSend(form, {
    send: (v: AddValues) =>
      enforcementApi.addOfficer(team.id, {
        name: blank(v.name),
        phone: blank(v.phone),
        domains: v.domains ?? [],
        joinedOn: iso(v.joinedOn),
        certificate: toCertificate(v.certificate),
      }),
    onSuccess: ({ data }) => onAdded(data),
    fields: ADD_FIELDS,
  });
  return (
    <FormModal<AddValues>
      open={open}
      form={form}
      send={send}
      name="addOfficer"
      title={t('enforcement.officers.addTitle', { team: team.name })}
      startOnOpen={() => ({ joinedOn: dayjs(countyToday()), certificate: { validFrom: dayjs(countyToday()) } })}
      okButtonProps={{ 'data-testid': 'officer-add-submit' }}
      onCancel={onClose}
      forceRender
      width={640}
      data-testid="officer-add-modal"
    >
      <OfficerFields testId="officer" />
      <Form.Item
        name="joinedOn"
        label={t('enforcement.officers.joinedOn')}
        rules={[required(t('enforcement.officers.joinedOn'))]}
      >
        <DatePicker style={{ width: '100%' }} data-testid="officer-joined-on" />
      </Form.Item>
      <CertificateFields />
    </FormModal>
  );
}

interface RenewValues {
  certificate?: CertificateValues;
}

/** 换证: a new certificate (the old ones stay on record); If-Match with the officer's ETag. */
export function RenewModal({
  officer,
  etag,
  open,
  onClose,
  onDone,
  onReload,
}: {
  officer: Pick<Officer, 'id' | 'name' | 'certificate'>;
  etag: string;
  open: boolean;
  onClose: () => void;
  onDone: (o: OfficerDetail) => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RenewValues>();
  const send = useFormSend(form, {
    send: (v: RenewValues) => enforcementApi.renew(officer.id, toCertificate(v.certificate), etag),
    onSuccess: ({ data }) => onDone(data),
    fields: ['certificate'],
    onReload,
  });
  return (
    <FormModal<RenewValues>
      open={open}
      form={form}
      send={send}
      name="renew"
      title={t('enforcement.officers.renewTitle', { name: officer.name })}
      okText={t('enforcement.officers.renew')}
      startOnOpen={() => ({
        certificate: { validFrom: dayjs(countyToday()), issuingBody: officer.certificate?.issuingBody },
      })}
      okButtonProps={{ 'data-testid': 'renew-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="renew-modal"
      intro={
        officer.certificate ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('enforcement.officers.renewIntro', {
              number: officer.certificate.number,
              until: officer.certificate.validUntil,
            })}
          />
        ) : null
      }
    >
      <CertificateFields />
    </FormModal>
  );
}

interface LeaveValues {
  leftOn?: Dayjs;
  reason?: string;
}

/** 调离: from that day the officer may not act (the certificate is returned). */
export function LeaveModal({
  officer,
  etag,
  open,
  onClose,
  onDone,
  onReload,
}: {
  officer: Pick<Officer, 'id' | 'name'>;
  etag: string;
  open: boolean;
  onClose: () => void;
  onDone: (o: OfficerDetail) => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const required = useRequired();
  const [form] = Form.useForm<LeaveValues>();
  const send = useFormSend(form, {
    send: (v: LeaveValues) =>
      enforcementApi.leave(officer.id, { leftOn: iso(v.leftOn), reason: blank(v.reason) }, etag),
    onSuccess: ({ data }) => onDone(data),
    fields: ['leftOn', 'reason'],
    onReload,
  });
  return (
    <FormModal<LeaveValues>
      open={open}
      form={form}
      send={send}
      name="leave"
      title={t('enforcement.officers.leaveTitle', { name: officer.name })}
      okText={t('enforcement.officers.leave')}
      startOnOpen={() => ({ leftOn: dayjs(countyToday()) })}
      okButtonProps={{ danger: true, 'data-testid': 'leave-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="leave-modal"
    >
      <Form.Item
        name="leftOn"
        label={t('enforcement.officers.leftOn')}
        extra={t('enforcement.officers.leftOnHint')}
        rules={[required(t('enforcement.officers.leftOn'))]}
      >
        <DatePicker style={{ width: '100%' }} data-testid="leave-date" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('enforcement.officers.leftReason')}
        rules={[{ ...required(t('enforcement.officers.leftReason')), whitespace: true }]}
      >
        <Input.TextArea maxLength={200} rows={2} data-testid="leave-reason" />
      </Form.Item>
    </FormModal>
  );
}

interface EditValues {
  name?: string;
  phone?: string;
  domains?: string[];
}

/** An officer's name, phone and 执法领域. */
export function EditOfficerModal({
  officer,
  etag,
  open,
  onClose,
  onDone,
  onReload,
}: {
  officer: Officer;
  etag: string;
  open: boolean;
  onClose: () => void;
  onDone: (o: OfficerDetail) => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EditValues>();
  const send = useFormSend(form, {
    send: (v: EditValues) =>
      enforcementApi.updateOfficer(
        officer.id,
        { name: blank(v.name), phone: blank(v.phone), domains: v.domains ?? [] },
        etag,
      ),
    onSuccess: ({ data }) => onDone(data),
    fields: ['name', 'phone', 'domains'],
    onReload,
  });
  return (
    <FormModal<EditValues>
      open={open}
      form={form}
      send={send}
      name="editOfficer"
      title={t('enforcement.officers.editTitle', { name: officer.name })}
      startOnOpen={() => ({ name: officer.name, phone: officer.phone ?? undefined, domains: officer.domains })}
      okButtonProps={{ 'data-testid': 'officer-edit-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="officer-edit-modal"
    >
      <OfficerFields testId="officer-edit" />
    </FormModal>
  );
}
