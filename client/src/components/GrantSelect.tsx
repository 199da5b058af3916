import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { grantLabel, useActiveGrants } from '../lib/grants';

/** 评估任务: one of the active evaluation grants, for an evaluator user or token. */
export function GrantSelect({
  value,
  onChange,
  testId,
  id,
}: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  testId?: string;
  id?: string;
}) {
  const { t } = useTranslation();
  const grants = useActiveGrants();
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      loading={grants.isPending}
      placeholder={t('grant.selectPlaceholder')}
      notFoundContent={grants.isPending ? undefined : t('grant.noneActive')}
      options={(grants.data ?? []).map((g) => ({ value: g.id, label: grantLabel(g) }))}
      data-testid={testId}
    />
  );
}
