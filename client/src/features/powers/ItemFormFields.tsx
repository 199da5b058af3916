import { Button, Col, Flex, Form, Input, Row, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type {
  CreatePowerItemRequest,
  PowerItemVersion,
  PowerItemVersionRequest,
  PowerType,
} from '../../lib/api/types';
import { RevisionFields } from '../../components/RevisionFields';
import { POWER_TYPES } from './model';
import { useCountyDepartments, useCountyUnits, useDomains } from './hooks';

export interface LegalBasisRow {
  law?: string;
  article?: string;
  text?: string;
}

/** What the item form holds (create and revise share it; `code` only when creating). */
export interface ItemFormValues {
  code?: string;
  name: string;
  type: PowerType;
  domainCode: string;
  departmentId: string;
  supervisorId?: string;
  legalBasis: LegalBasisRow[];
  responsibilities: string[];
  accountabilities: string[];
  effectiveFrom: Dayjs;
  changeNote: string;
}

/** Names of the form's fields, as the API names them in a problem's `errors` (indexed keys map into legalBasis). */
export const ITEM_FORM_FIELDS = [
  'code',
  'name',
  'type',
  'domainCode',
  'departmentId',
  'supervisorId',
  'legalBasis',
  'responsibilities',
  'accountabilities',
  'effectiveFrom',
  'changeNote',
] as const;

/** The usual 责任事项 and 追责情形 (offered as suggestions, and prefilled for a new item). */
export const COMMON_RESPONSIBILITIES = ['受理责任', '审查责任', '决定责任', '送达责任', '事后监管责任', '其他法律法规规章文件规定应履行的责任'];
export const COMMON_ACCOUNTABILITIES = ['不依法履行职责', '滥用职权', '玩忽职守', '徇私舞弊'];

const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

export function toVersionRequest(v: ItemFormValues): PowerItemVersionRequest {
  return {
    name: v.name.trim(),
    type: v.type,
    domainCode: v.domainCode,
    departmentId: v.departmentId,
    supervisorId: v.supervisorId ?? null,
    legalBasis: (v.legalBasis ?? []).map((b) => ({ law: (b.law ?? '').trim(), article: blank(b.article), text: blank(b.text) })),
    responsibilities: v.responsibilities ?? [],
    accountabilities: v.accountabilities ?? [],
    effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
    changeNote: v.changeNote.trim(),
  };
}

export function toCreateRequest(v: ItemFormValues): CreatePowerItemRequest {
  return { code: (v.code ?? '').trim().toUpperCase(), ...toVersionRequest(v) };
}

/** Form values of a revision: the latest version's content, a new date and an empty change note. */
export function valuesFromVersion(v: PowerItemVersion, effectiveFrom: string): ItemFormValues {
  return {
    name: v.name,
    type: v.type,
    domainCode: v.domainCode,
    departmentId: v.departmentId ?? '',
    supervisorId: v.supervisorId ?? undefined,
    legalBasis: v.legalBasis.map((b) => ({ law: b.law, article: b.article ?? undefined, text: b.text ?? undefined })),
    responsibilities: [...v.responsibilities],
    accountabilities: [...v.accountabilities],
    effectiveFrom: dayjs(effectiveFrom),
    changeNote: '',
  };
}

export function newItemValues(today: string): Partial<ItemFormValues> {
  return {
    legalBasis: [{}],
    responsibilities: [...COMMON_RESPONSIBILITIES],
    accountabilities: [...COMMON_ACCOUNTABILITIES],
    effectiveFrom: dayjs(today),
    changeNote: '新增事项',
  };
}

interface Props {
  mode: 'create' | 'revise';
  countyId: string | undefined;
  /** The earliest effective date allowed (revisions: the day after the latest version's start). */
  minEffectiveFrom?: string;
}

/** The fields of an item (version): inside a <Form<ItemFormValues>>. */
export function ItemFormFields({ mode, countyId, minEffectiveFrom }: Props) {
  const { t } = useTranslation();
  const domains = useDomains();
  const departments = useCountyDepartments(countyId);
  const units = useCountyUnits(countyId);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('powers.form.required', { field }) });
  const form = Form.useFormInstance<ItemFormValues>();
  const type = Form.useWatch('type', form);

  return (
    <>
      <Row gutter={16}>
        {mode === 'create' ? (
          <Col xs={24} md={8}>
            <Form.Item
              name="code"
              label={t('powers.item.code')}
              extra={t('powers.item.codeHint')}
              rules={[
                required(t('powers.item.code')),
                { pattern: /^[A-Za-z]{2}\d{8}$/, message: t('powers.item.codeFormat') },
                {
                  validator: (_, value: string | undefined) =>
                    !value || !type || value.slice(0, 2).toUpperCase() === type
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('powers.item.codeTypeMismatch', { type }))),
                },
              ]}
              dependencies={['type']}
              normalize={(v: string) => v.toUpperCase()}
            >
              <Input maxLength={10} data-testid="item-form-code" placeholder="CF00123000" />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24} md={mode === 'create' ? 16 : 24}>
          <Form.Item name="name" label={t('powers.item.name')} rules={[required(t('powers.item.name'))]}>
            <Input maxLength={200} data-testid="item-form-name" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="type" label={t('powers.item.type')} rules={[{ required: true, message: t('powers.form.choose', { field: t('powers.item.type') }) }]}>
            <Select<PowerType>
              data-testid="item-form-type"
              options={POWER_TYPES.map((p) => ({ value: p, label: `${t(`powers.types.${p}`)}（${p}）` }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="domainCode" label={t('powers.item.domain')} rules={[{ required: true, message: t('powers.form.choose', { field: t('powers.item.domain') }) }]}>
            <Select<string>
              data-testid="item-form-domain"
              loading={domains.isPending}
              options={(domains.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="departmentId"
            label={t('powers.item.department')}
            rules={[{ required: true, message: t('powers.form.choose', { field: t('powers.item.department') }) }]}
          >
            <Select<string>
              data-testid="item-form-department"
              showSearch={{ optionFilterProp: 'label' }}
              loading={departments.isPending && !!countyId}
              options={(departments.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="supervisorId" label={t('powers.item.supervisorOptional')}>
        <Select<string>
          allowClear
          data-testid="item-form-supervisor"
          showSearch={{ optionFilterProp: 'label' }}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>

      <Form.Item label={t('powers.item.legalBasis')} required={false} style={{ marginBottom: 0 }}>
        <Form.List name="legalBasis">
          {(fields, { add, remove }, { errors }) => (
            <div data-testid="item-form-legal-basis">
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start" data-testid="legal-basis-row">
                  <Form.Item
                    name={[field.name, 'law']}
                    rules={[required(t('powers.item.law'))]}
                    style={{ flex: 3, marginBottom: 8 }}
                  >
                    <Input placeholder={t('powers.item.law')} data-testid={`legal-basis-law-${index}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'article']} style={{ flex: 1, marginBottom: 8 }}>
                    <Input placeholder={t('powers.item.article')} data-testid={`legal-basis-article-${index}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'text']} style={{ flex: 4, marginBottom: 8 }}>
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      placeholder={t('powers.item.lawText')}
                      data-testid={`legal-basis-text-${index}`}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('powers.item.removeBasis')}
                    onClick={() => remove(field.name)}
                    data-testid={`legal-basis-remove-${index}`}
                  />
                </Flex>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                onClick={() => add({})}
                icon={<PlusOutlined />}
                style={{ marginBottom: 16 }}
                data-testid="legal-basis-add"
              >
                {t('powers.item.addBasis')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form.Item>

      <Form.Item name="responsibilities" label={t('powers.item.responsibilities')}>
        <Select<string[]>
          mode="tags"
          data-testid="item-form-responsibilities"
          tokenSeparators={[',', '，', '、']}
          options={COMMON_RESPONSIBILITIES.map((r) => ({ value: r, label: r }))}
        />
      </Form.Item>
      <Form.Item name="accountabilities" label={t('powers.item.accountabilities')}>
        <Select<string[]>
          mode="tags"
          data-testid="item-form-accountabilities"
          tokenSeparators={[',', '，', '、']}
          options={COMMON_ACCOUNTABILITIES.map((r) => ({ value: r, label: r }))}
        />
      </Form.Item>
      <RevisionFields
        labels={{ effectiveFrom: t('powers.item.effectiveFrom'), changeNote: t('powers.item.changeNote') }}
        testIdPrefix="item-form"
        minEffectiveFrom={minEffectiveFrom}
      />
    </>
  );
}
