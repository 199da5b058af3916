import { Alert, DatePicker, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { PowerItemDetail, PowerItemVersion } from '../../lib/api/types';
import type { Tagged } from '../../lib/api/client';
import { useFormSend } from '../../lib/useFormSend';
import { FormModal } from '../../components/FormModal';
import { powersApi } from './api';
import {
  ITEM_FORM_FIELDS,
  ItemFormFields,
  toVersionRequest,
  valuesFromVersion,
  type ItemFormValues,
} from './ItemFormFields';
import { defaultRevisionDate, earliestRevisionDate } from '../../lib/versions';

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
  const send = useFormSend(form, {
    send: (values: ItemFormValues) => powersApi.reviseItem(itemId, toVersionRequest(values), etag),
    onSuccess: onDone,
    fields: ITEM_FORM_FIELDS,
    onReload,
  });

  return (
    <FormModal
      open={open}
      form={form}
      send={send}
      name="revise-item"
      // each opening starts from the latest version as loaded
      startOnOpen={() => valuesFromVersion(latest, defaultRevisionDate(latest))}
      width={920}
      title={t('powers.item.reviseTitle', { code: latest.code, version: latest.version + 1 })}
      onCancel={onClose}
      forceRender
      okButtonProps={{ 'data-testid': 'revise-submit' }}
      problemTestId="revise-problem"
      data-testid="item-revise-modal"
    >
      <ItemFormFields mode="revise" countyId={countyId} minEffectiveFrom={earliestRevisionDate(latest)} />
    </FormModal>
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
  const earliest = earliestRevisionDate(latest);
  const send = useFormSend(form, {
    send: (v: WithdrawValues) =>
      powersApi.withdrawItem(itemId, { effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'), changeNote: v.changeNote.trim() }, etag),
    onSuccess: onDone,
    fields: ['effectiveFrom', 'changeNote'],
    onReload,
  });

  return (
    <FormModal
      open={open}
      form={form}
      send={send}
      name="withdraw-item"
      startOnOpen={() => ({ effectiveFrom: dayjs(defaultRevisionDate(latest)), changeNote: '' })}
      title={t('powers.item.withdrawTitle', { code: latest.code })}
      okText={t('powers.item.withdrawConfirm')}
      okButtonProps={{ danger: true, 'data-testid': 'withdraw-submit' }}
      onCancel={onClose}
      forceRender
      data-testid="item-withdraw-modal"
      intro={<Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('powers.item.withdrawWarning', { name: latest.name })} />}
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
    </FormModal>
  );
}
