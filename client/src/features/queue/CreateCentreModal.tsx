import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CentreDetail } from '../../lib/api/types';
import { useFormSend } from '../../lib/useFormSend';
import { FormModal } from '../../components/FormModal';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { queueApi } from './api';

const FIELDS = ['regionId', 'name', 'address', 'phone', 'hours'] as const;

interface FormValues {
  regionId: string;
  name: string;
  address?: string;
  phone?: string;
  hours?: string;
}

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (centre: CentreDetail) => void;
}

const trimmed = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/**
 * 新建服务中心: one per region — the county hall, a township's centre or a village's agent point (the tier follows
 * the region's level). A second one for the same region is a 409 centres.exists, shown under the region.
 */
export function CreateCentreModal({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const send = useFormSend(form, {
    send: (v: FormValues) =>
      queueApi.createCentre({
        regionId: v.regionId,
        name: v.name.trim(),
        address: trimmed(v.address),
        phone: trimmed(v.phone),
        hours: trimmed(v.hours),
      }),
    onSuccess: (detail) => {
      form.resetFields();
      onCreated(detail);
    },
    fields: FIELDS,
    codeFields: { 'centres.exists': 'regionId' },
  });

  const required = (field: string) => ({ required: true, whitespace: true, message: t('queue.form.required', { field }) });

  return (
    <FormModal
      open={open}
      form={form}
      send={send}
      name="create-centre"
      title={t('queue.centres.create')}
      onCancel={() => {
        send.reset();
        form.resetFields();
        onClose();
      }}
      forceRender
      okButtonProps={{ 'data-testid': 'centre-form-submit' }}
      data-testid="centre-create-modal"
    >
      <Form.Item
        name="regionId"
        label={t('queue.fields.region')}
        extra={t('queue.centres.regionHint')}
        rules={[{ required: true, message: t('queue.form.required', { field: t('queue.fields.region') }) }]}
      >
        <RegionTreeSelect allowClear={false} testId="centre-form-region" placeholder={t('queue.fields.region')} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="name" label={t('queue.fields.name')} rules={[required(t('queue.fields.name')), { max: 100 }]}>
        <Input placeholder={t('queue.centres.namePlaceholder')} data-testid="centre-form-name" />
      </Form.Item>
      <Form.Item name="address" label={t('queue.fields.address')}>
        <Input data-testid="centre-form-address" />
      </Form.Item>
      <Form.Item name="phone" label={t('queue.fields.phone')}>
        <Input inputMode="tel" data-testid="centre-form-phone" />
      </Form.Item>
      <Form.Item name="hours" label={t('queue.fields.hours')}>
        <Input placeholder={t('queue.centres.hoursPlaceholder')} data-testid="centre-form-hours" />
      </Form.Item>
    </FormModal>
  );
}
