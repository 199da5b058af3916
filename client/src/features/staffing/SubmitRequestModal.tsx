import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntryKind, PostFunding, PostKind, PostRequest } from '../../lib/api/types';
import { useFormSend } from '../../lib/useFormSend';
import { FormModal } from '../../components/FormModal';
import { staffingApi } from './api';
import { ENTRY_KINDS } from './model';
import { FundingSelect, KindSelect } from './Tags';
import { UnitSelect } from './UnitSelect';

interface Values {
  unitId?: string;
  kind?: PostKind;
  funding?: PostFunding;
  year?: number;
  posts?: number;
  entryKind?: EntryKind;
  reason?: string;
}

const FIELDS = ['unitId', 'kind', 'funding', 'year', 'posts', 'entryKind', 'reason'] as const;

/** 提交编制使用申请: a unit asks to fill vacant posts this year (checked against the year's 用编计划 on approval). */
export function SubmitRequestModal({
  open,
  onClose,
  onSubmitted,
}: {
  open: boolean;
  onClose: () => void;
  onSubmitted: (r: PostRequest) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const send = useFormSend(form, {
    send: (v: Values) =>
      staffingApi.submitRequest({
        unitId: v.unitId ?? null,
        kind: v.kind ?? null,
        funding: v.funding ?? null,
        year: v.year ?? null,
        posts: v.posts ?? null,
        entryKind: v.entryKind ?? null,
        reason: v.reason?.trim() || null,
      }),
    onSuccess: ({ data }) => onSubmitted(data),
    fields: FIELDS,
  });
  const required = (field: string) => ({ required: true, message: t('staffing.form.required', { field }) });

  return (
    <FormModal<Values>
      open={open}
      form={form}
      send={send}
      name="post-request"
      title={t('staffing.requests.submit')}
      okText={t('staffing.requests.submitOk')}
      startOnOpen={() => ({ year: new Date().getFullYear(), posts: 1, kind: 'institution', funding: 'full', entryKind: 'recruitment' })}
      okButtonProps={{ 'data-testid': 'request-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="request-modal"
    >
      <Form.Item name="unitId" label={t('staffing.fields.unit')} rules={[required(t('staffing.fields.unit'))]}>
        <UnitSelect testId="request-unit" />
      </Form.Item>
      <Form.Item name="kind" label={t('staffing.fields.kind')} rules={[required(t('staffing.fields.kind'))]}>
        <KindSelect testId="request-kind" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="funding" label={t('staffing.fields.funding')} rules={[required(t('staffing.fields.funding'))]}>
        <FundingSelect testId="request-funding" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="year" label={t('staffing.fields.year')} rules={[required(t('staffing.fields.year'))]}>
        <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="request-year" />
      </Form.Item>
      <Form.Item name="posts" label={t('staffing.fields.posts')} rules={[required(t('staffing.fields.posts'))]}>
        <InputNumber min={1} max={999} precision={0} style={{ width: '100%' }} data-testid="request-posts" />
      </Form.Item>
      <Form.Item name="entryKind" label={t('staffing.fields.entryKind')} rules={[required(t('staffing.fields.entryKind'))]}>
        <Select data-testid="request-entry-kind" options={ENTRY_KINDS.map((k) => ({ value: k, label: t(`staffing.entryKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="reason" label={t('staffing.requests.reason')} rules={[{ ...required(t('staffing.requests.reason')), whitespace: true }]}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} data-testid="request-reason" />
      </Form.Item>
    </FormModal>
  );
}
