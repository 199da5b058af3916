import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoundIndicator, RoundState } from '../../lib/api/types';
import { isComputedKpi, kpiOf, roundStateColor } from './assessmentModel';

export function RoundStateTag({ state, testId = 'round-state' }: { state: RoundState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={roundStateColor(state)} data-testid={testId} data-state={state} style={{ marginInlineEnd: 0 }}>
      {t(`enforcement.assessments.states.${state}`)}
    </Tag>
  );
}

/** 人工评分, or 计算 with the KPI's name (the API's, or the client's own for a known code). */
export function SourceTag({ indicator }: { indicator: Pick<RoundIndicator, 'source' | 'kpiName'> }) {
  const { t } = useTranslation();
  const kpi = kpiOf(indicator.source);
  if (!kpi) return <Tag style={{ marginInlineEnd: 0 }}>{t('enforcement.assessments.indicator.manual')}</Tag>;
  const name = indicator.kpiName ?? (isComputedKpi(kpi) ? t(`enforcement.assessments.sources.${kpi}`) : kpi);
  return (
    <Tag color="purple" style={{ marginInlineEnd: 0 }} data-testid="indicator-computed">
      {t('enforcement.assessments.indicator.computed', { name })}
    </Tag>
  );
}
