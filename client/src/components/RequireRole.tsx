import type { ReactNode } from 'react';
import { Card, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../lib/auth/useAuth';
import { VILLAGE_AGENT, WINDOW_CLERK } from '../lib/roles';

/** A page for one role (the workbench for window clerks, the agent desk for village agents): others see 403. */
export function RequireRole({ role, children }: { role: typeof WINDOW_CLERK | typeof VILLAGE_AGENT; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (me.role !== role) {
    return (
      <Card>
        <Result
          status="403"
          data-testid="forbidden"
          title={t('common.forbidden')}
          subTitle={t('applications.roleOnly', { role: t(`applications.roles.${role}`) })}
        />
      </Card>
    );
  }
  return <>{children}</>;
}
