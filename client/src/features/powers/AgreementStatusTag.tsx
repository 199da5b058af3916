import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Agreement, AgreementStatus } from '../../lib/api/types';
import { agreementStatusDisplay, expiryText } from './model';

export function AgreementStatusTag({ status }: { status: AgreementStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={agreementStatusDisplay(status).color} data-testid="agreement-status" data-status={status}>
      {t(`powers.agreementStates.${status}`)}
    </Tag>
  );
}

/** 剩 N 天 / 今日到期 / 已终止 — orange while expiring. */
export function ExpiryLabel({ agreement }: { agreement: Pick<Agreement, 'status' | 'daysToExpiry'> }) {
  const { t } = useTranslation();
  const text = expiryText(agreement);
  const words =
    text.key === 'daysLeft'
      ? t('powers.agreement.daysLeft', { count: text.days })
      : text.key === 'lastDay'
        ? t('powers.agreement.lastDay')
        : t('powers.agreement.ended');
  return (
    <Typography.Text
      type={text.key === 'ended' ? 'secondary' : undefined}
      style={agreement.status === 'expiring' ? { color: '#d46b08', fontWeight: 600 } : undefined}
      data-testid="agreement-days"
    >
      {words}
    </Typography.Text>
  );
}
