import { useEffect, useState } from 'react';
import { Col, DatePicker, Form, Input, Modal, Row, Select, type ButtonProps } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { Agreement } from '../../lib/api/types';
import { applyProblemToForm } from '../../lib/formErrors';
import { ProblemAlert } from '../../components/ProblemAlert';
import { powersApi } from './api';
import { ItemSelect } from './ItemSelect';
import { useCountyDepartments, useTownshipsOf } from './hooks';
import { countyToday } from '../../lib/dates';

interface FormValues {
  documentNo: string;
  departmentId: string;
  townshipId: string;
  signedOn: Dayjs;
  startsOn: Dayjs;
  endsOn: Dayjs;
  itemIds: string[];
  noticeUrl?: string;
}

const FIELDS = ['documentNo', 'departmentId', 'townshipId', 'signedOn', 'startsOn', 'endsOn', 'itemIds', 'noticeUrl'] as const;

interface Props {
  open: boolean;
  countyId: string | undefined;
  onClose: () => void;
  onCreated: (a: Agreement) => void;
}

/** 新建协议: a county department entrusts items to a township over a term. */
export function CreateAgreementModal({ open, countyId, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const departments = useCountyDepartments(countyId);
  const townships = useTownshipsOf(countyId);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const today = dayjs(countyToday());
    form.setFieldsValue({ signedOn: today, startsOn: today, endsOn: today.add(3, 'year').subtract(1, 'day'), itemIds: [] });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- resets the local state each time the modal opens or the record changes (the component stays mounted)
    setProblem(null);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- runs only when the modal opens; the form and values are read at that moment
  }, [open]);

  const create = useMutation({
    mutationFn: (v: FormValues) =>
      powersApi.createAgreement({
        documentNo: v.documentNo.trim(),
        departmentId: v.departmentId,
        townshipId: v.townshipId,
        signedOn: v.signedOn.format('YYYY-MM-DD'),
        startsOn: v.startsOn.format('YYYY-MM-DD'),
        endsOn: v.endsOn.format('YYYY-MM-DD'),
        itemIds: v.itemIds,
        noticeUrl: v.noticeUrl?.trim() || null,
      }),
    onSuccess: (a) => onCreated(a),
    onError: (e) => setProblem(applyProblemToForm(form, e, FIELDS, { 'agreements.document_no_taken': 'documentNo' }) ? null : e),
  });

  const choose = (field: string) => ({ required: true, message: t('powers.form.choose', { field }) });

  return (
    <Modal
      open={open}
      width={820}
      title={t('powers.agreement.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
      okButtonProps={{ 'data-testid': 'agreement-form-submit' } as ButtonProps}
      data-testid="agreement-create-modal"
    >
      {problem ? <ProblemAlert error={problem} style={{ marginBottom: 16 }} /> : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="create-agreement"
        onFinish={(v) => {
          setProblem(null);
          create.mutate(v);
        }}
      >
        <Form.Item
          name="documentNo"
          label={t('powers.agreement.documentNo')}
          rules={[{ required: true, whitespace: true, message: t('powers.form.required', { field: t('powers.agreement.documentNo') }) }]}
        >
          <Input maxLength={100} placeholder="清河SC委〔2026〕1号" data-testid="agreement-form-document-no" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="departmentId" label={t('powers.agreement.department')} rules={[choose(t('powers.agreement.department'))]}>
              <Select<string>
                data-testid="agreement-form-department"
                showSearch={{ optionFilterProp: 'label' }}
                options={(departments.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="townshipId" label={t('powers.agreement.township')} rules={[choose(t('powers.agreement.township'))]}>
              <Select<string>
                data-testid="agreement-form-township"
                showSearch={{ optionFilterProp: 'label' }}
                options={(townships.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="signedOn" label={t('powers.agreement.signedOn')} rules={[choose(t('powers.agreement.signedOn'))]}>
              <DatePicker style={{ width: '100%' }} data-testid="agreement-form-signed-on" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="startsOn" label={t('powers.agreement.startsOn')} rules={[choose(t('powers.agreement.startsOn'))]}>
              <DatePicker style={{ width: '100%' }} data-testid="agreement-form-starts-on" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="endsOn" label={t('powers.agreement.endsOn')} rules={[choose(t('powers.agreement.endsOn'))]}>
              <DatePicker style={{ width: '100%' }} data-testid="agreement-form-ends-on" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="itemIds" label={t('powers.agreement.items')} rules={[choose(t('powers.agreement.items'))]}>
          <ItemSelect testId="agreement-form-items" />
        </Form.Item>
        <Form.Item
          name="noticeUrl"
          label={t('powers.agreement.noticeUrlOptional')}
          rules={[{ type: 'url', message: t('powers.agreement.noticeUrlInvalid') }]}
        >
          <Input maxLength={500} placeholder="https://" data-testid="agreement-form-notice-url" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
