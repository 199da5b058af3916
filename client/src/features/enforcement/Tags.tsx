import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Officer, OfficerStatus, TeamHealthSeverity, TeamStrength } from '../../lib/api/types';
import { STATUS_COLORS, validityOf } from './model';

/** An officer's standing today (the API's status, named in the UI language). */
export function OfficerStatusTag({ status }: { status: OfficerStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="officer-status" data-status={status}>
      {t(`enforcement.status.${status}`)}
    </Tag>
  );
}

/** 有效期至 with the days left (or since it ended): orange while expiring, red once expired. */
export function ValidUntil({ officer }: { officer: Pick<Officer, 'status' | 'daysLeft' | 'certificate'> }) {
  const { t } = useTranslation();
  const until = officer.certificate?.validUntil;
  if (!until) return <>{t('common.none')}</>;
  const v = validityOf(officer);
  const type = officer.status === 'expired' ? 'danger' : officer.status === 'expiring' ? 'warning' : 'secondary';
  return (
    <Space size={6} data-testid="officer-valid-until">
      <span>{until}</span>
      {v.kind === 'none' ? null : (
        <Typography.Text type={type} data-testid="officer-days-left">
          {v.kind === 'remaining'
            ? t('enforcement.officers.daysLeft', { count: v.days })
            : v.kind === 'lastDay'
              ? t('enforcement.officers.lastDay')
              : t('enforcement.officers.overdue', { count: v.days })}
        </Typography.Text>
      )}
    </Space>
  );
}

/** 达标 when the certified officers reach the minimum for the population, else 不足. */
export function StrengthTag({ strength }: { strength: Pick<TeamStrength, 'sufficient'> }) {
  const { t } = useTranslation();
  return strength.sufficient ? (
    <Tag color="green" data-testid="team-sufficient">
      {t('enforcement.teams.sufficient')}
    </Tag>
  ) : (
    <Tag color="red" data-testid="team-insufficient">
      {t('enforcement.teams.insufficient')}
    </Tag>
  );
}

export function SeverityTag({ severity }: { severity: TeamHealthSeverity }) {
  const { t } = useTranslation();
  return (
    <Tag color={severity === 'error' ? 'red' : 'orange'} data-testid="flag-severity">
      {t(`enforcement.health.severity.${severity}`)}
    </Tag>
  );
}

/** The 执法领域 of an officer, one tag each. */
export function DomainTags({ names }: { names: readonly string[] }) {
  return (
    <Space size={[0, 4]} wrap data-testid="officer-domains">
      {names.map((n) => (
        <Tag key={n}>{n}</Tag>
      ))}
    </Space>
  );
}
