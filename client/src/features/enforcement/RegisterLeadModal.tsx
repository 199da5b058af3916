import { DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { CaseSource, EnforcementCase, PartyKind } from '../../lib/api/types';
import type zhCN from '../../locales/zh-CN.json';
import { useFormSend } from '../../lib/useFormSend';
import { countyToday } from '../../lib/dates';
import { useCurrentUser } from '../../lib/auth/useAuth';
import { FormModal } from '../../components/FormModal';
import { enforcementApi } from './api';
import { useDomains, useTeams } from './hooks';
import { CASE_SOURCES, PARTY_KINDS } from './caseModel';
import { useRequiredRule } from './formRules';

interface Values {
  townshipId?: string;
  source?: CaseSource;
  domain?: string;
  occurredOn?: Dayjs | null;
  place?: string;
  description?: string;
  partyKind?: PartyKind;
  partyName?: string;
  partyIdNumber?: string;
  reporter?: string;
}

const FIELDS = [
  'townshipId',
  'source',
  'domain',
  'occurredOn',
  'place',
  'description',
  'partyKind',
  'partyName',
  'partyIdNumber',
  'reporter',
] as const;

const blank = (s: string | undefined) => s?.trim() || null;

type FieldLabel = keyof typeof zhCN.enforcement.cases.fields;

/**
 * 登记线索: where and when, what was seen, the party when known. A township user registers for the own township's
 * team; a county user picks the team.
 */
export function RegisterLeadModal({
  open,
  onClose,
  onRegistered,
}: {
  open: boolean;
  onClose: () => void;
  onRegistered: (c: EnforcementCase) => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const pickTeam = me.regionLevel !== 'township';
  const teams = useTeams();
  const domains = useDomains();
  const [form] = Form.useForm<Values>();
  const partyKind = Form.useWatch('partyKind', form);
  const required = useRequiredRule();
  const send = useFormSend(form, {
    send: (v: Values) =>
      enforcementApi.registerLead({
        townshipId: pickTeam ? (v.townshipId ?? null) : null,
        source: v.source ?? null,
        domain: v.domain ?? null,
        occurredOn: v.occurredOn ? v.occurredOn.format('YYYY-MM-DD') : null,
        place: blank(v.place),
        description: blank(v.description),
        partyKind: v.partyKind ?? null,
        partyName: v.partyKind ? blank(v.partyName) : null,
        partyIdNumber: v.partyKind ? blank(v.partyIdNumber) : null,
        reporter: blank(v.reporter),
      }),
    onSuccess: ({ data }) => onRegistered(data),
    fields: FIELDS,
  });
  const f = (k: FieldLabel) => t(`enforcement.cases.fields.${k}`);
  const today = countyToday();

  return (
    <FormModal<Values>
      open={open}
      form={form}
      send={send}
      name="registerLead"
      title={t('enforcement.cases.registerTitle')}
      okText={t('enforcement.cases.register')}
      startOnOpen={() => ({ source: 'patrol', occurredOn: dayjs(today) })}
      okButtonProps={{ 'data-testid': 'lead-submit' }}
      onCancel={onClose}
      forceRender
      width={640}
      data-testid="lead-modal"
    >
      {pickTeam ? (
        <Form.Item
          name="townshipId"
          label={t('enforcement.officers.team')}
          rules={[required(t('enforcement.officers.team'))]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={teams.isPending}
            options={(teams.data ?? []).map((x) => ({ value: x.townshipId, label: x.name }))}
            data-testid="lead-team"
          />
        </Form.Item>
      ) : null}
      <Form.Item name="source" label={f('source')} rules={[required(f('source'))]}>
        <Select
          options={CASE_SOURCES.map((s) => ({ value: s, label: t(`enforcement.cases.sources.${s}`) }))}
          data-testid="lead-source"
        />
      </Form.Item>
      <Form.Item name="domain" label={f('domain')} rules={[required(f('domain'))]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={domains.isPending}
          options={(domains.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
          data-testid="lead-domain"
        />
      </Form.Item>
      <Form.Item
        name="occurredOn"
        label={f('occurredOn')}
        extra={t('enforcement.cases.lead.occurredOnHint')}
        rules={[required(f('occurredOn'))]}
      >
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => d.format('YYYY-MM-DD') > today}
          data-testid="lead-occurred-on"
        />
      </Form.Item>
      <Form.Item name="place" label={f('place')} rules={[required(f('place'), true)]}>
        <Input maxLength={200} data-testid="lead-place" />
      </Form.Item>
      <Form.Item name="description" label={f('description')} rules={[required(f('description'), true)]}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 3 }} data-testid="lead-description" />
      </Form.Item>
      <Form.Item name="partyKind" label={f('partyKind')} extra={t('enforcement.cases.lead.partyHint')}>
        <Select
          allowClear
          options={PARTY_KINDS.map((k) => ({ value: k, label: t(`enforcement.cases.partyKinds.${k}`) }))}
          data-testid="lead-party-kind"
        />
      </Form.Item>
      {partyKind ? (
        <>
          <Form.Item name="partyName" label={f('partyName')} rules={[required(f('partyName'), true)]}>
            <Input maxLength={100} data-testid="lead-party-name" />
          </Form.Item>
          <Form.Item name="partyIdNumber" label={f(partyKind === 'organisation' ? 'creditCode' : 'idNumber')}>
            <Input maxLength={18} data-testid="lead-party-id" />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="reporter" label={f('reporter')}>
        <Input maxLength={100} data-testid="lead-reporter" />
      </Form.Item>
    </FormModal>
  );
}
