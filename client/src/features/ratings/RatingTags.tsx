import { Tag } from 'antd';
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Rectification, RectificationState } from '../../lib/api/types';
import { countyToday } from '../../lib/dates';
import { daysOverdue, isRatingChannel, isRatingLevel, levelTagColor, rectificationStateColor } from './model';

/** 非常满意 … 非常不满意 in its colour (green to red). */
export function RatingLevelTag({ level, testId = 'rating-level' }: { level: number; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={levelTagColor(level)} data-testid={testId} data-level={level}>
      {isRatingLevel(level) ? t(`ratings.levels.${level}`) : level}
    </Tag>
  );
}

export function RatingChannelText({ channel }: { channel: string }) {
  const { t } = useTranslation();
  return <>{isRatingChannel(channel) ? t(`ratings.channels.${channel}`) : channel}</>;
}

export function RectificationStateTag({
  state,
  name,
  testId = 'rectification-state',
}: {
  state: RectificationState;
  name?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Tag color={rectificationStateColor(state)} data-testid={testId} data-state={state}>
      {t(`ratings.states.${state}`, { defaultValue: name })}
    </Tag>
  );
}

/** 超期 N 天 in red (the API decides whether it is overdue; only open ones can be). */
export function OverdueTag({ rectification, testId = 'rectification-overdue' }: { rectification: Pick<Rectification, 'overdue' | 'dueOn'>; testId?: string }) {
  const { t } = useTranslation();
  if (!rectification.overdue) return null;
  const days = daysOverdue(rectification, countyToday());
  return (
    <Tag color="red" icon={<ExclamationCircleOutlined />} data-testid={testId} data-days={days}>
      {t('ratings.overdueDays', { count: days })}
    </Tag>
  );
}
