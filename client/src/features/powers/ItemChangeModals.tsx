import { useEffect, useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, type ButtonProps } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { PowerItemDetail, PowerItemVersion } from '../../lib/api/types';
import { isStaleRecord, type Tagged } from '../../lib/api/client';
import { applyProblemToForm } from '../../lib/formErrors';
import { ProblemAlert } from '../../components/ProblemAlert';
import { powersApi } from './api';
import { ITEM_FORM_FIELDS, ItemFormFields, toVersionRequest, valuesFromVersion, type ItemFormValues } from './ItemFormFields';
import { defaultRevisionDate, earliestRevisionDate } from './model';
import { StaleRecordAlert } from './StaleRecordAlert';

interface ChangeProps {
  open: boolean;
  itemId: string;
  /** The latest version (a revision starts from it; a new one must start after it). */
  latest: PowerItemVersion;
  /** The ETag of the loaded item, sent as If-Match. */
  etag: string;
  countyId: string | undefined;
  onClose: () => void;
  onDone: (result: Tagged<PowerItemDetail>) => void;
  /** Reloads the item (after a 412); resolves when done. */
  onReload: () => Promise<unknown>;
}

/** 修订: a new version, prefilled from the latest, sent with If-Match. */
export function ReviseItemModal({ open, itemId, latest, etag, countyId, onClose, onDone, onReload }: ChangeProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ItemFormValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const [stale, setStale] = useState(false);

  // Each opening starts from the latest version as loaded.
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(valuesFromVersion(latest, defaultRevisionDate(latest)));
    setProblem(null);
    setStale(false);
    // (only when the modal opens)
  }, [open]);

  const revise = useMutation({
    mutationFn: (values: ItemFormValues) => powersApi.reviseItem(itemId, toVersionRequest(values), etag),
    onSuccess: (result) => onDone(result),
    onError: (e) => {
      if (isStaleRecord(e)) {
        setStale(true);
        setProblem(null);
        return;
      }
      setProblem(applyProblemToForm(form, e, ITEM_FORM_FIELDS) ? null : e);
    },
  });

  return (
    <Modal
      open={open}
      width={920}
      title={t('powers.item.reviseTitle', { code: latest.code, version: latest.version + 1 })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={revise.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
      okButtonProps={{ 'data-testid': 'revise-submit' } as ButtonProps}
      data-testid="item-revise-modal"
    >
      <Form<ItemFormValues>
        form={form}
        layout="vertical"
        name="revise-item"
        onFinish={(values) => {
          setProblem(null);
          revise.mutate(values);
        }}
      >
        {stale ? (
          <StaleRecordAlert onReload={onReload} onReloaded={() => setStale(false)} />
        ) : null}
        {problem ? <ProblemAlert error={problem} style={{ marginBottom: 16 }} testId="revise-problem" /> : null}
        <ItemFormFields mode="revise" countyId={countyId} minEffectiveFrom={earliestRevisionDate(latest)} />
      </Form>
    </Modal>
  );
}

interface WithdrawValues {
  effectiveFrom: Dayjs;
  changeNote: string;
}

/** 取消事项: a last version marking the item withdrawn from a date; the modal is the confirmation (danger button). */
export function WithdrawItemModal({ open, itemId, latest, etag, onClose, onDone, onReload }: Omit<ChangeProps, 'countyId'>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<WithdrawValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const earliest = earliestRevisionDate(latest);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ effectiveFrom: dayjs(defaultRevisionDate(latest)), changeNote: '' });
    setProblem(null);
    setStale(false);
    // (only when the modal opens)
  }, [open]);

  const withdraw = useMutation({
    mutationFn: (v: WithdrawValues) =>
      powersApi.withdrawItem(itemId, { effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'), changeNote: v.changeNote.trim() }, etag),
    onSuccess: (result) => onDone(result),
    onError: (e) => {
      if (isStaleRecord(e)) {
        setStale(true);
        setProblem(null);
        return;
      }
      setProblem(applyProblemToForm(form, e, ['effectiveFrom', 'changeNote']) ? null : e);
    },
  });

  return (
    <Modal
      open={open}
      title={t('powers.item.withdrawTitle', { code: latest.code })}
      okText={t('powers.item.withdrawConfirm')}
      okButtonProps={{ danger: true, 'data-testid': 'withdraw-submit' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={withdraw.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
      data-testid="item-withdraw-modal"
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('powers.item.withdrawWarning', { name: latest.name })} />
      {stale ? (
        <StaleRecordAlert onReload={onReload} onReloaded={() => setStale(false)} />
      ) : null}
      {problem ? <ProblemAlert error={problem} style={{ marginBottom: 16 }} /> : null}
      <Form<WithdrawValues>
        form={form}
        layout="vertical"
        name="withdraw-item"
        onFinish={(v) => {
          setProblem(null);
          withdraw.mutate(v);
        }}
      >
        <Form.Item
          name="effectiveFrom"
          label={t('powers.item.withdrawFrom')}
          extra={t('powers.item.effectiveFromAfter', { date: earliest })}
          rules={[{ required: true, message: t('powers.form.choose', { field: t('powers.item.withdrawFrom') }) }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            data-testid="withdraw-date"
            disabledDate={(d) => d.format('YYYY-MM-DD') < earliest}
          />
        </Form.Item>
        <Form.Item
          name="changeNote"
          label={t('powers.item.withdrawReason')}
          rules={[{ required: true, whitespace: true, message: t('powers.form.required', { field: t('powers.item.withdrawReason') }) }]}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} data-testid="withdraw-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
