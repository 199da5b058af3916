import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CalendarWarning } from '../lib/api/types';
import { useLoadedYears } from '../lib/api/calendar';
import { usePermission } from '../lib/auth/useAuth';

/** The warning's text: this year missing (deadlines already provisional) or, from 1 November, next year. */
function useWarningText(warning: CalendarWarning, today: string): string {
  const { t } = useTranslation();
  return warning.year <= Number(today.slice(0, 4))
    ? t('calendar.warning.thisYear', { year: warning.year })
    : t('calendar.warning.nextYear', { year: warning.year });
}

export function CalendarWarningAlert({
  warning,
  today,
  action,
}: {
  warning: CalendarWarning;
  today: string;
  action?: React.ReactNode;
}) {
  const text = useWarningText(warning, today);
  return <Alert type="warning" showIcon title={text} action={action} data-testid="calendar-year-warning" />;
}

/**
 * The dashboard notice for calendar managers: from 1 November while next year's arrangement is missing (and all year
 * when this year's is), with a link to the calendar page to upload it.
 */
export function CalendarYearNotice() {
  const { t } = useTranslation();
  const canManage = usePermission('calendar.manage');
  const years = useLoadedYears(canManage);
  const warning = years.data?.warning;
  if (!canManage || !warning || !years.data) return null;
  return (
    <div style={{ marginBottom: 16 }} data-testid="calendar-year-notice">
      <CalendarWarningAlert
        warning={warning}
        today={years.data.today}
        action={
          <Link to={`/calendar?year=${warning.year}`} data-testid="calendar-year-notice-link">
            {t('calendar.warning.go')}
          </Link>
        }
      />
    </div>
  );
}
