import { useTranslation } from 'react-i18next';
import { displayPeriod } from '../lib/dates';

/** 2024-01-01 起 / 2024-01-01 至 2026-12-31 (last day in force), on one line. */
export function PeriodLabel({ from, to }: { from: string; to: string | null }) {
  const { t } = useTranslation();
  const period = displayPeriod(from, to);
  return <>{period.lastDay ? t('powers.period.range', { from, to: period.lastDay }) : t('powers.period.since', { date: from })}</>;
}
