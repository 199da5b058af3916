import { Button, Card, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { BenchmarkSet, PowerItemVersion } from '../../lib/api/types';
import type { Tagged } from '../../lib/api/client';
import { etagOf } from '../../lib/versions';
import { useFormSend } from '../../lib/useFormSend';
import { FormModal } from '../../components/FormModal';
import { enforcementApi } from './api';
import { useRequiredRule } from './formRules';
import { DEGREES } from './caseModel';
import { BENCHMARK_KINDS, benchmarkBody, benchmarkValues, nextDegree, type BenchmarkValues } from './benchmarkModel';

interface Props {
  /** The set being changed; undefined: a new item's benchmarks (the item is picked in the form). */
  set: BenchmarkSet | undefined;
  /** The county's 行政处罚 items without benchmarks yet (the choice of a new set). */
  items: readonly PowerItemVersion[];
  itemName: string | undefined;
  onClose: () => void;
  onSaved: (saved: Tagged<BenchmarkSet>) => void;
  /** Reads the sets again after a 412: the set's new version is what the form is sent with next. */
  onReload: () => Promise<unknown>;
}

/** 编辑裁量基准: an item's degrees (1–4) with the kinds and the fine range each allows; PUT with If-Match. */
export function BenchmarkModal({ set, items, itemName, onClose, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const rule = useRequiredRule();
  const [form] = Form.useForm<BenchmarkValues>();
  const send = useFormSend(form, {
    send: (v: BenchmarkValues) => {
      const code = set?.itemCode ?? v.itemCode ?? '';
      // a set is created without If-Match (version 0: none yet) and changed with it from then on
      const etag = set && set.version > 0 ? etagOf(set.version) : null;
      return enforcementApi.putBenchmarks(code, benchmarkBody(v), etag);
    },
    onSuccess: onSaved,
    fields: ['itemCode', 'degrees'],
    onReload,
  });
  const f = (k: 'item' | 'degree' | 'description' | 'kinds' | 'minFine' | 'maxFine') =>
    t(`enforcement.benchmarks.fields.${k}`);

  return (
    <FormModal<BenchmarkValues>
      open
      form={form}
      send={send}
      name="benchmark"
      initialValues={benchmarkValues(set)}
      title={
        set
          ? t('enforcement.benchmarks.editTitle', { item: `${set.itemCode} ${itemName ?? ''}`.trim() })
          : t('enforcement.benchmarks.createTitle')
      }
      okButtonProps={{ 'data-testid': 'benchmark-submit' }}
      onCancel={onClose}
      destroyOnHidden
      width={760}
      intro={
        <Typography.Paragraph type="secondary">{t('enforcement.benchmarks.editIntro')}</Typography.Paragraph>
      }
      data-testid="benchmark-modal"
    >
      {set ? null : (
        <Form.Item name="itemCode" label={f('item')} rules={[rule(f('item'))]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={items.map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }))}
            data-testid="benchmark-item"
          />
        </Form.Item>
      )}
      <Form.List name="degrees">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 12 }}
                data-testid="benchmark-degree"
                title={t('enforcement.benchmarks.degreeN', { n: index + 1 })}
                extra={
                  fields.length > 1 ? (
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('enforcement.benchmarks.removeDegree')}
                      data-testid="benchmark-degree-remove"
                    />
                  ) : null
                }
              >
                <Flex gap={12} wrap>
                  <Form.Item
                    name={[field.name, 'degree']}
                    label={f('degree')}
                    rules={[rule(f('degree'))]}
                    style={{ width: 140 }}
                  >
                    <Select
                      options={DEGREES.map((d) => ({ value: d, label: t(`enforcement.cases.degrees.${d}`) }))}
                      data-testid="benchmark-degree-code"
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'kinds']}
                    label={f('kinds')}
                    rules={[rule(f('kinds'))]}
                    style={{ flex: 1, minWidth: 240 }}
                  >
                    <Select
                      mode="multiple"
                      options={BENCHMARK_KINDS.map((k) => ({
                        value: k,
                        label: t(`enforcement.cases.penaltyKinds.${k}`),
                      }))}
                      data-testid="benchmark-degree-kinds"
                    />
                  </Form.Item>
                </Flex>
                <Form.Item
                  name={[field.name, 'description']}
                  label={f('description')}
                  rules={[rule(f('description'), true)]}
                >
                  <Input.TextArea
                    maxLength={500}
                    autoSize={{ minRows: 1 }}
                    data-testid="benchmark-degree-description"
                  />
                </Form.Item>
                <Flex gap={12} wrap>
                  <Form.Item name={[field.name, 'minFine']} label={f('minFine')} style={{ width: 180 }}>
                    <InputNumber min={0} style={{ width: '100%' }} data-testid="benchmark-degree-min" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'maxFine']} label={f('maxFine')} style={{ width: 180 }}>
                    <InputNumber min={0} style={{ width: '100%' }} data-testid="benchmark-degree-max" />
                  </Form.Item>
                  <Typography.Text type="secondary" style={{ alignSelf: 'center', fontSize: 12 }}>
                    {t('enforcement.benchmarks.fineHint')}
                  </Typography.Text>
                </Flex>
              </Card>
            ))}
            <Form.ErrorList errors={errors} />
            {fields.length < DEGREES.length ? (
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => {
                  const now = (form.getFieldValue('degrees') as BenchmarkValues['degrees'] | undefined) ?? [];
                  add({ degree: nextDegree(now), kinds: [] });
                }}
                data-testid="benchmark-degree-add"
              >
                {t('enforcement.benchmarks.addDegree')}
              </Button>
            ) : null}
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
