import { Tag, Typography } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ApplicationListItem, ApplicationState } from '../../lib/api/types';
import { deadlineColor, deadlineStatus, stateColor } from './model';

export function ApplicationStateTag({ state, testId = 'application-state' }: { state: ApplicationState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={stateColor(state)} data-testid={testId} data-state={state}>
      {t(`applications.states.${state}`)}
    </Tag>
  );
}

/** 已超期 (red) or 临近到期 (orange); 计时暂停 while waiting for materials; nothing otherwise. */
export function DeadlineTag({
  application,
  testId = 'application-deadline',
}: {
  application: Pick<ApplicationListItem, 'overdue' | 'dueSoon' | 'state'>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const status = deadlineStatus(application);
  if (status) {
    return (
      <Tag
        color={deadlineColor(status).tag}
        icon={status === 'overdue' ? <ExclamationCircleOutlined /> : <ClockCircleOutlined />}
        data-testid={testId}
        data-deadline={status}
      >
        {t(`applications.deadline.${status}`)}
      </Tag>
    );
  }
  if (application.state === 'suspended') {
    return (
      <Tag icon={<PauseCircleOutlined />} data-testid={testId} data-deadline="paused">
        {t('applications.deadline.paused')}
      </Tag>
    );
  }
  return null;
}

/** The due date, red when overdue and orange when due soon. */
export function DueDate({
  application,
  testId = 'application-due-on',
}: {
  application: Pick<ApplicationListItem, 'overdue' | 'dueSoon' | 'dueOn'>;
  testId?: string;
}) {
  const status = deadlineStatus(application);
  const color = deadlineColor(status).text;
  return (
    <Typography.Text
      style={color ? { color, fontWeight: 600 } : undefined}
      data-testid={testId}
      data-deadline={status ?? 'none'}
    >
      {application.dueOn}
    </Typography.Text>
  );
}
