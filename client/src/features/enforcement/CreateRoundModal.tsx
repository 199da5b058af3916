import { Alert, Button, DatePicker, Flex, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AssessmentRound, RoundDirection } from '../../lib/api/types';
import type { Tagged } from '../../lib/api/client';
import { countyToday } from '../../lib/dates';
import { useFormSend } from '../../lib/useFormSend';
import { FormModal } from '../../components/FormModal';
import { enforcementApi } from './api';
import { useRequiredRule } from './formRules';
import { useCountyDepartments } from './hooks';
import {
  defaultIndicators,
  roundBody,
  weightTotal,
  COMPUTED_KPIS,
  MANUAL,
  PERIOD_KINDS,
  ROUND_DIRECTIONS,
  ROUND_FIELDS,
  type RoundValues,
} from './assessmentModel';

interface Props {
  open: boolean;
  onClose: () => void;
  onDone: (created: Tagged<AssessmentRound>) => void;
}

/** The next quarter to assess: the current one (a round is usually set up during its last month). */
function startingValues(): RoundValues {
  const today = dayjs(countyToday());
  return {
    direction: 'townships',
    periodKind: 'quarter',
    year: today.year(),
    quarter: Math.floor(today.month() / 3) + 1,
    opensOn: today,
    closesOn: today.add(14, 'day'),
    indicators: defaultIndicators('townships'),
  };
}

/**
 * 创建双向考核 (the county, enforcement.assess): the direction, the period, the scoring window, the departments taking
 * part and the indicator set — each hand-scored or computed from the cases (never from fines: 行政处罚法 74), the
 * weights adding up to 100. The API checks the same and puts its messages under the fields.
 */
export function CreateRoundModal({ open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const rule = useRequiredRule();
  const [form] = Form.useForm<RoundValues>();
  const direction = Form.useWatch('direction', form);
  const periodKind = Form.useWatch('periodKind', form);
  const indicators = Form.useWatch('indicators', form);
  const departments = useCountyDepartments(open);
  const send = useFormSend(form, {
    send: (v: RoundValues) => enforcementApi.createRound(roundBody(v)),
    onSuccess: onDone,
    fields: ROUND_FIELDS,
  });
  const f = (k: 'title' | 'direction' | 'periodKind' | 'year' | 'quarter' | 'departments') =>
    t(`enforcement.assessments.fields.${k}`);
  const ind = (k: 'code' | 'name' | 'weight' | 'maxScore' | 'source') => t(`enforcement.assessments.indicator.${k}`);
  const total = weightTotal(indicators);
  const sourceOptions = [
    { value: MANUAL, label: t('enforcement.assessments.indicator.manual') },
    ...COMPUTED_KPIS.map((k) => ({
      value: `computed:${k}`,
      label: t('enforcement.assessments.indicator.computed', { name: t(`enforcement.assessments.sources.${k}`) }),
      disabled: direction === 'departments',
    })),
  ];

  return (
    <FormModal<RoundValues>
      open={open}
      form={form}
      send={send}
      name="round"
      title={t('enforcement.assessments.createTitle')}
      okText={t('enforcement.assessments.create')}
      okButtonProps={{ 'data-testid': 'round-submit' }}
      onCancel={onClose}
      startOnOpen={startingValues}
      width={900}
      onValuesChange={(changed: Partial<RoundValues>) => {
        // each direction starts from its own indicator set (townships scoring departments: by hand only)
        if (changed.direction) form.setFieldValue('indicators', defaultIndicators(changed.direction));
      }}
      intro={<Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('enforcement.assessments.art74')} />}
      data-testid="round-modal"
    >
      <Form.Item name="title" label={f('title')} rules={[rule(f('title'), true)]}>
        <Input maxLength={100} data-testid="round-title" />
      </Form.Item>
      <Form.Item name="direction" label={f('direction')} rules={[rule(f('direction'))]}>
        <Radio.Group
          optionType="button"
          options={ROUND_DIRECTIONS.map((d: RoundDirection) => ({
            value: d,
            label: <span data-testid={`round-direction-${d}`}>{t(`enforcement.assessments.directions.${d}`)}</span>,
          }))}
        />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="periodKind" label={f('periodKind')} rules={[rule(f('periodKind'))]}>
          <Radio.Group
            optionType="button"
            options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`enforcement.assessments.periodKinds.${k}`) }))}
            data-testid="round-period-kind"
          />
        </Form.Item>
        <Form.Item name="year" label={f('year')} rules={[rule(f('year'))]}>
          <InputNumber min={2000} max={2100} precision={0} data-testid="round-year" />
        </Form.Item>
        {periodKind === 'quarter' ? (
          <Form.Item name="quarter" label={f('quarter')} rules={[rule(f('quarter'))]}>
            <Select
              style={{ width: 120 }}
              options={[1, 2, 3, 4].map((n) => ({ value: n, label: t('enforcement.assessments.quarterN', { n }) }))}
              data-testid="round-quarter"
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="opensOn"
          label={t('enforcement.assessments.fields.window')}
          rules={[rule(t('enforcement.assessments.fields.window'))]}
        >
          <DatePicker data-testid="round-opens-on" />
        </Form.Item>
        <Form.Item
          name="closesOn"
          label=" "
          rules={[rule(t('enforcement.assessments.fields.window'))]}
        >
          <DatePicker data-testid="round-closes-on" />
        </Form.Item>
      </Flex>
      <Form.Item name="departmentIds" label={f('departments')} extra={t('enforcement.assessments.departmentsHint')}>
        <Select
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={departments.isPending}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          data-testid="round-departments"
        />
      </Form.Item>
      <Typography.Title level={5}>{t('enforcement.assessments.fields.indicators')}</Typography.Title>
      {direction === 'departments' ? (
        <Typography.Paragraph type="secondary">
          {t('enforcement.assessments.noComputedForDepartments')}
        </Typography.Paragraph>
      ) : null}
      <Form.List name="indicators">
        {(fields, { add, remove }, { errors }) => (
          <div data-testid="round-indicators">
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="flex-start" wrap data-testid="round-indicator">
                <Form.Item
                  name={[field.name, 'code']}
                  rules={[rule(ind('code'), true)]}
                  style={{ width: 120 }}
                  tooltip={t('enforcement.assessments.indicator.codeRule')}
                >
                  <Input placeholder={ind('code')} maxLength={30} data-testid="indicator-code" />
                </Form.Item>
                <Form.Item name={[field.name, 'name']} rules={[rule(ind('name'), true)]} style={{ width: 220 }}>
                  <Input placeholder={ind('name')} maxLength={100} data-testid="indicator-name" />
                </Form.Item>
                <Form.Item name={[field.name, 'weight']} rules={[rule(ind('weight'))]} style={{ width: 100 }}>
                  <InputNumber
                    placeholder={ind('weight')}
                    min={0}
                    max={100}
                    precision={2}
                    data-testid="indicator-weight"
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'maxScore']} rules={[rule(ind('maxScore'))]} style={{ width: 100 }}>
                  <InputNumber
                    placeholder={ind('maxScore')}
                    min={0}
                    max={1000}
                    precision={2}
                    data-testid="indicator-max"
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'source']} rules={[rule(ind('source'))]} style={{ width: 200 }}>
                  <Select options={sourceOptions} data-testid="indicator-source" />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('enforcement.assessments.indicator.remove')}
                  onClick={() => remove(field.name)}
                  data-testid="indicator-remove"
                />
              </Flex>
            ))}
            <Flex gap={16} align="center">
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                disabled={fields.length >= 20}
                onClick={() => add({ source: MANUAL, maxScore: 10 })}
                data-testid="indicator-add"
              >
                {t('enforcement.assessments.indicator.add')}
              </Button>
              <Typography.Text type={total === 100 ? 'secondary' : 'danger'} data-testid="indicator-weight-total">
                {t('enforcement.assessments.indicator.weightTotal', { total })}
              </Typography.Text>
            </Flex>
            <Form.ErrorList errors={errors} />
          </div>
        )}
      </Form.List>
    </FormModal>
  );
}
