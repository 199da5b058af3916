import { useEffect, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { isApiProblem, setUnauthorizedHandler } from '../lib/api/client';
import { meQueryKey } from '../lib/auth/api';
import i18n from '../lib/i18n';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // 4xx answers are final (404 = not found or out of scope); retry other failures once.
        retry: (failureCount, error) =>
          !(isApiProblem(error) && error.status >= 400 && error.status < 500) && failureCount < 1,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}

function AntdLocale({ children }: { children: ReactNode }) {
  const { i18n: instance } = useTranslation();
  const locale = instance.language === 'en' ? enUS : zhCN;
  return (
    <ConfigProvider
      locale={locale}
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#c41d24', borderRadius: 4 } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** Query cache, i18n and antd (locale follows the UI language). A 401 anywhere ends the session. */
export function AppProviders({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  useEffect(() => {
    // Setting `me` to null makes RequireAuth redirect to /login from wherever the user is.
    setUnauthorizedHandler(() => {
      client.cancelQueries().catch(() => undefined);
      client.setQueryData(meQueryKey, null);
    });
    return () => setUnauthorizedHandler(undefined);
  }, [client]);
  return (
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <AntdLocale>{children}</AntdLocale>
      </I18nextProvider>
    </QueryClientProvider>
  );
}
