import { useState } from 'react';
import { App as AntApp, Button, Card, Table, Tag } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LoadedYear } from '../../lib/api/types';
import { formatDateTime } from '../../lib/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePermission } from '../../lib/auth/useAuth';
import { useLoadedYears } from '../../lib/api/calendar';
import { CalendarWarningAlert } from '../../components/CalendarYearNotice';
import { offeredYears, suggestedUploadYear } from './uploadModel';
import { YearUploadModal } from './YearUploadModal';

/** 年度安排: the loaded years (seed or upload), the warning, and the upload for calendar managers. */
export function LoadedYearsCard({ onUploaded }: { onUploaded: (year: number) => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const canManage = usePermission('calendar.manage');
  const years = useLoadedYears();
  const [uploading, setUploading] = useState(false);
  const loaded = (years.data?.years ?? []).map((y) => y.year);

  return (
    <Card
      title={t('calendar.loaded.title')}
      style={{ marginTop: 16 }}
      data-testid="calendar-loaded-years"
      extra={
        canManage ? (
          <Button icon={<UploadOutlined />} onClick={() => setUploading(true)} data-testid="year-upload-open">
            {t('calendar.upload.open')}
          </Button>
        ) : null
      }
    >
      {years.isError ? <ProblemAlert error={years.error} style={{ marginBottom: 16 }} /> : null}
      {years.data?.warning ? (
        <div style={{ marginBottom: 16 }}>
          <CalendarWarningAlert warning={years.data.warning} today={years.data.today} />
        </div>
      ) : null}
      <Table<LoadedYear>
        rowKey="year"
        size="small"
        loading={years.isPending}
        dataSource={years.data?.years ?? []}
        pagination={false}
        onRow={(y) => ({ 'data-testid': 'loaded-year-row', 'data-year': y.year }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('calendar.year'), dataIndex: 'year', key: 'year', width: 100 },
          {
            title: t('calendar.loaded.source'),
            dataIndex: 'source',
            key: 'source',
            width: 140,
            render: (s: LoadedYear['source']) =>
              s === 'seed' ? <Tag>{t('calendar.loaded.seed')}</Tag> : <Tag color="blue">{t('calendar.loaded.upload')}</Tag>,
          },
          { title: t('calendar.loaded.at'), dataIndex: 'loadedAt', key: 'loadedAt', render: (v: string) => formatDateTime(v) },
          { title: t('calendar.loaded.by'), dataIndex: 'loadedBy', key: 'loadedBy' },
        ]}
      />
      {canManage ? (
        <YearUploadModal
          open={uploading}
          year={suggestedUploadYear(loaded, years.data?.warning?.year)}
          years={offeredYears(loaded)}
          onClose={() => setUploading(false)}
          onDone={(r) => {
            setUploading(false);
            void message.success(t('calendar.upload.done', { year: r.year, holidays: r.holidays, workdays: r.workdays }));
            onUploaded(r.year);
          }}
        />
      ) : null}
    </Card>
  );
}
