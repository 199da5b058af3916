import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Modal, Popconfirm, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiToken, CreatedApiToken } from '../../lib/api/types';
import { grantKeys } from '../../lib/api/grants';
import { formatDateTime } from '../../lib/format';
import { tokenStatus, type TokenStatus } from '../../lib/tokens';
import { useCursorList } from '../../lib/useCursorList';
import { PageHeader } from '../../components/PageHeader';
import { problemMessage } from '../../components/ProblemAlert';
import { CursorTable } from '../../components/CursorTable';
import { RoleWithGrant } from '../../components/RoleWithGrant';
import { tokenKeys, tokensApi } from './api';
import { CreateTokenModal } from './CreateTokenModal';

export function TokensPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  const list = useCursorList<ApiToken>(tokenKeys.list, (cursor, signal) =>
    tokensApi.list({ cursor, limit: 50 }, signal),
  );

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
            {
              title: t('token.role'),
              dataIndex: 'roleName',
              key: 'roleName',
              render: (v: string, tk) => <RoleWithGrant roleName={v} grantId={tk.grantId} />,
            },
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

      <CreateTokenModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(token) => {
          setCreating(false);
          setCreated(token);
          void queryClient.invalidateQueries({ queryKey: tokenKeys.list });
          void queryClient.invalidateQueries({ queryKey: grantKeys.all });
        }}
      />

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
