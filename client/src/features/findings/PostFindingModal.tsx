import { App as AntApp, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Finding, FindingModule } from '../../lib/api/types';
import type { Tagged } from '../../lib/api/client';
import { kpiApi, kpiKeys } from '../../lib/api/kpis';
import { useFormSend } from '../../lib/useFormSend';
import { FormModal } from '../../components/FormModal';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { findingsApi, findingsKeys } from './api';
import {
  findingRequestBody,
  FINDING_SEVERITIES,
  isFindingRecordType,
  recordModules,
  type PostFindingValues,
  type SubjectKind,
} from './model';

interface Props {
  open: boolean;
  onClose: () => void;
  onDone: (created: Tagged<Finding>) => void;
  /**
   * What each opening starts with (e.g. the KPI figure a row of the workspace quotes); without it the form keeps its
   * draft between openings.
   */
  initialValues?: PostFindingValues;
}

/** The API's field errors (`subject.recordId`, `title`…) go under these fields. */
const FIELDS = ['subject', 'severity', 'title', 'text'] as const;

/** The KPI figure's fields: the code (of the modules the grant opens), the region, the closed month, the revision. */
function FigureFields() {
  const { t } = useTranslation();
  const definitions = useQuery({
    queryKey: kpiKeys.definitions(),
    queryFn: ({ signal }) => kpiApi.definitions(undefined, signal),
    staleTime: 5 * 60_000,
  });
  const required = (field: string) => [{ required: true, message: t('findings.post.required', { field }) }];
  return (
    <>
      <Form.Item
        name={['subject', 'kpiCode']}
        label={t('findings.post.kpiCode')}
        rules={required(t('findings.post.kpiCode'))}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={definitions.isPending}
          options={(definitions.data ?? []).map((d) => ({ value: d.code, label: `${d.code} ${d.name}` }))}
          data-testid="finding-post-kpi"
        />
      </Form.Item>
      <Form.Item
        name={['subject', 'regionId']}
        label={t('findings.post.region')}
        rules={required(t('findings.post.region'))}
      >
        <RegionTreeSelect placeholder={t('findings.post.regionPlaceholder')} testId="finding-post-region" />
      </Form.Item>
      <Form.Item
        name={['subject', 'month']}
        label={t('findings.post.month')}
        rules={required(t('findings.post.month'))}
      >
        <DatePicker picker="month" style={{ width: '100%' }} data-testid="finding-post-month" />
      </Form.Item>
      <Form.Item
        name={['subject', 'revision']}
        label={t('findings.post.revision')}
        extra={t('findings.post.revisionHint')}
        rules={required(t('findings.post.revision'))}
      >
        <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="finding-post-revision" />
      </Form.Item>
    </>
  );
}

/** The record's fields: the module, the kind of record it offers (the API's, of the grant's modules), the record's
 * number. */
function RecordFields() {
  const { t } = useTranslation();
  const kinds = useQuery({
    queryKey: findingsKeys.recordKinds,
    queryFn: ({ signal }) => findingsApi.recordKinds(signal),
    staleTime: 5 * 60_000,
  });
  const form = Form.useFormInstance<PostFindingValues>();
  const module = Form.useWatch<FindingModule | undefined>(['subject', 'module'], form);
  const required = (field: string) => [{ required: true, message: t('findings.post.required', { field }) }];
  return (
    <>
      <Form.Item
        name={['subject', 'module']}
        label={t('findings.fields.module')}
        rules={required(t('findings.fields.module'))}
      >
        <Select
          loading={kinds.isPending}
          options={recordModules(kinds.data ?? []).map((m) => ({ value: m, label: t(`findings.modules.${m}`) }))}
          onChange={() => form.setFieldValue(['subject', 'recordType'], undefined)}
          data-testid="finding-post-module"
        />
      </Form.Item>
      <Form.Item
        name={['subject', 'recordType']}
        label={t('findings.post.recordType')}
        rules={required(t('findings.post.recordType'))}
      >
        <Select
          disabled={!module}
          options={(kinds.data ?? [])
            .filter((k) => k.module === module)
            .map((k) => ({
              value: k.recordType,
              label: (
                <span data-testid={`finding-post-record-type-${k.recordType}`}>
                  {isFindingRecordType(k.recordType) ? t(`findings.recordTypes.${k.recordType}`) : k.name}
                </span>
              ),
            }))}
          data-testid="finding-post-record-type"
        />
      </Form.Item>
      <Form.Item
        name={['subject', 'recordId']}
        label={t('findings.post.recordId')}
        extra={t('findings.post.recordIdHint')}
        rules={required(t('findings.post.recordId'))}
      >
        <Input maxLength={36} data-testid="finding-post-record-id" />
      </Form.Item>
    </>
  );
}

/** 提出评估意见 (evaluators): on a record of a module or on a frozen KPI figure; the API checks both are in the
 * grant. Once posted, the lists and the overview are read again. */
export function PostFindingModal({ open, onClose, onDone, initialValues }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PostFindingValues>();
  const kind = Form.useWatch<SubjectKind | undefined>(['subject', 'kind'], form);
  const send = useFormSend(form, {
    send: (v: PostFindingValues) => findingsApi.post(findingRequestBody(v)),
    onSuccess: (created) => {
      form.resetFields();
      void message.success(t('findings.post.done'));
      void queryClient.invalidateQueries({ queryKey: findingsKeys.lists });
      void queryClient.invalidateQueries({ queryKey: findingsKeys.summary });
      onDone(created);
    },
    fields: FIELDS,
  });
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('findings.post.required', { field }) },
  ];

  return (
    <FormModal<PostFindingValues>
      open={open}
      form={form}
      send={send}
      name="finding"
      title={t('findings.post.title')}
      okText={t('findings.post.submit')}
      okButtonProps={{ 'data-testid': 'finding-post-submit' }}
      onCancel={onClose}
      initialValues={{ subject: { kind: 'record' }, severity: 'medium' }}
      startOnOpen={initialValues ? () => initialValues : undefined}
      width={640}
      data-testid="finding-post-modal"
    >
      <Form.Item name={['subject', 'kind']} label={t('findings.post.kind')}>
        <Radio.Group optionType="button" buttonStyle="solid" data-testid="finding-post-kind">
          <Radio.Button value="record">
            <span data-testid="finding-post-kind-record">{t('findings.post.kinds.record')}</span>
          </Radio.Button>
          <Radio.Button value="figure">
            <span data-testid="finding-post-kind-figure">{t('findings.post.kinds.figure')}</span>
          </Radio.Button>
        </Radio.Group>
      </Form.Item>
      {kind === 'figure' ? <FigureFields /> : <RecordFields />}
      <Form.Item name="severity" label={t('findings.fields.severity')} rules={required(t('findings.fields.severity'))}>
        <Radio.Group optionType="button" data-testid="finding-post-severity">
          {FINDING_SEVERITIES.map((s) => (
            <Radio.Button key={s} value={s}>
              {t(`findings.severities.${s}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name="title" label={t('findings.fields.title')} rules={required(t('findings.fields.title'))}>
        <Input maxLength={200} data-testid="finding-post-title" />
      </Form.Item>
      <Form.Item name="text" label={t('findings.post.text')} rules={required(t('findings.post.text'))}>
        <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 4 }} data-testid="finding-post-text" />
      </Form.Item>
    </FormModal>
  );
}
