import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvaluationModule, GrantStatus } from '../../lib/api/types';

const STATUS_COLORS: Record<GrantStatus, string> = { active: 'green', expired: 'default', revoked: 'red' };

export function GrantStatusTag({ status }: { status: GrantStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="grant-status">
      {t(`grant.statuses.${status}`)}
    </Tag>
  );
}

export function ModuleTags({ modules }: { modules: EvaluationModule[] }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap>
      {modules.map((m) => (
        <Tag key={m} color="blue">
          {t(`grant.moduleNames.${m}`)}
        </Tag>
      ))}
    </Space>
  );
}
