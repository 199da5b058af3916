import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FindingSeverity, FindingState } from '../../lib/api/types';
import { findingStateColor, severityColor } from './model';

export function FindingStateTag({ state, testId = 'finding-state' }: { state: FindingState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={findingStateColor(state)} data-testid={testId} data-state={state}>
      {t(`findings.states.${state}`)}
    </Tag>
  );
}

export function SeverityTag({ severity }: { severity: FindingSeverity }) {
  const { t } = useTranslation();
  return (
    <Tag color={severityColor(severity)} data-testid="finding-severity" data-severity={severity}>
      {t(`findings.severities.${severity}`)}
    </Tag>
  );
}
