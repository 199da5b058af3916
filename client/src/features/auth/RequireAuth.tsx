import { useContext, type ReactNode } from 'react';
import { Flex, Spin } from 'antd';
import { Navigate, useLocation } from 'react-router';
import type { Permission } from '../../lib/api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Forbidden } from '../../components/NotFound';
import { CurrentUserContext, hasPermission, useMe } from '../../lib/auth/useAuth';

export function FullPageSpin() {
  return (
    <Flex justify="center" align="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/** Renders children only with a session; otherwise goes to /login and remembers where the user was. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) return <ProblemAlert error={me.error} style={{ margin: 24 }} />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <CurrentUserContext.Provider value={me.data}>{children}</CurrentUserContext.Provider>;
}

/** A page that needs a permission shows 403 when the user lacks it (the API would refuse anyway). */
export function RequirePermission({ permission, children }: { permission: Permission | Permission[]; children: ReactNode }) {
  const me = useContext(CurrentUserContext);
  const needed = Array.isArray(permission) ? permission : [permission];
  if (!needed.some((p) => hasPermission(me, p))) return <Forbidden />;
  return <>{children}</>;
}
