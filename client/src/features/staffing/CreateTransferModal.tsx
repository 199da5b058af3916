import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { StaffingTransfer } from '../../lib/api/types';
import { useFormSend } from '../../lib/useFormSend';
import { countyToday } from '../../lib/dates';
import { FormModal } from '../../components/FormModal';
import { staffingApi } from './api';
import { linePosts, needsHigherApproval, toTransferRequest, TRANSFER_PURPOSES, type TransferFormValues } from './model';
import { FundingSelect, KindSelect } from './Tags';
import { UnitSelect } from './UnitSelect';

const FIELDS = ['documentNo', 'documentDate', 'approvedBy', 'higherApproval', 'effectiveOn', 'note', 'lines'] as const;

interface Props {
  open: boolean;
  /** The county whose units give posts (the 编办's own county). */
  countyId: string | undefined;
  onClose: () => void;
  onCreated: (t: StaffingTransfer) => void;
}

/** 录入划转文件: posts moved from county units to township units; all lines apply together or none. */
export function CreateTransferModal({ open, countyId, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TransferFormValues>();
  const lines = Form.useWatch('lines', form);
  const higher = needsHigherApproval(lines);
  const send = useFormSend(form, {
    send: (v: TransferFormValues) => staffingApi.createTransfer(toTransferRequest(v)),
    onSuccess: onCreated,
    fields: FIELDS,
  });
  const required = (field: string) => ({ required: true, message: t('staffing.form.required', { field }) });

  return (
    <FormModal<TransferFormValues>
      open={open}
      form={form}
      send={send}
      name="transfer"
      width={960}
      title={t('staffing.transfers.create')}
      startOnOpen={() => ({
        documentDate: dayjs(countyToday()),
        effectiveOn: dayjs(countyToday()),
        lines: [{ kind: 'institution', funding: 'full', posts: 1 }],
      })}
      okButtonProps={{ 'data-testid': 'transfer-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="transfer-modal"
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="documentNo" label={t('staffing.fields.documentNo')} rules={[required(t('staffing.fields.documentNo'))]}>
            <Input maxLength={100} data-testid="transfer-document-no" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="approvedBy" label={t('staffing.transfers.approvedBy')} rules={[required(t('staffing.transfers.approvedBy'))]}>
            <Input maxLength={100} placeholder={t('staffing.transfers.approvedByPlaceholder')} data-testid="transfer-approved-by" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="documentDate" label={t('staffing.fields.documentDate')} rules={[required(t('staffing.fields.documentDate'))]}>
            <DatePicker style={{ width: '100%' }} data-testid="transfer-document-date" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="effectiveOn" label={t('staffing.fields.effectiveOn')} rules={[required(t('staffing.fields.effectiveOn'))]}>
            <DatePicker style={{ width: '100%' }} data-testid="transfer-effective-on" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="higherApproval"
            label={t('staffing.transfers.higherApproval')}
            extra={higher ? t('staffing.transfers.higherApprovalHint') : undefined}
            rules={higher ? [required(t('staffing.transfers.higherApproval'))] : []}
          >
            <Input maxLength={100} data-testid="transfer-higher-approval" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('staffing.fields.note')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1 }} data-testid="transfer-note" />
      </Form.Item>
      <Typography.Title level={5}>{t('staffing.transfers.lines')}</Typography.Title>
      <Form.List name="lines">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, i) => (
              <Card size="small" key={field.key} style={{ marginBottom: 8 }} data-testid={`transfer-line-${i}`}>
                <Row gutter={8}>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={[field.name, 'fromUnitId']}
                      label={t('staffing.transfers.fromUnit')}
                      rules={[required(t('staffing.transfers.fromUnit'))]}
                    >
                      <UnitSelect regionId={countyId} testId={`transfer-from-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={[field.name, 'toUnitId']}
                      label={t('staffing.transfers.toUnit')}
                      rules={[required(t('staffing.transfers.toUnit'))]}
                    >
                      <UnitSelect excludeRegionId={countyId} testId={`transfer-to-${i}`} placeholder={t('staffing.transfers.toUnitPlaceholder')} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item name={[field.name, 'kind']} label={t('staffing.fields.kind')} rules={[required(t('staffing.fields.kind'))]}>
                      <KindSelect testId={`transfer-kind-${i}`} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item name={[field.name, 'funding']} label={t('staffing.fields.funding')} rules={[required(t('staffing.fields.funding'))]}>
                      <FundingSelect testId={`transfer-funding-${i}`} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[field.name, 'posts']} label={t('staffing.fields.posts')} rules={[required(t('staffing.fields.posts'))]}>
                      <InputNumber min={1} max={999} precision={0} style={{ width: '100%' }} data-testid={`transfer-posts-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={10} md={8}>
                    <Form.Item name={[field.name, 'purpose']} label={t('staffing.transfers.purpose')}>
                      <Select
                        allowClear
                        data-testid={`transfer-purpose-${i}`}
                        options={TRANSFER_PURPOSES.map((p) => ({ value: p, label: t(`staffing.purpose.${p}`) }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={2} md={2} style={{ display: 'flex', alignItems: 'center' }}>
                    {fields.length > 1 ? (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('staffing.transfers.removeLine')}
                      />
                    ) : null}
                  </Col>
                </Row>
              </Card>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ kind: 'institution', funding: 'full', posts: 1 })}
              data-testid="transfer-add-line"
            >
              {t('staffing.transfers.addLine')}
            </Button>
            <Alert
              type="info"
              style={{ marginTop: 12 }}
              title={t('staffing.transfers.linesTotal', { posts: linePosts(lines) })}
              data-testid="transfer-lines-total"
            />
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
