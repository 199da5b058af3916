import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';

/** 已公布 (with the time on hover) or 未公布. */
export function PublishedTag({ publishedAt }: { publishedAt: string | null }) {
  const { t } = useTranslation();
  return publishedAt ? (
    <Tooltip title={t('services.publishedAt', { date: formatDateTime(publishedAt) })}>
      <Tag color="green" data-testid="published-tag" data-published="true">
        {t('services.publishedTag')}
      </Tag>
    </Tooltip>
  ) : (
    <Tag data-testid="published-tag" data-published="false">
      {t('services.unpublishedTag')}
    </Tag>
  );
}
