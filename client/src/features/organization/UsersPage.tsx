import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Popconfirm, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { User } from '../../lib/api/types';
import { formatDateTime } from '../../lib/format';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { PageHeader } from '../../components/PageHeader';
import { problemMessage } from '../../components/ProblemAlert';
import { CursorTable } from '../../components/CursorTable';
import { SearchBox } from '../../components/SearchBox';
import { useCurrentUser, usePermission } from '../../lib/auth/useAuth';
import { organizationApi, organizationKeys } from './api';
import { grantKeys } from '../../lib/api/grants';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { RoleWithGrant } from '../../components/RoleWithGrant';
import { CreateUserModal } from './CreateUserModal';
import { useRoleOptions } from '../../lib/roles';

const FILTERS = ['q', 'regionId', 'role'] as const;

export function UsersPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const canManage = usePermission('users.manage');
  const me = useCurrentUser();
  const [filters, setFilters] = useSearchFilters(FILTERS);
  const [creating, setCreating] = useState(false);
  const roles = useRoleOptions({ purpose: 'people' });

  const query = { q: filters.q, regionId: filters.regionId, role: filters.role };
  const list = useCursorList<User>(organizationKeys.users(query), (cursor, signal) =>
    organizationApi.users({ ...query, cursor, limit: 50 }, signal),
  );

  const toggle = useMutation({
    mutationFn: (u: User) => (u.disabled ? organizationApi.enableUser(u.id) : organizationApi.disableUser(u.id)),
    onSuccess: (u) => {
      void message.success(u.disabled ? t('user.disabledDone') : t('user.enabledDone'));
      void queryClient.invalidateQueries({ queryKey: organizationKeys.usersAll });
    },
    onError: (e) => void message.error(problemMessage(e, t('common.requestFailed'))),
  });

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create">
              {t('user.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <SearchBox
            value={filters.q}
            onSearch={(v) => setFilters({ q: v })}
            placeholder={t('user.searchPlaceholder')}
            testId="users-search"
          />
          <RegionTreeSelect
            value={filters.regionId}
            onChange={(v) => setFilters({ regionId: v })}
            testId="users-region-filter"
          />
          <Select<string>
            allowClear
            placeholder={t('user.allRoles')}
            value={filters.role}
            onChange={(v) => setFilters({ role: v })}
            options={roles.options}
            loading={roles.loading}
            style={{ minWidth: 200 }}
            data-testid="users-role-filter"
          />
        </Flex>
        <CursorTable<User>
          list={list}
          data-testid="users-table"
          rowKey="id"
          size="middle"
          scroll={{ x: 1000 }}
          columns={[
            {
              title: t('user.username'),
              dataIndex: 'username',
              key: 'username',
              render: (v: string) => <span data-testid="user-username">{v}</span>,
            },
            { title: t('user.displayName'), dataIndex: 'displayName', key: 'displayName' },
            {
              title: t('user.role'),
              dataIndex: 'roleName',
              key: 'roleName',
              render: (v: string, u) => <RoleWithGrant roleName={v} grantId={u.grantId} />,
            },
            { title: t('user.region'), dataIndex: 'regionName', key: 'regionName' },
            { title: t('user.unit'), dataIndex: 'unitName', key: 'unitName', render: (v: string | null) => v ?? '—' },
            { title: t('user.phone'), dataIndex: 'phone', key: 'phone', render: (v: string | null) => v ?? '—' },
            {
              title: t('user.status'),
              key: 'status',
              render: (_: unknown, u) => (
                <Flex gap={4} wrap>
                  {u.disabled ? (
                    <Tag color="default">{t('user.disabled')}</Tag>
                  ) : (
                    <Tag color="green">{t('user.active')}</Tag>
                  )}
                  {u.lockedUntil && dayjs(u.lockedUntil).isAfter(dayjs()) ? (
                    <Tag color="orange">{t('user.lockedUntil', { time: formatDateTime(u.lockedUntil) })}</Tag>
                  ) : null}
                </Flex>
              ),
            },
            { title: t('user.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: formatDateTime },
            ...(canManage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    fixed: 'right' as const,
                    render: (_: unknown, u: User) =>
                      u.id === me.id ? null : (
                        <Popconfirm
                          title={
                            u.disabled
                              ? t('user.confirmEnable', { name: u.displayName })
                              : t('user.confirmDisable', { name: u.displayName })
                          }
                          okText={t('common.ok')}
                          cancelText={t('common.cancel')}
                          onConfirm={() => toggle.mutateAsync(u).catch(() => undefined)}
                        >
                          <Button
                            size="small"
                            danger={!u.disabled}
                            data-testid={u.disabled ? 'user-enable' : 'user-disable'}
                          >
                            {u.disabled ? t('user.enable') : t('user.disable')}
                          </Button>
                        </Popconfirm>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {canManage ? (
        <CreateUserModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(u) => {
            setCreating(false);
            void message.success(t('user.created'));
            void queryClient.invalidateQueries({ queryKey: organizationKeys.usersAll });
            void queryClient.invalidateQueries({ queryKey: grantKeys.all }); // an evaluator joined a grant
            setFilters({ q: u.username, role: undefined, regionId: undefined });
          }}
        />
      ) : null}
    </>
  );
}
