import { useEffect, useState } from 'react';
import { Form, Modal, type ButtonProps } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ServiceItemDetail, ServiceItemVersion } from '../../lib/api/types';
import { isStaleRecord, type Tagged } from '../../lib/api/client';
import { applyProblemToForm } from '../../lib/formErrors';
import { ProblemAlert } from '../../components/ProblemAlert';
import { countyToday, defaultRevisionDate, earliestRevisionDate } from '../powers/model';
import { StaleRecordAlert } from '../powers/StaleRecordAlert';
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
  const [problem, setProblem] = useState<unknown>(null);

  const create = useMutation({
    mutationFn: (values: GuideFormValues) => servicesApi.createItem(toGuideRequest(values, 'create')),
    onSuccess: ({ data }) => {
      form.resetFields();
      setProblem(null);
      onCreated(data);
    },
    onError: (e) => {
      const mapped = applyProblemToForm(form, e, GUIDE_FORM_FIELDS, { 'services.code_taken': 'code' });
      setProblem(mapped ? null : e);
    },
  });

  return (
    <Modal
      open={open}
      width={960}
      title={t('services.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        setProblem(null);
        onClose();
      }}
      forceRender
      okButtonProps={{ 'data-testid': 'guide-form-submit' } as ButtonProps}
      data-testid="service-create-modal"
    >
      <Form<GuideFormValues>
        form={form}
        layout="vertical"
        name="create-service-item"
        initialValues={newGuideValues(countyToday())}
        onFinish={(values) => {
          setProblem(null);
          create.mutate(values);
        }}
      >
        {problem ? <ProblemAlert error={problem} style={{ marginBottom: 16 }} testId="guide-form-problem" /> : null}
        <GuideFormFields mode="create" />
      </Form>
    </Modal>
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
    mutationFn: (values: GuideFormValues) =>
      servicesApi.reviseItem(itemId, toGuideRequest({ ...values, powerItemId: latest.powerItemId }, 'revise'), etag),
    onSuccess: (result) => onDone(result),
    onError: (e) => {
      if (isStaleRecord(e)) {
        setStale(true);
        setProblem(null);
        return;
      }
      setProblem(applyProblemToForm(form, e, GUIDE_FORM_FIELDS) ? null : e);
    },
  });

  return (
    <Modal
      open={open}
      width={960}
      title={t('services.reviseTitle', { code: latest.code, version: latest.version + 1 })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={revise.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
      okButtonProps={{ 'data-testid': 'guide-revise-submit' } as ButtonProps}
      data-testid="service-revise-modal"
    >
      <Form<GuideFormValues>
        form={form}
        layout="vertical"
        name="revise-service-item"
        onFinish={(values) => {
          setProblem(null);
          revise.mutate(values);
        }}
      >
        {stale ? <StaleRecordAlert onReload={onReload} onReloaded={() => setStale(false)} /> : null}
        {problem ? <ProblemAlert error={problem} style={{ marginBottom: 16 }} testId="guide-revise-problem" /> : null}
        <GuideFormFields mode="revise" minEffectiveFrom={earliestRevisionDate(latest)} />
      </Form>
    </Modal>
  );
}
