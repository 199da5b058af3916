import { Button, Checkbox, Col, Flex, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MaterialForm } from '../../lib/api/types';
import { RevisionFields } from '../../components/RevisionFields';
import { useRuleMessage } from './hooks';
import {
  CODE_PATTERN,
  MATERIAL_FORMS,
  MAX_STATUTORY_DAYS,
  MAX_STEPS,
  SERVICE_CHANNELS,
  SERVICE_KINDS,
  SERVICE_LEVELS,
  feeBasisRule,
  materialsRule,
  promisedDaysRule,
  stepsRule,
  type GuideFormValues,
  type GuideRule,
  type MaterialRow,
} from './model';

const NEW_MATERIAL: MaterialRow = { form: 'original', copies: 1, required: true };

interface Props {
  mode: 'create' | 'revise';
  /** The earliest effective date allowed (revisions: the day after the latest version's start). */
  minEffectiveFrom?: string;
}

/**
 * The fields of a guide (办事指南), inside a <Form<GuideFormValues>>. The rules the API enforces are checked here
 * first (model.ts); what the API still finds comes back as field errors under the same names.
 */
export function GuideFormFields({ mode, minEffectiveFrom }: Props) {
  const { t } = useTranslation();
  const ruleMessage = useRuleMessage();
  const form = Form.useFormInstance<GuideFormValues>();
  const kind = Form.useWatch('kind', form);
  const noMaterials = Form.useWatch('noMaterials', form);
  const fee = Form.useWatch('fee', form);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('powers.form.required', { field }) });
  const choose = (field: string) => ({ required: true, message: t('powers.form.choose', { field }) });
  /** A form rule's answer for a guide rule (model.ts): rejected with the API's wording when broken. */
  const broken = (rule: GuideRule | undefined, statutoryDays?: number | null) =>
    rule ? Promise.reject(new Error(ruleMessage(rule, { statutoryDays }))) : Promise.resolve();

  return (
    <>
      <Row gutter={16}>
        {mode === 'create' ? (
          <Col xs={24} md={8}>
            <Form.Item
              name="code"
              label={t('services.code')}
              extra={t('services.codeHint')}
              rules={[required(t('services.code')), { pattern: CODE_PATTERN, message: t('services.codeFormat') }]}
              normalize={(v: string) => v.toUpperCase()}
            >
              <Input maxLength={40} data-testid="guide-form-code" placeholder="BM-0001" />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24} md={mode === 'create' ? 16 : 24}>
          <Form.Item name="name" label={t('services.name')} rules={[required(t('services.name'))]}>
            <Input maxLength={200} data-testid="guide-form-name" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="level" label={t('services.level')} rules={[choose(t('services.level'))]}>
            <Radio.Group
              optionType="button"
              data-testid="guide-form-level"
              options={SERVICE_LEVELS.map((l) => ({ value: l, label: t(`services.levels.${l}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="kind" label={t('services.kind')} rules={[choose(t('services.kind'))]}>
            <Radio.Group
              optionType="button"
              data-testid="guide-form-kind"
              options={SERVICE_KINDS.map((k) => ({ value: k, label: t(`services.kinds.${k}`) }))}
              onChange={(e) => {
                // 即办件 are completed on the spot: no promised days
                if (e.target.value === 'immediate') form.setFieldValue('promisedDays', null);
              }}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="legalBasis" label={t('services.legalBasis')} rules={[required(t('services.legalBasis'))]}>
        <Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="guide-form-legal-basis" />
      </Form.Item>
      <Form.Item name="conditions" label={t('services.conditions')} rules={[required(t('services.conditions'))]}>
        <Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="guide-form-conditions" />
      </Form.Item>

      <Form.Item label={t('services.materials')} style={{ marginBottom: 0 }} required>
        <Form.Item name="noMaterials" valuePropName="checked" style={{ marginBottom: 8 }} extra={t('services.noMaterialsHint')}>
          <Checkbox
            data-testid="guide-form-no-materials"
            onChange={(e) => {
              form.setFieldValue('materials', e.target.checked ? [] : [{ ...NEW_MATERIAL }]);
              form.setFields([{ name: 'materials', errors: [] }]);
            }}
          >
            {t('services.noMaterials')}
          </Checkbox>
        </Form.Item>
        <Form.List
          name="materials"
          rules={[
            {
              validator: (_, rows: MaterialRow[] | undefined) =>
                broken(materialsRule(rows?.length ?? 0, form.getFieldValue('noMaterials') as boolean | undefined)),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <div data-testid="guide-form-materials">
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start" wrap data-testid="material-row">
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[required(t('services.materialName'))]}
                    style={{ flex: '3 1 200px', marginBottom: 8 }}
                  >
                    <Input placeholder={t('services.materialName')} data-testid={`material-name-${index}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'form']} rules={[choose(t('services.materialForm'))]} style={{ flex: '1 1 140px', marginBottom: 8 }}>
                    <Select<MaterialForm>
                      data-testid={`material-form-${index}`}
                      aria-label={t('services.materialForm')}
                      options={MATERIAL_FORMS.map((f) => ({ value: f, label: t(`services.forms.${f}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'copies']} rules={[choose(t('services.copies'))]} style={{ width: 110, marginBottom: 8 }}>
                    <InputNumber
                      min={1}
                      max={99}
                      precision={0}
                      suffix={t('services.copiesUnit')}
                      aria-label={t('services.copies')}
                      style={{ width: '100%' }}
                      data-testid={`material-copies-${index}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'required']} valuePropName="checked" style={{ marginBottom: 8, paddingTop: 5 }}>
                    <Checkbox data-testid={`material-required-${index}`}>{t('services.required')}</Checkbox>
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('services.removeMaterial')}
                    onClick={() => remove(field.name)}
                    data-testid={`material-remove-${index}`}
                  />
                </Flex>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                onClick={() => add({ ...NEW_MATERIAL })}
                icon={<PlusOutlined />}
                disabled={!!noMaterials}
                style={{ marginBottom: 16 }}
                data-testid="material-add"
              >
                {t('services.addMaterial')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form.Item>

      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="statutoryDays"
            label={t('services.statutoryDays')}
            rules={[choose(t('services.statutoryDays'))]}
          >
            <InputNumber
              min={0}
              max={MAX_STATUTORY_DAYS}
              precision={0}
              suffix={t('services.daysUnit')}
              style={{ width: '100%' }}
              data-testid="guide-form-statutory-days"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="promisedDays"
            label={t('services.promisedDays')}
            extra={kind === 'immediate' ? t('services.immediateNoPromise') : undefined}
            required={kind === 'promised'}
            dependencies={['kind', 'statutoryDays']}
            rules={[
              {
                validator: (_, value: number | null | undefined) => {
                  const statutory = form.getFieldValue('statutoryDays') as number | null | undefined;
                  return broken(promisedDaysRule(form.getFieldValue('kind'), value, statutory), statutory);
                },
              },
            ]}
          >
            <InputNumber
              min={1}
              max={MAX_STATUTORY_DAYS}
              precision={0}
              suffix={t('services.daysUnit')}
              disabled={kind === 'immediate'}
              style={{ width: '100%' }}
              data-testid="guide-form-promised-days"
            />
          </Form.Item>
        </Col>
      </Row>

      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item name="fee" label={t('services.fee')}>
            <Radio.Group
              optionType="button"
              data-testid="guide-form-fee"
              options={[
                { value: 'free', label: t('services.free') },
                { value: 'charged', label: t('services.charged') },
              ]}
            />
          </Form.Item>
        </Col>
        {fee === 'charged' ? (
          <>
            <Col xs={24} md={6}>
              <Form.Item
                name="feeAmount"
                label={t('services.feeAmount')}
                rules={[{ required: true, type: 'number', min: 0.01, message: t('powers.form.required', { field: t('services.feeAmount') }) }]}
              >
                <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="guide-form-fee-amount" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="feeBasis"
                label={t('services.feeBasis')}
                dependencies={['feeAmount']}
                rules={[
                  {
                    validator: (_, value: string | undefined) => broken(feeBasisRule(form.getFieldValue('feeAmount'), value)),
                  },
                ]}
              >
                <Input maxLength={500} data-testid="guide-form-fee-basis" />
              </Form.Item>
            </Col>
          </>
        ) : null}
      </Row>

      <Form.Item label={t('services.steps')} extra={t('services.stepsHint', { max: MAX_STEPS })} style={{ marginBottom: 16 }} required>
        <Form.List name="steps" rules={[{ validator: (_, steps: string[] | undefined) => broken(stepsRule(steps)) }]}>
          {(fields, { add, remove }, { errors }) => (
            <div data-testid="guide-form-steps">
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start" data-testid="step-row">
                  <Form.Item name={field.name} rules={[required(t('services.stepName'))]} style={{ flex: 1, marginBottom: 8 }}>
                    <Input
                      prefix={`${index + 1}.`}
                      maxLength={200}
                      placeholder={t('services.stepName')}
                      data-testid={`step-${index}`}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('services.removeStep')}
                    onClick={() => remove(field.name)}
                    data-testid={`step-remove-${index}`}
                  />
                </Flex>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                onClick={() => add('')}
                icon={<PlusOutlined />}
                disabled={fields.length >= MAX_STEPS}
                data-testid="step-add"
              >
                {t('services.addStep')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form.Item>

      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="phone" label={t('services.phone')} rules={[required(t('services.phone'))]}>
            <Input maxLength={30} data-testid="guide-form-phone" placeholder="0000-12345678" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="channels" label={t('services.channels')} rules={[{ required: true, type: 'array', min: 1, message: t('powers.form.choose', { field: t('services.channels') }) }]}>
            <Checkbox.Group
              data-testid="guide-form-channels"
              options={SERVICE_CHANNELS.map((c) => ({ value: c, label: t(`services.channelNames.${c}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <RevisionFields
        labels={{ effectiveFrom: t('services.effectiveFrom'), changeNote: t('services.changeNote') }}
        testIdPrefix="guide-form"
        minEffectiveFrom={minEffectiveFrom}
      />
    </>
  );
}
