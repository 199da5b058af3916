import { useEffect, type ReactNode } from 'react';
import { Form, Modal, type ButtonProps, type FormInstance, type FormProps, type ModalProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormSend } from '../lib/useFormSend';
import { ProblemAlert } from './ProblemAlert';
import { StaleRecordAlert } from './StaleRecordAlert';

type Props<V> = Pick<ModalProps, 'open' | 'title' | 'okText' | 'width' | 'forceRender' | 'destroyOnHidden' | 'cancelButtonProps'> & {
  form: FormInstance<V>;
  send: FormSend<V>;
  /** The form's name (antd prefixes the field ids with it). */
  name: string;
  initialValues?: FormProps<V>['initialValues'];
  onValuesChange?: FormProps<V>['onValuesChange'];
  /**
   * Each opening starts afresh: the form reset to its initial values (then to these, when given) and no problem shown.
   * Without it the form keeps what was typed between openings (a create form keeps its draft).
   */
  startOnOpen?: true | (() => Parameters<FormInstance<V>['setFieldsValue']>[0]);
  onCancel: () => void;
  okButtonProps: ButtonProps & { 'data-testid': string };
  'data-testid': string;
  /** The test id of the problem alert (ProblemAlert's own by default). */
  problemTestId?: string;
  /** Shown first, above the problem (e.g. a warning of what the action does). */
  intro?: ReactNode;
  /** The fields. */
  children: ReactNode;
};

/**
 * A modal whose OK button sends a form (useFormSend): 保存 by default, spinning while sent; the 412 offer to reload
 * and the problem that belongs to no field are shown above the fields.
 */
export function FormModal<V>({
  form,
  send,
  name,
  initialValues,
  onValuesChange,
  startOnOpen,
  problemTestId,
  intro,
  children,
  okText,
  onCancel,
  'data-testid': testId,
  ...modal
}: Props<V>) {
  const { t } = useTranslation();

  useEffect(() => {
    if (!modal.open || !startOnOpen) return;
    form.resetFields();
    if (startOnOpen !== true) form.setFieldsValue(startOnOpen());
    send.reset();
    // (only when the modal opens)
  // eslint-disable-next-line react-hooks/exhaustive-deps -- runs only when the modal opens; the form, send and startOnOpen are read at that moment
  }, [modal.open]);

  return (
    <Modal
      {...modal}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={send.sending}
      onOk={() => form.submit()}
      onCancel={onCancel}
      data-testid={testId}
    >
      <Form<V> form={form} layout="vertical" name={name} initialValues={initialValues} onValuesChange={onValuesChange} onFinish={send.submit}>
        {intro}
        {send.stale && send.onReload ? <StaleRecordAlert onReload={send.onReload} onReloaded={send.reloaded} /> : null}
        {send.problem ? <ProblemAlert error={send.problem} style={{ marginBottom: 16 }} testId={problemTestId} /> : null}
        {children}
      </Form>
    </Modal>
  );
}
