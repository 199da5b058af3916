import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintFinding, ComplaintState, FaultLiability } from '../../lib/api/types';
import { complaintStateColor, findingColor, liabilityColor } from './supervisionModel';

export function ComplaintStateTag({ state, testId = 'complaint-state' }: { state: ComplaintState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={complaintStateColor(state)} data-testid={testId} data-state={state} style={{ marginInlineEnd: 0 }}>
      {t(`enforcement.complaints.states.${state}`)}
    </Tag>
  );
}

export function FindingTag({ finding, testId = 'complaint-finding-tag' }: { finding: ComplaintFinding; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={findingColor(finding)} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {t(`enforcement.complaints.findings.${finding}`)}
    </Tag>
  );
}

export function LiabilityTag({ liability }: { liability: FaultLiability }) {
  const { t } = useTranslation();
  return (
    <Tag color={liabilityColor(liability)} data-testid="fault-liability" style={{ marginInlineEnd: 0 }}>
      {t(`enforcement.faults.liabilities.${liability}`)}
    </Tag>
  );
}
