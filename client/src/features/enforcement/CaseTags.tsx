import { Tag, Typography } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CaseState, EnforcementCase } from '../../lib/api/types';
import { countyToday } from '../../lib/dates';
import { caseDue, caseStateColor } from './caseModel';

export function CaseStateTag({ state, testId = 'case-state' }: { state: CaseState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={caseStateColor(state)} data-testid={testId} data-state={state}>
      {t(`enforcement.cases.states.${state}`)}
    </Tag>
  );
}

/** 已超期 (red) or 临期 (orange) while the decision is still to be made; nothing otherwise. */
export function CaseDueTag({
  value,
  today = countyToday(),
  testId = 'case-due',
}: {
  value: Pick<EnforcementCase, 'state' | 'filing'>;
  today?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const due = caseDue(value, today);
  if (!due) return null;
  return (
    <Tag
      color={due === 'overdue' ? 'red' : 'orange'}
      icon={due === 'overdue' ? <ExclamationCircleOutlined /> : <ClockCircleOutlined />}
      data-testid={testId}
      data-due={due}
    >
      {t(`enforcement.cases.due.${due}`)}
    </Tag>
  );
}

/** The decision's last day, red when overdue and orange when due soon; — before 立案. */
export function DecisionDue({
  value,
  today = countyToday(),
  testId = 'case-decision-due',
}: {
  value: Pick<EnforcementCase, 'state' | 'filing'>;
  today?: string;
  testId?: string;
}) {
  const due = caseDue(value, today);
  const color = due === 'overdue' ? '#cf1322' : due === 'soon' ? '#d46b08' : undefined;
  return (
    <Typography.Text
      style={color ? { color, fontWeight: 600 } : undefined}
      data-testid={testId}
      data-due={due ?? 'none'}
    >
      {value.filing?.decisionDueOn ?? '—'}
    </Typography.Text>
  );
}
