import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { LoginRequest } from '../../lib/api/types';
import { problemMessage } from '../../components/ProblemAlert';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { authApi, meQueryKey } from '../../lib/auth/api';
import { useMe } from '../../lib/auth/useAuth';

function redirectTarget(state: unknown): string {
  if (state && typeof state === 'object' && 'from' in state) {
    const from = (state as { from: unknown }).from;
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login')) return from;
  }
  return '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const me = useMe();
  const [error, setError] = useState<string | null>(null);

  const login = useMutation({
    mutationFn: (body: LoginRequest) => authApi.login(body),
    onSuccess: (user) => {
      // A new session: drop whatever the previous one cached.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, user);
      void navigate(redirectTarget(location.state), { replace: true });
    },
    onError: (e) => setError(problemMessage(e, t('common.requestFailed'))),
  });

  if (me.data) return <Navigate to={redirectTarget(location.state)} replace />;

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', background: 'linear-gradient(180deg, #fff1f0 0%, #f5f5f5 60%)', padding: 16 }}
    >
      <Flex justify="flex-end" style={{ width: 380, marginBottom: 12 }}>
        <LanguageSwitch size="small" />
      </Flex>
      <Card style={{ width: 380 }} data-testid="login-card">
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }} data-testid="app-title">
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('auth.subtitle')}
        </Typography.Paragraph>
        <Form<LoginRequest>
          layout="vertical"
          name="login"
          requiredMark={false}
          onFinish={(values) => {
            setError(null);
            login.mutate(values);
          }}
          onValuesChange={() => setError(null)}
        >
          <Form.Item
            label={t('auth.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            label={t('auth.password')}
            name="password"
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {error ? (
            <Alert type="error" showIcon title={error} data-testid="login-error" style={{ marginBottom: 16 }} />
          ) : null}
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('auth.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
