import { useState } from 'react';
import { App as AntApp, Button, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, EvaluationGrant, GrantToken, GrantUser } from '../../lib/api/types';
import { formatDateTime } from '../../lib/format';
import { tokenStatus } from '../../lib/tokens';
import { useCursorList } from '../../lib/useCursorList';
import { etagOf } from '../../lib/versions';
import { CursorTable } from '../../components/CursorTable';
import { RecordStatus } from '../../components/RecordStatus';
import { grantKeys, grantsApi } from './api';
import { GrantFormModal } from './GrantFormModal';
import { GrantStatusTag, ModuleTags } from './GrantTags';
import { RevokeGrantModal } from './RevokeGrantModal';
import { readOf } from './model';

/** A grant: its terms, its evaluator accounts and tokens, and 评估机构查阅记录; 修改 and 撤销 while not revoked. */
export function GrantDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useQuery({
    queryKey: grantKeys.detail(id ?? ''),
    queryFn: ({ signal }) => grantsApi.get(id ?? '', signal),
    enabled: !!id,
  });
  const g = detail.data?.data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={880}
      title={g ? g.organisation : t('grant.detail')}
      extra={g && detail.data ? <GrantActions grant={g} etag={detail.data.etag ?? etagOf(g.version)} /> : null}
      data-testid="grant-drawer"
    >
      {!g || detail.isError ? <RecordStatus error={detail.error} /> : <GrantDetail grant={g} />}
    </Drawer>
  );
}

function GrantActions({ grant, etag }: { grant: EvaluationGrant; etag: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<'edit' | 'revoke' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: grantKeys.all });
  const done = (text: string) => {
    setOpen(null);
    void message.success(text);
    void refresh();
  };
  if (grant.status === 'revoked') return null;
  return (
    <Space>
      <Button icon={<EditOutlined />} onClick={() => setOpen('edit')} data-testid="grant-edit">
        {t('grant.edit')}
      </Button>
      <Button danger icon={<StopOutlined />} onClick={() => setOpen('revoke')} data-testid="grant-revoke">
        {t('grant.revoke')}
      </Button>
      <GrantFormModal
        open={open === 'edit'}
        editing={{ grant, etag }}
        onClose={() => setOpen(null)}
        onSaved={() => done(t('grant.changed'))}
        onReload={refresh}
      />
      <RevokeGrantModal
        open={open === 'revoke'}
        grant={grant}
        etag={etag}
        onClose={() => setOpen(null)}
        onDone={() => done(t('grant.revoked'))}
        onReload={refresh}
      />
    </Space>
  );
}

function GrantDetail({ grant: g }: { grant: EvaluationGrant }) {
  const { t } = useTranslation();
  return (
    <>
      <Descriptions column={1} bordered size="small" data-testid="grant-detail" styles={{ label: { width: 130 } }}>
        <Descriptions.Item label={t('grant.status')}>
          <GrantStatusTag status={g.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('grant.purpose')}>{g.purpose}</Descriptions.Item>
        <Descriptions.Item label={t('grant.region')}>
          {g.regionName}
          {' · '}
          {g.townships.length > 0 ? g.townships.map((r) => r.name).join('、') : t('grant.wholeRegion')}
        </Descriptions.Item>
        <Descriptions.Item label={t('grant.period')}>
          {g.periodFrom} ~ {g.periodTo}
        </Descriptions.Item>
        <Descriptions.Item label={t('grant.modules')}>
          <ModuleTags modules={g.modules} />
        </Descriptions.Item>
        <Descriptions.Item label={t('grant.expiresAt')}>{formatDateTime(g.expiresAt)}</Descriptions.Item>
        <Descriptions.Item label={t('grant.createdAt')}>{formatDateTime(g.createdAt)}</Descriptions.Item>
        {g.revokedAt ? (
          <>
            <Descriptions.Item label={t('grant.revokedAt')}>{formatDateTime(g.revokedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('grant.revokeReason')}>{g.revokeReason ?? '—'}</Descriptions.Item>
          </>
        ) : null}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('grant.users')}
      </Typography.Title>
      <Table<GrantUser>
        data-testid="grant-users"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={g.users}
        columns={[
          { title: t('user.username'), dataIndex: 'username', key: 'username' },
          { title: t('user.displayName'), dataIndex: 'displayName', key: 'displayName' },
          {
            title: t('user.status'),
            key: 'status',
            render: (_: unknown, u) =>
              u.disabled ? <Tag>{t('user.disabled')}</Tag> : <Tag color="green">{t('user.active')}</Tag>,
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('grant.tokens')}
      </Typography.Title>
      <Table<GrantToken>
        data-testid="grant-tokens"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={g.tokens}
        columns={[
          { title: t('token.name'), dataIndex: 'name', key: 'name' },
          { title: t('token.prefix'), dataIndex: 'prefix', key: 'prefix', render: (v: string) => <code>{v}…</code> },
          { title: t('token.expiresAt'), dataIndex: 'expiresAt', key: 'expiresAt', render: formatDateTime },
          { title: t('token.lastUsedAt'), dataIndex: 'lastUsedAt', key: 'lastUsedAt', render: formatDateTime },
          { title: t('token.status'), key: 'status', render: (_: unknown, tk) => t(`token.${tokenStatus(tk)}`) },
        ]}
      />
      <ReadLog grantId={g.id} />
    </>
  );
}

/** 评估机构查阅记录: the grant's evaluation.read entries of the audit trail. */
function ReadLog({ grantId }: { grantId: string }) {
  const { t } = useTranslation();
  const list = useCursorList<AuditEntry>(grantKeys.readLog(grantId), (cursor, signal) =>
    grantsApi.reads(grantId, { cursor, limit: 50 }, signal),
  );
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('grant.readLog')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('grant.readLogHint')}</Typography.Paragraph>
      <CursorTable<AuditEntry>
        list={list}
        data-testid="grant-reads"
        rowKey="id"
        size="small"
        columns={[
          { title: t('grant.readAt'), dataIndex: 'occurredAt', key: 'at', width: 140, render: formatDateTime },
          { title: t('grant.reader'), dataIndex: 'actorName', key: 'actor', width: 140 },
          {
            title: t('grant.readPath'),
            key: 'path',
            render: (_: unknown, e) => {
              const read = readOf(e);
              return (
                <Typography.Text code style={{ wordBreak: 'break-all' }} data-testid="grant-read-path">
                  {read.method} {read.path}
                </Typography.Text>
              );
            },
          },
          {
            title: t('grant.outcome'),
            dataIndex: 'outcome',
            key: 'outcome',
            width: 80,
            render: (o: AuditEntry['outcome']) => (
              <Tag color={o === 'success' ? 'green' : 'red'}>{t(`audit.outcomes.${o}`)}</Tag>
            ),
          },
        ]}
      />
    </>
  );
}
