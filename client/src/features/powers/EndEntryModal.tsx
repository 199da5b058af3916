import { useEffect, useState } from 'react';
import { DatePicker, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { TownshipEntry } from '../../lib/api/types';
import { applyProblemToForm } from '../../lib/formErrors';
import { ProblemAlert } from '../../components/ProblemAlert';
import { powersApi } from './api';
import { addDays, countyToday } from '../../lib/dates';

interface FormValues {
  effectiveTo: Dayjs;
  reason: string;
}

interface Props {
  entry: TownshipEntry | null;
  onClose: () => void;
  onEnded: (entry: TownshipEntry) => void;
}

/** 终止: the township stops exercising the item from a date (exclusive end; the history stays). */
export function EndEntryModal({ entry, onClose, onEnded }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const earliest = entry ? addDays(entry.effectiveFrom, 1) : countyToday();

  useEffect(() => {
    if (!entry) return;
    form.resetFields();
    const today = countyToday();
    form.setFieldsValue({ effectiveTo: dayjs(today > earliest ? today : earliest), reason: '' });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- resets the local state each time the modal opens or the record changes (the component stays mounted)
    setProblem(null);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- runs only when an entry is chosen; the form and dates are read at that moment
  }, [entry]);

  const end = useMutation({
    mutationFn: (v: FormValues) =>
      powersApi.endEntry(entry!.id, { effectiveTo: v.effectiveTo.format('YYYY-MM-DD'), reason: v.reason.trim() }),
    onSuccess: (e) => onEnded(e),
    onError: (e) => setProblem(applyProblemToForm(form, e, ['effectiveTo', 'reason']) ? null : e),
  });

  return (
    <Modal
      open={!!entry}
      title={t('powers.end.title')}
      okText={t('powers.end.submit')}
      okButtonProps={{ danger: true, 'data-testid': 'end-submit' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={end.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
      data-testid="end-modal"
    >
      {entry ? (
        <Typography.Paragraph>
          {t('powers.end.what', { code: entry.code, name: entry.name })}
        </Typography.Paragraph>
      ) : null}
      {problem ? <ProblemAlert error={problem} style={{ marginBottom: 16 }} /> : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="end-entry"
        onFinish={(v) => {
          setProblem(null);
          end.mutate(v);
        }}
      >
        <Form.Item
          name="effectiveTo"
          label={t('powers.end.effectiveTo')}
          extra={t('powers.end.effectiveToHint')}
          rules={[{ required: true, message: t('powers.form.choose', { field: t('powers.end.effectiveTo') }) }]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="end-date" disabledDate={(d) => d.format('YYYY-MM-DD') < earliest} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('powers.end.reason')}
          rules={[{ required: true, whitespace: true, message: t('powers.form.required', { field: t('powers.end.reason') }) }]}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} data-testid="end-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
