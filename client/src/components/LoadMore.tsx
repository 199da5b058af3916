import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  count: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

/** Keyset pagination control under a table: "加载更多" while the server has a next cursor. */
export function LoadMore({ count, hasMore, loading, onLoadMore }: Props) {
  const { t } = useTranslation();
  return (
    <Flex justify="center" align="center" gap={12} style={{ marginTop: 16 }}>
      <Typography.Text type="secondary" data-testid="loaded-count">
        {t('common.loadedCount', { count })}
      </Typography.Text>
      {hasMore ? (
        <Button onClick={onLoadMore} loading={loading} data-testid="load-more">
          {t('common.loadMore')}
        </Button>
      ) : count > 0 ? (
        <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
      ) : null}
    </Flex>
  );
}
