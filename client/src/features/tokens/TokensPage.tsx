import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Tag,
  Typography,
  type ButtonProps,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { ApiToken, CreatedApiToken } from '../../lib/api/types';
import { formatDateTime } from '../../lib/format';
import { applyProblemToForm } from '../../lib/formErrors';
import { useCursorList } from '../../lib/useCursorList';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert, problemMessage } from '../../components/ProblemAlert';
import { CursorTable } from '../../components/CursorTable';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useRoleOptions } from '../../lib/roles';
import { tokenKeys, tokensApi } from './api';

export const DEFAULT_TOKEN_DAYS = 90;

/** The expiry sent to the API: the end of the chosen day, local time, as an ISO instant. */
export function expiryToIso(day: Dayjs): string {
  return day.endOf('day').toISOString();
}

type TokenStatus = 'active' | 'revoked' | 'expired';

export function tokenStatus(token: Pick<ApiToken, 'revokedAt' | 'expiresAt'>, now: Dayjs = dayjs()): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (dayjs(token.expiresAt).isBefore(now)) return 'expired';
  return 'active';
}

interface FormValues {
  name: string;
  role: string;
  regionId: string;
  expiresAt: Dayjs;
}

const FIELDS = ['name', 'role', 'regionId', 'expiresAt'] as const;

export function TokensPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const roles = useRoleOptions({ purpose: 'tokens' });
  const [form] = Form.useForm<FormValues>();
  const [creating, setCreating] = useState(false);
  const [formProblem, setFormProblem] = useState<unknown>(null);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  const list = useCursorList<ApiToken>(tokenKeys.list, (cursor, signal) => tokensApi.list({ cursor, limit: 50 }, signal));

  const create = useMutation({
    mutationFn: (v: FormValues) =>
      tokensApi.create({ name: v.name.trim(), role: v.role, regionId: v.regionId, expiresAt: expiryToIso(v.expiresAt) }),
    onSuccess: (token) => {
      setCreating(false);
      form.resetFields();
      setFormProblem(null);
      setCreated(token);
      void queryClient.invalidateQueries({ queryKey: tokenKeys.list });
    },
    onError: (e) => setFormProblem(applyProblemToForm(form, e, FIELDS) ? null : e),
  });

  const revoke = useMutation({
    mutationFn: (id: string) => tokensApi.revoke(id),
    onSuccess: () => {
      void message.success(t('token.revokedDone'));
      void queryClient.invalidateQueries({ queryKey: tokenKeys.list });
    },
    onError: (e) => void message.error(problemMessage(e, t('common.requestFailed'))),
  });

  const statusTag = (s: TokenStatus) => (
    <Tag color={s === 'active' ? 'green' : s === 'revoked' ? 'red' : 'default'} data-testid="token-status">
      {t(`token.${s}`)}
    </Tag>
  );

  return (
    <>
      <PageHeader
        title={t('nav.tokens')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
            {t('token.create')}
          </Button>
        }
      />
      <Card>
        <CursorTable<ApiToken>
          list={list}
          data-testid="tokens-table"
          rowKey="id"
          size="middle"
          scroll={{ x: 1100 }}
          columns={[
            { title: t('token.name'), dataIndex: 'name', key: 'name' },
            { title: t('token.prefix'), dataIndex: 'prefix', key: 'prefix', render: (v: string) => <code>{v}…</code> },
            { title: t('token.role'), dataIndex: 'roleName', key: 'roleName' },
            { title: t('token.region'), dataIndex: 'regionName', key: 'regionName' },
            { title: t('token.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: formatDateTime },
            { title: t('token.expiresAt'), dataIndex: 'expiresAt', key: 'expiresAt', render: formatDateTime },
            { title: t('token.lastUsedAt'), dataIndex: 'lastUsedAt', key: 'lastUsedAt', render: formatDateTime },
            { title: t('token.status'), key: 'status', render: (_: unknown, tk) => statusTag(tokenStatus(tk)) },
            {
              title: t('common.actions'),
              key: 'actions',
              fixed: 'right',
              render: (_: unknown, tk) =>
                tk.revokedAt ? null : (
                  <Popconfirm
                    title={t('token.confirmRevoke', { name: tk.name })}
                    okText={t('token.revoke')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => revoke.mutateAsync(tk.id).catch(() => undefined)}
                  >
                    <Button size="small" danger data-testid="token-revoke">
                      {t('token.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>

      <Modal
        open={creating}
        title={t('token.createTitle')}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={() => {
          setCreating(false);
          setFormProblem(null);
          form.resetFields();
        }}
        forceRender
        okButtonProps={{ 'data-testid': 'token-form-submit' } as ButtonProps}
        data-testid="token-create-modal"
      >
        <Form<FormValues>
          form={form}
          layout="vertical"
          name="create-token"
          initialValues={{ expiresAt: dayjs().add(DEFAULT_TOKEN_DAYS, 'day') }}
          onFinish={(v) => {
            setFormProblem(null);
            create.mutate(v);
          }}
        >
          {formProblem ? <ProblemAlert error={formProblem} style={{ marginBottom: 16 }} /> : null}
          <Form.Item
            name="name"
            label={t('token.name')}
            rules={[{ required: true, whitespace: true, message: t('user.required', { field: t('token.name') }) }]}
          >
            <Input placeholder={t('token.namePlaceholder')} maxLength={100} data-testid="token-form-name" />
          </Form.Item>
          <Form.Item name="role" label={t('token.role')} rules={[{ required: true, message: t('user.required', { field: t('token.role') }) }]}>
            <Select<string>
              data-testid="token-form-role"
              loading={roles.loading}
              options={roles.options}
            />
          </Form.Item>
          <Form.Item
            name="regionId"
            label={t('token.region')}
            rules={[{ required: true, message: t('user.required', { field: t('token.region') }) }]}
          >
            <RegionTreeSelect allowClear={false} testId="token-form-region" placeholder={t('token.region')} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="expiresAt"
            label={t('token.expiresAt')}
            rules={[{ required: true, message: t('user.required', { field: t('token.expiresAt') }) }]}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.isBefore(dayjs(), 'day')}
              data-testid="token-form-expires"
            />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={!!created}
        title={t('token.secretTitle')}
        closable={false}
        mask={{ closable: false }}
        keyboard={false}
        footer={
          <Button type="primary" onClick={() => setCreated(null)} data-testid="token-secret-done">
            {t('token.secretDone')}
          </Button>
        }
        data-testid="token-secret-modal"
      >
        <Alert type="warning" showIcon title={t('token.secretWarning')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph strong style={{ marginBottom: 4 }}>
          {created?.name}
        </Typography.Paragraph>
        <Typography.Paragraph
          code
          copyable={{ text: created?.token ?? '', tooltips: [t('common.copy'), t('common.copied')] }}
          style={{ wordBreak: 'break-all' }}
          data-testid="token-secret"
        >
          {created?.token}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
