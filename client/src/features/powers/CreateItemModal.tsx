import { useState } from 'react';
import { Form, Modal, type ButtonProps } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PowerItemDetail } from '../../lib/api/types';
import { applyProblemToForm } from '../../lib/formErrors';
import { ProblemAlert } from '../../components/ProblemAlert';
import { powersApi } from './api';
import { ITEM_FORM_FIELDS, ItemFormFields, newItemValues, toCreateRequest, type ItemFormValues } from './ItemFormFields';
import { countyToday } from './model';

interface Props {
  open: boolean;
  countyId: string | undefined;
  onClose: () => void;
  onCreated: (item: PowerItemDetail) => void;
}

/** 新增事项: a new catalogue item (its first version). Field errors of a 400 go under the fields, indexed ones too. */
export function CreateItemModal({ open, countyId, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ItemFormValues>();
  const [problem, setProblem] = useState<unknown>(null);

  const create = useMutation({
    mutationFn: (values: ItemFormValues) => powersApi.createItem(toCreateRequest(values)),
    onSuccess: ({ data }) => {
      form.resetFields();
      setProblem(null);
      onCreated(data);
    },
    onError: (e) => {
      const mapped = applyProblemToForm(form, e, ITEM_FORM_FIELDS, { 'powers.code_taken': 'code' });
      setProblem(mapped ? null : e);
    },
  });

  return (
    <Modal
      open={open}
      width={920}
      title={t('powers.item.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        setProblem(null);
        onClose();
      }}
      forceRender
      okButtonProps={{ 'data-testid': 'item-form-submit' } as ButtonProps}
      data-testid="item-create-modal"
    >
      <Form<ItemFormValues>
        form={form}
        layout="vertical"
        name="create-item"
        initialValues={newItemValues(countyToday())}
        onFinish={(values) => {
          setProblem(null);
          create.mutate(values);
        }}
      >
        {problem ? <ProblemAlert error={problem} style={{ marginBottom: 16 }} testId="item-form-problem" /> : null}
        <ItemFormFields mode="create" countyId={countyId} />
      </Form>
    </Modal>
  );
}
