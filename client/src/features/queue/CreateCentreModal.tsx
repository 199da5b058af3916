import { useState } from 'react';
import { Form, Input, Modal, type ButtonProps } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CentreDetail, CreateCentreRequest } from '../../lib/api/types';
import { applyProblemToForm } from '../../lib/formErrors';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RegionTreeSelect } from '../organization/RegionTreeSelect';
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
  const [problem, setProblem] = useState<unknown>(null);

  const create = useMutation({
    mutationFn: (body: CreateCentreRequest) => queueApi.createCentre(body),
    onSuccess: (detail) => {
      form.resetFields();
      setProblem(null);
      onCreated(detail);
    },
    onError: (e) => {
      const mapped = applyProblemToForm(form, e, FIELDS, { 'centres.exists': 'regionId' });
      setProblem(mapped ? null : e);
    },
  });

  const required = (field: string) => ({ required: true, whitespace: true, message: t('queue.form.required', { field }) });

  return (
    <Modal
      open={open}
      title={t('queue.centres.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        setProblem(null);
        form.resetFields();
        onClose();
      }}
      forceRender
      okButtonProps={{ 'data-testid': 'centre-form-submit' } as ButtonProps}
      data-testid="centre-create-modal"
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="create-centre"
        onFinish={(v) => {
          setProblem(null);
          create.mutate({
            regionId: v.regionId,
            name: v.name.trim(),
            address: trimmed(v.address),
            phone: trimmed(v.phone),
            hours: trimmed(v.hours),
          });
        }}
      >
        {problem ? <ProblemAlert error={problem} style={{ marginBottom: 16 }} /> : null}
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
      </Form>
    </Modal>
  );
}
