import { Link } from 'react-router';
import { Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** A role's name, and for an evaluator's account the link to its grant (评估任务) on the grants page. */
export function RoleWithGrant({ roleName, grantId }: { roleName: string; grantId: string | null | undefined }) {
  const { t } = useTranslation();
  if (!grantId) return <>{roleName}</>;
  return (
    <Space size={4}>
      {roleName}
      <Link to={`/grants?grant=${encodeURIComponent(grantId)}`} data-testid="role-grant-link">
        {t('grant.field')}
      </Link>
    </Space>
  );
}
