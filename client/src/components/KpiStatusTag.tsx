import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KpiValueRow } from '../lib/api/types';
import { freezeStatus } from '../lib/kpis';

interface Props {
  line: Pick<KpiValueRow, 'frozen' | 'revision'>;
  /** What the open month's figures are (on hover of 临时). */
  provisionalHint: string;
  testId: string;
}

/** 临时 for the open month; 已冻结 · 修订 N for a closed one (purple once revised). */
export function KpiStatusTag({ line, provisionalHint, testId }: Props) {
  const { t } = useTranslation();
  const status = freezeStatus(line);
  return status.kind === 'frozen' ? (
    <Tag
      color={status.revision > 1 ? 'purple' : 'blue'}
      data-testid={testId}
      data-frozen="true"
      data-revision={status.revision}
    >
      {t('kpiFigure.frozen')} · {t('kpiFigure.revisionNo', { revision: status.revision })}
    </Tag>
  ) : (
    <Tooltip title={provisionalHint}>
      <Tag color="orange" data-testid={testId} data-frozen="false" data-revision={0}>
        {t('kpiFigure.provisional')}
      </Tag>
    </Tooltip>
  );
}
