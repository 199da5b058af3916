import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PersonState, ExceptionStatus, PostFunding as Funding, PostKind as Kind, PostFunding, PostKind, PostRequestState, TransferGuidance } from '../../lib/api/types';
import { POST_FUNDINGS, POST_KINDS } from './model';

const REQUEST_COLORS: Record<PostRequestState, string> = {
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
  cancelled: 'default',
};

/** The state of a 编制使用申请 (named by the API). */
export function RequestStateTag({ state, name }: { state: PostRequestState; name: string }) {
  return (
    <Tag color={REQUEST_COLORS[state]} data-testid="request-state">
      {name}
    </Tag>
  );
}

const EXCEPTION_COLORS: Record<ExceptionStatus, string> = { in_force: 'warning', overdue: 'error', resolved: 'success' };

export function ExceptionStatusTag({ status }: { status: ExceptionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={EXCEPTION_COLORS[status]} data-testid="exception-status">
      {t(`staffing.exceptions.status.${status}`)}
    </Tag>
  );
}

const GUIDANCE_TAG: Record<TransferGuidance, string> = { below: 'warning', within: 'success', above: 'error' };

export function GuidanceTag({ guidance }: { guidance: TransferGuidance }) {
  const { t } = useTranslation();
  return (
    <Tag color={GUIDANCE_TAG[guidance]} data-testid="guidance">
      {t(`staffing.summary.guidance.${guidance}`)}
    </Tag>
  );
}

interface SelectProps<V> {
  value?: V;
  onChange?: (v: V | undefined) => void;
  id?: string;
  testId?: string;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
}

/** 编制类型: 行政编制 / 事业编制. */
export function KindSelect({ testId, style, ...props }: SelectProps<PostKind>) {
  const { t } = useTranslation();
  return (
    <Select<PostKind>
      {...props}
      data-testid={testId}
      style={{ minWidth: 120, ...style }}
      options={POST_KINDS.map((k) => ({ value: k, label: t(`staffing.kind.${k}`) }))}
    />
  );
}

/** 经费形式: 全额拨款 / 差额拨款 / 自收自支. */
export function FundingSelect({ testId, style, ...props }: SelectProps<PostFunding>) {
  const { t } = useTranslation();
  return (
    <Select<PostFunding>
      {...props}
      data-testid={testId}
      style={{ minWidth: 120, ...style }}
      options={POST_FUNDINGS.map((k) => ({ value: k, label: t(`staffing.funding.${k}`) }))}
    />
  );
}

export function PersonStateTag({ state }: { state: PersonState }) {
  const { t } = useTranslation();
  return (
    <Tag color={state === 'serving' ? 'success' : 'default'} data-testid="person-state">
      {t(`staffing.personState.${state}`)}
    </Tag>
  );
}

/** 编制类型（经费形式） in the UI language, from the codes (the API's names are Chinese only). */
export function useKindLabel() {
  const { t } = useTranslation();
  return (x: { kind: string; funding: string }) =>
    t('staffing.kindFunding', { kind: t(`staffing.kind.${x.kind as Kind}`), funding: t(`staffing.funding.${x.funding as Funding}`) });
}
