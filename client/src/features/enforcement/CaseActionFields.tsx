// The fields of a case's step forms: each is named as in the request body, so the API's 400 lands under it.
import { Checkbox, DatePicker, Flex, Form, Input, InputNumber, Radio, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  BenchmarkDegree,
  CaseAction,
  EnforcementCase,
  Officer,
  PenaltyKindCode,
  TownshipEntry,
} from '../../lib/api/types';
import { countyToday } from '../../lib/dates';
import {
  degreeRange,
  fineOutsideDegree,
  formatAmount,
  isDegree,
  officerUnfit,
  penaltyKindsFor,
  DELIVERY_METHODS,
  MAJOR_REASONS,
} from './caseModel';
import { useRequiredRule } from './formRules';


/** The township's items the step may rest on (立案, 移送, 简易程序), searched by code or name. */
export function ItemField({
  items,
  loading,
  required,
}: {
  items: readonly TownshipEntry[];
  loading: boolean;
  required: boolean;
}) {
  const { t } = useTranslation();
  const rule = useRequiredRule();
  const label = t('enforcement.cases.form.item');
  return (
    <Form.Item
      name="itemId"
      label={label}
      extra={t('enforcement.cases.form.itemHint')}
      rules={required ? [rule(label)] : []}
    >
      <Select
        allowClear={!required}
        showSearch={{ optionFilterProp: 'label' }}
        loading={loading}
        options={items.map((e) => ({ value: e.itemId, label: `${e.code} ${e.name}`, entry: e }))}
        optionRender={(o) => (
          <Flex justify="space-between" gap={8} data-testid="case-item-option">
            <span>{o.label}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {o.data.entry.domainName} · {o.data.entry.modeName}
            </Typography.Text>
          </Flex>
        )}
        data-testid="case-item"
      />
    </Form.Item>
  );
}

/** Officers of the team: at least two, the ones who may not act on the case (调离, no certificate, other domain) off. */
export function OfficersField({
  officers,
  loading,
  domain,
}: {
  officers: readonly Officer[];
  loading: boolean;
  domain: string;
}) {
  const { t } = useTranslation();
  const label = t('enforcement.cases.form.officers');
  return (
    <Form.Item
      name="officerIds"
      label={label}
      rules={[
        {
          validator: (_, v: string[] | undefined) =>
            (v?.length ?? 0) >= 2
              ? Promise.resolve()
              : Promise.reject(new Error(t('enforcement.cases.form.twoOfficers'))),
        },
      ]}
    >
      <Select
        mode="multiple"
        showSearch={{ optionFilterProp: 'label' }}
        loading={loading}
        options={officers.map((o) => {
          const unfit = officerUnfit(o, domain);
          return {
            value: o.id,
            label: officerLabel(o, unfit ? t(`enforcement.cases.form.unfit.${unfit}`) : null),
            disabled: unfit !== null,
          };
        })}
        data-testid="case-officers"
      />
    </Form.Item>
  );
}

function officerLabel(o: Officer, why: string | null): string {
  const number = o.certificate?.number;
  return `${o.name}${number ? `（${number}）` : ''}${why ? ` · ${why}` : ''}`;
}

/** 听证主持人: a serving officer of the team who is not on the case. */
export function PresiderField({
  officers,
  loading,
  c,
}: {
  officers: readonly Officer[];
  loading: boolean;
  c: EnforcementCase;
}) {
  const { t } = useTranslation();
  const rule = useRequiredRule();
  const label = t('enforcement.cases.form.presider');
  const onCase = new Set(c.officers.map((o) => o.officerId));
  return (
    <Form.Item name="presiderId" label={label} rules={[rule(label)]}>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        loading={loading}
        options={officers.map((o) => {
          const why = onCase.has(o.id) ? 'onCase' : o.status === 'left' ? 'left' : null;
          return {
            value: o.id,
            label: officerLabel(o, why ? t(`enforcement.cases.form.unfit.${why}`) : null),
            disabled: why !== null,
          };
        })}
        data-testid="case-presider"
      />
    </Form.Item>
  );
}

/** 处罚种类 (several) with the fine and the amount confiscated, each shown once its kind is chosen. */
export function PenaltyFields({
  action,
  kinds,
  degree,
}: {
  action: CaseAction;
  kinds: readonly PenaltyKindCode[];
  degree: BenchmarkDegree | undefined;
}) {
  const { t } = useTranslation();
  const rule = useRequiredRule();
  const label = t('enforcement.cases.form.penaltyKinds');
  const fineLabel = t('enforcement.cases.form.fineAmount');
  const fine = Form.useWatch('fineAmount') as number | null | undefined;
  const range = degree ? degreeRange(degree) : null;
  return (
    <>
      <Form.Item name="penaltyKinds" label={label} rules={[rule(label)]}>
        <Select
          mode="multiple"
          options={penaltyKindsFor(action).map((k) => ({
            value: k,
            label: t(`enforcement.cases.penaltyKinds.${k}`),
            // 不予处罚 stands alone
            disabled: k === 'none' ? kinds.some((x) => x !== 'none') : kinds.includes('none'),
          }))}
          data-testid="case-penalty-kinds"
        />
      </Form.Item>
      {kinds.includes('fine') ? (
        <Form.Item
          name="fineAmount"
          label={fineLabel}
          rules={[rule(fineLabel)]}
          extra={
            range && fineOutsideDegree(fine, degree) ? (
              <Typography.Text type="warning" data-testid="case-fine-outside">
                {t('enforcement.cases.form.outsideRange', { range })}
              </Typography.Text>
            ) : undefined
          }
        >
          <InputNumber min={0.01} max={1_000_000_000} precision={2} style={{ width: '100%' }} data-testid="case-fine" />
        </Form.Item>
      ) : null}
      {kinds.includes('confiscation') ? (
        <Form.Item name="confiscationAmount" label={t('enforcement.cases.form.confiscationAmount')}>
          <InputNumber
            min={0}
            max={1_000_000_000}
            precision={2}
            style={{ width: '100%' }}
            data-testid="case-confiscation"
          />
        </Form.Item>
      ) : null}
    </>
  );
}

/** 违法情节 of the county's 裁量基准 for the item, each with its fine range and the kinds it allows. */
export function DegreeField({
  degrees,
  loading,
  itemChosen,
  required,
}: {
  degrees: readonly BenchmarkDegree[];
  loading: boolean;
  itemChosen: boolean;
  required: boolean;
}) {
  const { t } = useTranslation();
  const rule = useRequiredRule();
  const label = t('enforcement.cases.form.degree');
  const name = (d: BenchmarkDegree) => (isDegree(d.degree) ? t(`enforcement.cases.degrees.${d.degree}`) : d.degree);
  const range = (d: BenchmarkDegree) => {
    const r = degreeRange(d);
    return r ? t('enforcement.cases.form.degreeRange', { range: r }) : t('enforcement.cases.form.noFine');
  };
  return (
    <Form.Item
      name="benchmarkDegree"
      label={label}
      rules={required ? [rule(label)] : []}
      extra={
        itemChosen && !loading && degrees.length === 0 ? (
          <span data-testid="case-no-benchmark">{t('enforcement.cases.form.noBenchmark')}</span>
        ) : undefined
      }
    >
      <Select
        allowClear
        loading={loading}
        options={degrees.map((d) => ({ value: d.degree, label: `${name(d)} · ${range(d)}`, degree: d }))}
        optionRender={(o) => (
          <Flex vertical data-testid={`case-degree-${o.data.degree.degree}`}>
            <span>{o.label}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
              {o.data.degree.description}
            </Typography.Text>
            <Flex gap={2} wrap>
              {o.data.degree.kinds.map((k) => (
                <Tag key={k} style={{ fontSize: 11 }}>
                  {t(`enforcement.cases.penaltyKinds.${k as PenaltyKindCode}`, { defaultValue: k })}
                </Tag>
              ))}
            </Flex>
          </Flex>
        )}
        data-testid="case-degree"
      />
    </Form.Item>
  );
}

/** A date up to today (申请, 讨论, 送达, 执行), or from today on (听证). */
export function DateField({
  name,
  label,
  future = false,
  required = true,
}: {
  name: 'requestedOn' | 'hearingOn' | 'heldOn' | 'on' | 'collectedOn' | 'decidedOn';
  label: string;
  future?: boolean;
  required?: boolean;
}) {
  const rule = useRequiredRule();
  const today = countyToday();
  return (
    <Form.Item name={name} label={label} rules={required ? [rule(label)] : []}>
      <DatePicker
        style={{ width: '100%' }}
        disabledDate={(d) => (future ? d.format('YYYY-MM-DD') <= today : d.format('YYYY-MM-DD') > today)}
        data-testid={`case-${name}`}
      />
    </Form.Item>
  );
}

export function MajorReasonsField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="majorReasons" label={t('enforcement.cases.form.majorReasons')}>
      <Checkbox.Group data-testid="case-major-reasons">
        <Flex vertical gap={4}>
          {MAJOR_REASONS.map((r) => (
            <Checkbox key={r} value={r} data-testid={`case-major-${r}`}>
              {t(`enforcement.cases.majorReasons.${r}`)}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
    </Form.Item>
  );
}

export function PassedField() {
  const { t } = useTranslation();
  const rule = useRequiredRule();
  const label = t('enforcement.cases.form.passed');
  return (
    <Form.Item name="passed" label={label} rules={[rule(label)]}>
      <Radio.Group optionType="button" buttonStyle="solid" data-testid="case-passed">
        <Radio.Button value>
          <span data-testid="case-passed-yes">{t('enforcement.cases.review.passed')}</span>
        </Radio.Button>
        <Radio.Button value={false}>
          <span data-testid="case-passed-no">{t('enforcement.cases.review.failed')}</span>
        </Radio.Button>
      </Radio.Group>
    </Form.Item>
  );
}

export function DeliveryMethodField() {
  const { t } = useTranslation();
  const rule = useRequiredRule();
  const label = t('enforcement.cases.form.deliveryMethod');
  return (
    <Form.Item name="deliveryMethod" label={label} rules={[rule(label)]}>
      <Select
        options={DELIVERY_METHODS.map((m) => ({ value: m, label: t(`enforcement.cases.deliveryMethods.${m}`) }))}
        data-testid="case-delivery-method"
      />
    </Form.Item>
  );
}

/** 缴纳金额: the fine plus today's 加处罚款 (the API refuses less). */
export function PaidAmountField({ c }: { c: EnforcementCase }) {
  const { t } = useTranslation();
  const rule = useRequiredRule();
  const label = t('enforcement.cases.form.paidAmount');
  const fine = c.decision?.fine;
  if (fine == null) return null;
  return (
    <Form.Item
      name="paidAmount"
      label={label}
      rules={[rule(label)]}
      extra={t('enforcement.cases.form.paidAmountHint', {
        fine: formatAmount(fine),
        late: formatAmount(c.execution?.lateFeeToday ?? 0),
      })}
    >
      <InputNumber min={0} max={2_000_000_000} precision={2} style={{ width: '100%' }} data-testid="case-paid-amount" />
    </Form.Item>
  );
}

/** A text of the step (听证笔录, 审核意见, 讨论结论, 参加人员, 法律依据, 理由…). */
export function TextField({
  name,
  label,
  required = false,
  max,
  rows = 2,
  extra,
  testId,
}: {
  name:
    | 'record'
    | 'opinion'
    | 'participants'
    | 'legalBasis'
    | 'noPenaltyReason'
    | 'statement'
    | 'note'
    | 'title'
    | 'fileName'
    | 'place';
  label: string;
  required?: boolean;
  max: number;
  rows?: number;
  extra?: string;
  /** `case-<name>` unless given (the evidence's title is not the page's `case-title`). */
  testId?: string;
}) {
  const rule = useRequiredRule();
  return (
    <Form.Item name={name} label={label} rules={required ? [rule(label, true)] : []} extra={extra}>
      <Input.TextArea maxLength={max} autoSize={{ minRows: rows }} data-testid={testId ?? `case-${name}`} />
    </Form.Item>
  );
}

export function SevereHarmField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="severeHarm" valuePropName="checked">
      <Checkbox data-testid="case-severe-harm">{t('enforcement.cases.form.severeHarm')}</Checkbox>
    </Form.Item>
  );
}

export function DaysField() {
  const { t } = useTranslation();
  const rule = useRequiredRule();
  const label = t('enforcement.cases.form.days');
  return (
    <Form.Item name="days" label={label} rules={[rule(label)]}>
      <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} data-testid="case-days" />
    </Form.Item>
  );
}

export function DepartmentField({ departments }: { departments: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  if (departments.length === 0) return null;
  return (
    <Form.Item name="departmentId" label={t('enforcement.cases.form.department')}>
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        options={departments.map((d) => ({ value: d.id, label: d.name }))}
        data-testid="case-department"
      />
    </Form.Item>
  );
}
