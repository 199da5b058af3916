import { useEffect, useState } from 'react';
import { Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, type ButtonProps } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { Admission, AdmissionKind, ListKind } from '../../lib/api/types';
import { applyProblemToForm, splitFieldErrors } from '../../lib/formErrors';
import { ProblemAlert } from '../../components/ProblemAlert';
import { powersApi } from './api';
import { useTownshipsOf } from './hooks';
import { ItemSelect } from './ItemSelect';
import { ADMISSION_KINDS } from './admissionModel';
import { countyToday } from '../../lib/dates';

interface Values {
  kind: AdmissionKind;
  itemIds: string[];
  townshipIds: string[];
  mode: 'statutory' | 'granted';
  listKind: Exclude<ListKind, 'withdrawn'>;
  effectiveFrom: Dayjs;
  legalBasis: string;
  reason: string;
  postsOffered: number | null;
  fundsOffered: number | null;
}

const FIELDS = [
  'kind',
  'itemIds',
  'townshipIds',
  'mode',
  'listKind',
  'effectiveFrom',
  'legalBasis',
  'reason',
  'postsOffered',
  'fundsOffered',
] as const;

/** 提交申请: a county department asks to hand one item to townships (准入) or take it back (收回). */
export function SubmitAdmissionModal({
  open,
  countyId,
  onClose,
  onCreated,
}: {
  open: boolean;
  countyId: string | undefined;
  onClose: () => void;
  onCreated: (a: Admission) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<unknown>(null);
  const townships = useTownshipsOf(countyId);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      kind: 'admission',
      mode: 'statutory',
      listKind: 'basic',
      effectiveFrom: dayjs(countyToday()),
      postsOffered: 0,
      fundsOffered: 0,
    });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- resets the local state each time the modal opens or the record changes (the component stays mounted)
    setProblem(null);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- runs only when the modal opens; the form and values are read at that moment
  }, [open]);

  const submit = useMutation({
    mutationFn: (v: Values) =>
      powersApi.submitAdmission({
        kind: v.kind,
        itemId: v.itemIds[0] ?? null,
        townshipIds: v.townshipIds,
        mode: v.mode,
        listKind: v.listKind,
        effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
        legalBasis: v.legalBasis.trim(),
        reason: v.reason.trim(),
        postsOffered: v.postsOffered ?? 0,
        fundsOffered: v.fundsOffered ?? 0,
      }),
    onSuccess: onCreated,
    onError: (e) => {
      // field errors under their fields; anything else (e.g. about itemId) in the alert
      const applied = applyProblemToForm(form, e, FIELDS);
      setProblem(!applied || splitFieldErrors(e, FIELDS).other.length > 0 ? e : null);
    },
  });

  const required = (field: string) => ({ required: true, whitespace: true, message: t('powers.form.required', { field }) });

  return (
    <Modal
      open={open}
      width={720}
      title={t('admissions.submitTitle')}
      okText={t('admissions.actions.submit')}
      okButtonProps={{ 'data-testid': 'admission-form-submit' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={submit.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
      data-testid="admission-form-modal"
    >
      {problem ? <ProblemAlert error={problem} style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        name="submit-admission"
        onFinish={(v) => {
          setProblem(null);
          submit.mutate(v);
        }}
      >
        <Form.Item name="kind" label={t('admissions.kind')} rules={[{ required: true }]}>
          <Radio.Group
            data-testid="admission-form-kind"
            optionType="button"
            options={ADMISSION_KINDS.map((k) => ({ value: k, label: t(`admissions.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="itemIds"
          label={t('admissions.item')}
          rules={[{ required: true, message: t('admissions.pickItem') }]}
        >
          <ItemSelect testId="admission-form-item" maxCount={1} />
        </Form.Item>
        <Form.Item
          name="townshipIds"
          label={t('admissions.townships')}
          rules={[{ required: true, message: t('admissions.pickTownships') }]}
        >
          <Select<string[]>
            mode="multiple"
            data-testid="admission-form-townships"
            showSearch={{ optionFilterProp: 'label' }}
            loading={townships.isPending && !!countyId}
            options={(townships.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            optionRender={(o) => <span data-testid="township-option">{o.label}</span>}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="mode" label={t('admissions.mode')} rules={[{ required: true }]}>
              <Radio.Group
                data-testid="admission-form-mode"
                options={(['statutory', 'granted'] as const).map((m) => ({ value: m, label: t(`powers.modes.${m}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="listKind" label={t('admissions.listKind')} rules={[{ required: true }]}>
              <Radio.Group
                data-testid="admission-form-list-kind"
                options={(['basic', 'supporting'] as const).map((k) => ({ value: k, label: t(`powers.listKinds.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="effectiveFrom"
              label={t('admissions.effectiveFrom')}
              rules={[{ required: true, message: t('powers.form.choose', { field: t('admissions.effectiveFrom') }) }]}
            >
              <DatePicker style={{ width: '100%' }} data-testid="admission-form-effective-from" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="legalBasis" label={t('admissions.legalBasis')} rules={[required(t('admissions.legalBasis'))]}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} data-testid="admission-form-legal-basis" />
        </Form.Item>
        <Form.Item name="reason" label={t('admissions.reason')} rules={[required(t('admissions.reason'))]}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} data-testid="admission-form-reason" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="postsOffered" label={t('admissions.postsOffered')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="admission-form-posts" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="fundsOffered" label={t('admissions.fundsOffered')}>
              <InputNumber min={0} step={0.1} style={{ width: '100%' }} data-testid="admission-form-funds" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
