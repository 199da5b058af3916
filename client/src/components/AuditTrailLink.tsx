import { Button } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useCurrentUser } from '../lib/auth/useAuth';

/** 审计记录: the audit log filtered to one record, for those who may read it (nothing for the others). */
export function AuditTrailLink({ recordType, recordId }: { recordType: string; recordId: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!hasPermission(me, 'audit.read')) return null;
  return (
    <Link to={`/audit?recordType=${recordType}&recordId=${encodeURIComponent(recordId)}`}>
      <Button icon={<AuditOutlined />}>{t('powers.item.auditTrail')}</Button>
    </Link>
  );
}
