import { DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { CreatedApiToken } from '../../lib/api/types';
import { useFormSend } from '../../lib/useFormSend';
import { formatDateTime } from '../../lib/format';
import { grantRegions, useActiveGrants } from '../../lib/grants';
import { EVALUATOR, useRoleOptions } from '../../lib/roles';
import { FormModal } from '../../components/FormModal';
import { GrantSelect } from '../../components/GrantSelect';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { tokensApi } from './api';
import {
  createTokenRequest,
  DEFAULT_TOKEN_DAYS,
  grantDefaults,
  type TokenFormValues as FormValues,
} from './tokenRequest';

const FIELDS = ['name', 'role', 'grantId', 'regionId', 'expiresAt'] as const;

/**
 * 新建 API 令牌. An evaluator token belongs to an active grant (评估任务): its region is one of the grant's and its
 * expiry within the grant's.
 */
export function CreateTokenModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (token: CreatedApiToken) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const roles = useRoleOptions({ purpose: 'tokens' });
  const evaluator = Form.useWatch('role', form) === EVALUATOR;
  const grantId = Form.useWatch('grantId', form);
  const grants = useActiveGrants(open && evaluator);
  const grant = evaluator ? grants.data?.find((g) => g.id === grantId) : undefined;

  const send = useFormSend(form, {
    send: (v: FormValues) => tokensApi.create(createTokenRequest(v, grant)),
    onSuccess: (token) => {
      form.resetFields();
      onCreated(token);
    },
    fields: FIELDS,
  });
  const required = (field: string) => ({ required: true, message: t('user.required', { field }) });

  return (
    <FormModal
      open={open}
      form={form}
      send={send}
      name="create-token"
      title={t('token.createTitle')}
      okText={t('common.create')}
      initialValues={{ expiresAt: dayjs().add(DEFAULT_TOKEN_DAYS, 'day') }}
      onValuesChange={(changed: Partial<FormValues>) => {
        // the region is picked from a tree or from the grant's regions: a change of role starts it afresh
        if ('role' in changed) form.setFieldsValue({ grantId: undefined, regionId: undefined });
        const chosen = changed.grantId ? grants.data?.find((g) => g.id === changed.grantId) : undefined;
        if (chosen) form.setFieldsValue(grantDefaults(chosen, form.getFieldValue('expiresAt')));
      }}
      onCancel={() => {
        send.reset();
        form.resetFields();
        onClose();
      }}
      forceRender
      okButtonProps={{ 'data-testid': 'token-form-submit' }}
      data-testid="token-create-modal"
    >
      <Form.Item name="name" label={t('token.name')} rules={[{ ...required(t('token.name')), whitespace: true }]}>
        <Input placeholder={t('token.namePlaceholder')} maxLength={100} data-testid="token-form-name" />
      </Form.Item>
      <Form.Item name="role" label={t('token.role')} rules={[required(t('token.role'))]}>
        <Select<string>
          data-testid="token-form-role"
          showSearch={{ optionFilterProp: 'label' }}
          loading={roles.loading}
          options={roles.options}
        />
      </Form.Item>
      {evaluator ? (
        <Form.Item
          name="grantId"
          label={t('grant.field')}
          rules={[{ required: true, message: t('grant.choose', { field: t('grant.field') }) }]}
        >
          <GrantSelect testId="token-form-grant" />
        </Form.Item>
      ) : null}
      <Form.Item
        name="regionId"
        label={t('token.region')}
        extra={evaluator ? t('token.grantRegionHint') : undefined}
        rules={[required(t('token.region'))]}
      >
        {evaluator ? (
          <Select<string>
            disabled={!grant}
            options={grant ? grantRegions(grant).map((r) => ({ value: r.id, label: r.name })) : []}
            data-testid="token-form-grant-region"
          />
        ) : (
          <RegionTreeSelect
            allowClear={false}
            testId="token-form-region"
            placeholder={t('token.region')}
            style={{ width: '100%' }}
          />
        )}
      </Form.Item>
      <Form.Item
        name="expiresAt"
        label={t('token.expiresAt')}
        extra={grant ? t('token.grantExpiryHint', { time: formatDateTime(grant.expiresAt) }) : undefined}
        rules={[required(t('token.expiresAt'))]}
      >
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => d.isBefore(dayjs(), 'day') || (!!grant && d.isAfter(dayjs(grant.expiresAt), 'day'))}
          data-testid="token-form-expires"
        />
      </Form.Item>
    </FormModal>
  );
}
