import { Alert, DatePicker, Form, Input, Radio, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { Education, PostRequest, StaffPerson } from '../../lib/api/types';
import { useFormSend } from '../../lib/useFormSend';
import { countyToday } from '../../lib/dates';
import { FormModal } from '../../components/FormModal';
import { staffingApi } from './api';
import { EDUCATIONS, fromIdNumber } from './model';

interface Values {
  name?: string;
  idNumber?: string;
  gender?: 'male' | 'female';
  birthDate?: Dayjs;
  education?: Education;
  professional?: boolean;
  leader?: boolean;
  title?: string;
  enteredOn?: Dayjs;
  documentNo?: string;
}

const FIELDS = ['name', 'idNumber', 'gender', 'birthDate', 'education', 'professional', 'title', 'enteredOn', 'documentNo', 'leader'] as const;

/** 入编: a person takes one of the posts an approved request reserved. */
export function HireModal({
  request,
  open,
  onClose,
  onHired,
}: {
  request: PostRequest;
  open: boolean;
  onClose: () => void;
  onHired: (p: StaffPerson) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const send = useFormSend(form, {
    send: (v: Values) =>
      staffingApi.hire({
        requestId: request.id,
        name: v.name?.trim() || null,
        idNumber: v.idNumber?.trim().toUpperCase() || null,
        gender: v.gender ?? null,
        birthDate: v.birthDate ? v.birthDate.format('YYYY-MM-DD') : null,
        education: v.education ?? null,
        professional: v.professional ?? false,
        title: v.title?.trim() || null,
        enteredOn: v.enteredOn ? v.enteredOn.format('YYYY-MM-DD') : null,
        documentNo: v.documentNo?.trim() || null,
        leader: v.leader ?? false,
      }),
    onSuccess: ({ data }) => onHired(data),
    fields: FIELDS,
  });
  const required = (field: string) => ({ required: true, message: t('staffing.form.required', { field }) });

  return (
    <FormModal<Values>
      open={open}
      form={form}
      send={send}
      name="hire"
      title={t('staffing.people.hireTitle', { unit: request.unitName })}
      startOnOpen={() => ({ enteredOn: dayjs(countyToday()), professional: false, leader: false, education: 'bachelor' })}
      onValuesChange={(changed: Partial<Values>) => {
        if (changed.idNumber === undefined) return;
        const read = fromIdNumber(changed.idNumber);
        if (read) form.setFieldsValue({ birthDate: dayjs(read.birthDate), gender: read.gender });
      }}
      okButtonProps={{ 'data-testid': 'hire-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="hire-modal"
      intro={
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('staffing.people.hireIntro', { kind: request.kindName, funding: request.fundingName, left: request.posts - request.used })}
        />
      }
    >
      <Form.Item name="name" label={t('staffing.people.name')} rules={[{ ...required(t('staffing.people.name')), whitespace: true }]}>
        <Input maxLength={50} data-testid="hire-name" />
      </Form.Item>
      <Form.Item name="idNumber" label={t('staffing.people.idNumber')} rules={[required(t('staffing.people.idNumber'))]}>
        <Input maxLength={18} data-testid="hire-id-number" />
      </Form.Item>
      <Form.Item name="gender" label={t('staffing.people.gender')} rules={[required(t('staffing.people.gender'))]}>
        <Radio.Group
          data-testid="hire-gender"
          options={[
            { value: 'male', label: t('staffing.gender.male') },
            { value: 'female', label: t('staffing.gender.female') },
          ]}
        />
      </Form.Item>
      <Form.Item name="birthDate" label={t('staffing.people.birthDate')} rules={[required(t('staffing.people.birthDate'))]}>
        <DatePicker style={{ width: '100%' }} data-testid="hire-birth-date" />
      </Form.Item>
      <Form.Item name="education" label={t('staffing.people.education')} rules={[required(t('staffing.people.education'))]}>
        <Select data-testid="hire-education" options={EDUCATIONS.map((e) => ({ value: e, label: t(`staffing.education.${e}`) }))} />
      </Form.Item>
      <Form.Item name="professional" label={t('staffing.people.professional')} valuePropName="checked">
        <Switch data-testid="hire-professional" />
      </Form.Item>
      <Form.Item name="leader" label={t('staffing.people.leader')} valuePropName="checked" extra={t('staffing.people.leaderHint')}>
        <Switch data-testid="hire-leader" />
      </Form.Item>
      <Form.Item name="title" label={t('staffing.people.title')}>
        <Input maxLength={50} data-testid="hire-title" />
      </Form.Item>
      <Form.Item name="enteredOn" label={t('staffing.people.enteredOn')} rules={[required(t('staffing.people.enteredOn'))]}>
        <DatePicker style={{ width: '100%' }} data-testid="hire-entered-on" />
      </Form.Item>
      <Form.Item name="documentNo" label={t('staffing.fields.documentNo')} rules={[{ ...required(t('staffing.fields.documentNo')), whitespace: true }]}>
        <Input maxLength={100} data-testid="hire-document-no" />
      </Form.Item>
    </FormModal>
  );
}
