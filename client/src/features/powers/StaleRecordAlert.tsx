import { Alert, Button } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** The 412 of a stale If-Match: somebody changed the record; reload it and try again. */
export function StaleRecordAlert({ onReload, reloading }: { onReload: () => void; reloading?: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="stale-record"
      style={{ marginBottom: 16 }}
      title={t('powers.stale')}
      action={
        <Button size="small" icon={<ReloadOutlined />} loading={reloading} onClick={onReload} data-testid="stale-reload">
          {t('powers.reload')}
        </Button>
      }
    />
  );
}
