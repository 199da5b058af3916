import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Table, Tag } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CalendarWarning, LoadedYear } from '../../lib/api/types';
import { formatDateTime } from '../../lib/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePermission } from '../auth/useAuth';
import { calendarApi, calendarKeys } from './api';
import { offeredYears, suggestedUploadYear } from './uploadModel';
import { YearUploadModal } from './YearUploadModal';

export function useLoadedYears(enabled = true) {
  return useQuery({
    queryKey: calendarKeys.loadedYears(),
    queryFn: ({ signal }) => calendarApi.loadedYears(signal),
    enabled,
  });
}

/** The warning's text: this year missing (deadlines already provisional) or, from 1 November, next year. */
function useWarningText(warning: CalendarWarning, today: string): string {
  const { t } = useTranslation();
  return warning.year <= Number(today.slice(0, 4))
    ? t('calendar.warning.thisYear', { year: warning.year })
    : t('calendar.warning.nextYear', { year: warning.year });
}

function WarningAlert({ warning, today, action }: { warning: CalendarWarning; today: string; action?: React.ReactNode }) {
  const text = useWarningText(warning, today);
  return <Alert type="warning" showIcon title={text} action={action} data-testid="calendar-year-warning" />;
}

/**
 * The dashboard notice for calendar managers: from 1 November while next year's arrangement is missing (and all year
 * when this year's is), with a link to the calendar page to upload it.
 */
export function CalendarYearNotice() {
  const { t } = useTranslation();
  const canManage = usePermission('calendar.manage');
  const years = useLoadedYears(canManage);
  const warning = years.data?.warning;
  if (!canManage || !warning || !years.data) return null;
  return (
    <div style={{ marginBottom: 16 }} data-testid="calendar-year-notice">
      <WarningAlert
        warning={warning}
        today={years.data.today}
        action={
          <Link to={`/calendar?year=${warning.year}`} data-testid="calendar-year-notice-link">
            {t('calendar.warning.go')}
          </Link>
        }
      />
    </div>
  );
}

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
          <WarningAlert warning={years.data.warning} today={years.data.today} />
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
