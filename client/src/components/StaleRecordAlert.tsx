import { useState } from 'react';
import { Alert, Button } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/**
 * The 412 of a stale If-Match: somebody changed the record. The button reloads it (`onReload`) and, once that has
 * finished, tells the caller (`onReloaded`) so the form can be sent again with the new ETag.
 */
export function StaleRecordAlert({ onReload, onReloaded }: { onReload: () => Promise<unknown>; onReloaded: () => void }) {
  const { t } = useTranslation();
  const [reloading, setReloading] = useState(false);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="stale-record"
      style={{ marginBottom: 16 }}
      title={t('powers.stale')}
      action={
        <Button
          size="small"
          icon={<ReloadOutlined />}
          loading={reloading}
          onClick={() => {
            setReloading(true);
            void onReload().finally(() => {
              setReloading(false);
              onReloaded();
            });
          }}
          data-testid="stale-reload"
        >
          {t('powers.reload')}
        </Button>
      }
    />
  );
}
