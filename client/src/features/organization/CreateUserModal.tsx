import { Form, Input, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { User } from '../../lib/api/types';
import { useFormSend } from '../../lib/useFormSend';
import { FormModal } from '../../components/FormModal';
import { organizationApi } from './api';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { EVALUATOR, useRoleOptions } from '../../lib/roles';
import { GrantSelect } from '../../components/GrantSelect';
import { createUserRequest, type UserFormValues as FormValues } from './userRequest';

const FIELDS = ['username', 'displayName', 'password', 'role', 'regionId', 'unitId', 'phone'] as const;
/** An evaluator's form: the grant instead of region and unit (its region comes from the grant). */
const EVALUATOR_FIELDS = ['username', 'displayName', 'password', 'role', 'grantId', 'phone'] as const;

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (user: User) => void;
}

export function CreateUserModal({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const roles = useRoleOptions({ purpose: 'people' });
  const regionId = Form.useWatch('regionId', form);
  const evaluator = Form.useWatch('role', form) === EVALUATOR;

  const units = useQuery({
    queryKey: ['organization', 'units', 'for-region', regionId],
    queryFn: ({ signal }) => organizationApi.units({ regionId, limit: 200 }, signal),
    enabled: open && !!regionId && !evaluator,
  });

  const send = useFormSend(form, {
    send: (values: FormValues) => organizationApi.createUser(createUserRequest(values)),
    onSuccess: (user) => {
      form.resetFields();
      onCreated(user);
    },
    fields: evaluator ? EVALUATOR_FIELDS : FIELDS,
    codeFields: { 'users.username_taken': 'username' },
  });

  const required = (field: string) => ({ required: true, whitespace: true, message: t('user.required', { field }) });

  return (
    <FormModal
      open={open}
      form={form}
      send={send}
      name="create-user"
      onValuesChange={(changed: Partial<FormValues>) => {
        if ('regionId' in changed) form.setFieldValue('unitId', undefined);
        if ('role' in changed && changed.role !== EVALUATOR) form.setFieldValue('grantId', undefined);
      }}
      title={t('user.createTitle')}
      onCancel={() => {
        send.reset();
        form.resetFields();
        onClose();
      }}
      forceRender
      okButtonProps={{ 'data-testid': 'user-form-submit' }}
      data-testid="user-create-modal"
    >
      <Form.Item name="username" label={t('user.username')} rules={[required(t('user.username'))]}>
        <Input autoComplete="off" data-testid="user-form-username" />
      </Form.Item>
      <Form.Item name="displayName" label={t('user.displayName')} rules={[required(t('user.displayName'))]}>
        <Input data-testid="user-form-displayName" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('user.password')}
        extra={t('user.passwordHint')}
        rules={[{ required: true, message: t('user.required', { field: t('user.password') }) }]}
      >
        <Input.Password autoComplete="new-password" data-testid="user-form-password" />
      </Form.Item>
      <Form.Item
        name="role"
        label={t('user.role')}
        rules={[{ required: true, message: t('user.required', { field: t('user.role') }) }]}
      >
        <Select<string>
          data-testid="user-form-role"
          showSearch={{ optionFilterProp: 'label' }}
          loading={roles.loading}
          options={roles.options}
        />
      </Form.Item>
      {evaluator ? (
        <Form.Item
          name="grantId"
          label={t('grant.field')}
          extra={t('user.grantHint')}
          rules={[{ required: true, message: t('grant.choose', { field: t('grant.field') }) }]}
        >
          <GrantSelect testId="user-form-grant" />
        </Form.Item>
      ) : (
        <>
          <Form.Item
            name="regionId"
            label={t('user.region')}
            rules={[{ required: true, message: t('user.required', { field: t('user.region') }) }]}
          >
            <RegionTreeSelect
              allowClear={false}
              testId="user-form-region"
              placeholder={t('user.region')}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item name="unitId" label={t('user.unitOptional')}>
            <Select<string>
              allowClear
              disabled={!regionId}
              loading={units.isFetching}
              data-testid="user-form-unit"
              options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="phone"
        label={t('user.phoneOptional')}
        rules={[{ pattern: /^1\d{10}$/, message: t('user.phoneInvalid') }]}
      >
        <Input inputMode="tel" maxLength={11} data-testid="user-form-phone" />
      </Form.Item>
    </FormModal>
  );
}
