import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ServiceItemDetail, ServiceItemVersion } from '../../lib/api/types';
import type { Tagged } from '../../lib/api/client';
import { useFormSend } from '../../lib/useFormSend';
import { FormModal } from '../../components/FormModal';
import { countyToday } from '../../lib/dates';
import { defaultRevisionDate, earliestRevisionDate } from '../../lib/versions';
import { servicesApi } from './api';
import { GuideFormFields } from './GuideFormFields';
import { GUIDE_FORM_FIELDS, newGuideValues, toGuideRequest, valuesFromVersion, type GuideFormValues } from './model';

interface CreateProps {
  open: boolean;
  onClose: () => void;
  onCreated: (item: ServiceItemDetail) => void;
}

/** 新建事项: a service item with its first guide. Field errors of a 400 go under the fields, indexed ones too. */
export function CreateGuideModal({ open, onClose, onCreated }: CreateProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<GuideFormValues>();
  const send = useFormSend(form, {
    send: (values: GuideFormValues) => servicesApi.createItem(toGuideRequest(values, 'create')),
    onSuccess: ({ data }) => {
      form.resetFields();
      onCreated(data);
    },
    fields: GUIDE_FORM_FIELDS,
    codeFields: { 'services.code_taken': 'code' },
  });

  return (
    <FormModal
      open={open}
      form={form}
      send={send}
      name="create-service-item"
      initialValues={newGuideValues(countyToday())}
      width={960}
      title={t('services.createTitle')}
      onCancel={() => {
        send.reset();
        onClose();
      }}
      forceRender
      okButtonProps={{ 'data-testid': 'guide-form-submit' }}
      problemTestId="guide-form-problem"
      data-testid="service-create-modal"
    >
      <GuideFormFields mode="create" />
    </FormModal>
  );
}

interface ReviseProps {
  open: boolean;
  itemId: string;
  /** The latest version (a revision starts from it; a new one must start after it). */
  latest: ServiceItemVersion;
  /** The ETag of the loaded item, sent as If-Match. */
  etag: string;
  onClose: () => void;
  onDone: (result: Tagged<ServiceItemDetail>) => void;
  /** Reloads the item (after a 412); resolves when done. */
  onReload: () => Promise<unknown>;
}

/** 修订: a new version of the guide, prefilled from the latest, sent with If-Match. */
export function ReviseGuideModal({ open, itemId, latest, etag, onClose, onDone, onReload }: ReviseProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<GuideFormValues>();
  const send = useFormSend(form, {
    send: (values: GuideFormValues) =>
      servicesApi.reviseItem(itemId, toGuideRequest({ ...values, powerItemId: latest.powerItemId }, 'revise'), etag),
    onSuccess: onDone,
    fields: GUIDE_FORM_FIELDS,
    onReload,
  });

  return (
    <FormModal
      open={open}
      form={form}
      send={send}
      name="revise-service-item"
      // each opening starts from the latest version as loaded
      startOnOpen={() => valuesFromVersion(latest, defaultRevisionDate(latest))}
      width={960}
      title={t('services.reviseTitle', { code: latest.code, version: latest.version + 1 })}
      onCancel={onClose}
      forceRender
      okButtonProps={{ 'data-testid': 'guide-revise-submit' }}
      problemTestId="guide-revise-problem"
      data-testid="service-revise-modal"
    >
      <GuideFormFields mode="revise" minEffectiveFrom={earliestRevisionDate(latest)} />
    </FormModal>
  );
}
