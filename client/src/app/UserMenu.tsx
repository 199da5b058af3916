import { App as AntApp, Button, Flex, Popover, Space } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { problemMessage } from '../components/ProblemAlert';
import { EvaluationScope } from '../features/auth/EvaluationScope';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { authApi, meQueryKey } from '../lib/auth/api';
import { useCurrentUser } from '../lib/auth/useAuth';

function useLogout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  return useMutation({
    mutationFn: () => authApi.logout(),
    onSettled: (_data, error) => {
      if (error) void message.error(problemMessage(error, t('common.requestFailed')));
      queryClient.setQueryData(meQueryKey, null);
      void navigate('/login', { replace: true });
      // Nothing of this session may leak into the next one.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
    },
  });
}

/** Who is signed in: the name, and under it the role and the region. */
function CurrentUser({ light, testId }: { light: boolean; testId?: string }) {
  const me = useCurrentUser();
  const style = { lineHeight: 1.3, color: light ? '#fff' : undefined, textAlign: light ? 'right' : 'left' } as const;
  return (
    <Flex vertical style={style} data-testid={testId}>
      <span data-testid="current-user-name" style={{ fontWeight: 600 }}>
        {me.displayName}
      </span>
      <span style={{ fontSize: 12, opacity: 0.85 }}>
        <span data-testid="current-user-role">{me.roleName}</span>
        {' · '}
        <span data-testid="current-user-region">{me.regionName}</span>
      </span>
    </Flex>
  );
}

/**
 * The right of the header: the evaluator's grant, the user, the notices, the language and 退出登录. On a phone
 * (`compact`) only the notices and a user button stay; the rest opens under that button.
 */
export function UserMenu({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const logoutButton = (
    <Button icon={<LogoutOutlined />} onClick={() => logout.mutate()} loading={logout.isPending} data-testid="logout">
      {t('auth.logout')}
    </Button>
  );
  if (!compact) {
    return (
      <Space size="middle">
        <EvaluationScope />
        <CurrentUser light testId="current-user" />
        <NotificationBell />
        <LanguageSwitch size="small" />
        {logoutButton}
      </Space>
    );
  }
  return (
    <Space size="small">
      <NotificationBell />
      <Popover
        trigger="click"
        placement="bottomRight"
        content={
          <Flex vertical gap={12} align="flex-start" style={{ maxWidth: 'calc(100vw - 48px)' }} data-testid="user-menu">
            <CurrentUser light={false} />
            <EvaluationScope />
            <LanguageSwitch size="small" />
            {logoutButton}
          </Flex>
        }
      >
        <Button shape="circle" icon={<UserOutlined />} aria-label={t('app.account')} data-testid="current-user" />
      </Popover>
    </Space>
  );
}
