import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdmissionKind, AdmissionState } from '../../lib/api/types';
import { admissionStateColor } from './admissionModel';

export function AdmissionStateTag({ state, testId = 'admission-state' }: { state: AdmissionState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={admissionStateColor(state)} data-testid={testId} data-state={state}>
      {t(`admissions.states.${state}`)}
    </Tag>
  );
}

export function AdmissionKindTag({ kind }: { kind: AdmissionKind }) {
  const { t } = useTranslation();
  return <Tag color={kind === 'admission' ? 'cyan' : 'volcano'}>{t(`admissions.kinds.${kind}`)}</Tag>;
}
