import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketState } from '../../lib/api/types';
import { ticketStateColor, waitText } from './model';

export function TicketStateTag({ state, testId = 'ticket-state' }: { state: TicketState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={ticketStateColor(state)} data-testid={testId} data-state={state} style={{ marginInlineEnd: 0 }}>
      {t(`queue.ticketStates.${state}`)}
    </Tag>
  );
}

/** A wait in minutes as people read it (不足 1 分钟, 12 分钟, 1 小时 5 分). */
export function useWaitFormat() {
  const { t } = useTranslation();
  return (minutes: number | null | undefined): string => {
    const w = waitText(minutes);
    switch (w.key) {
      case 'none':
        return t('common.none');
      case 'underMinute':
        return t('queue.wait.underMinute');
      case 'minutes':
        return t('queue.wait.minutes', { minutes: w.minutes });
      case 'hoursMinutes':
        return t('queue.wait.hoursMinutes', { hours: w.hours, minutes: w.minutes });
    }
  };
}
