import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PowerItemDetail } from '../../lib/api/types';
import { useFormSend } from '../../lib/useFormSend';
import { FormModal } from '../../components/FormModal';
import { powersApi } from './api';
import {
  ITEM_FORM_FIELDS,
  ItemFormFields,
  newItemValues,
  toCreateRequest,
  type ItemFormValues,
} from './ItemFormFields';
import { countyToday } from '../../lib/dates';

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
  const send = useFormSend(form, {
    send: (values: ItemFormValues) => powersApi.createItem(toCreateRequest(values)),
    onSuccess: ({ data }) => {
      form.resetFields();
      onCreated(data);
    },
    fields: ITEM_FORM_FIELDS,
    codeFields: { 'powers.code_taken': 'code' },
  });

  return (
    <FormModal
      open={open}
      form={form}
      send={send}
      name="create-item"
      initialValues={newItemValues(countyToday())}
      width={920}
      title={t('powers.item.createTitle')}
      onCancel={() => {
        send.reset();
        onClose();
      }}
      forceRender
      okButtonProps={{ 'data-testid': 'item-form-submit' }}
      problemTestId="item-form-problem"
      data-testid="item-create-modal"
    >
      <ItemFormFields mode="create" countyId={countyId} />
    </FormModal>
  );
}
