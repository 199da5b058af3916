import { Alert, DatePicker, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { asOfKind, countyToday } from '../lib/dates';

interface Props {
  /** YYYY-MM-DD */
  value: string;
  /** undefined: back to today */
  onChange: (value: string | undefined) => void;
  testId?: string;
}

/** 查询日期: the date the page shows the lists as of (today unless chosen; clearing goes back to today). */
export function AsOfPicker({ value, onChange, testId = 'as-of' }: Props) {
  const { t } = useTranslation();
  const today = countyToday();
  return (
    <Space size={4}>
      <Typography.Text type="secondary">{t('powers.asOf.label')}</Typography.Text>
      <DatePicker
        data-testid={testId}
        value={dayjs(value)}
        allowClear={value !== today}
        presets={[{ label: t('powers.asOf.today'), value: dayjs(today) }]}
        onChange={(d) => {
          const iso = d ? d.format('YYYY-MM-DD') : undefined;
          onChange(iso === today ? undefined : iso);
        }}
      />
    </Space>
  );
}

/** A banner when the page is not looking at today (history or the planned future). */
export function AsOfBanner({ asOf, onReset }: { asOf: string; onReset: () => void }) {
  const { t } = useTranslation();
  const kind = asOfKind(asOf);
  if (kind === 'today') return null;
  return (
    <Alert
      className="no-print"
      type={kind === 'past' ? 'info' : 'warning'}
      showIcon
      data-testid="as-of-banner"
      style={{ marginBottom: 16 }}
      title={kind === 'past' ? t('powers.asOf.past', { date: asOf }) : t('powers.asOf.future', { date: asOf })}
      action={
        <Typography.Link onClick={onReset} data-testid="as-of-reset">
          {t('powers.asOf.backToToday')}
        </Typography.Link>
      }
    />
  );
}
