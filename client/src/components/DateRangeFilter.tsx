import { DatePicker } from 'antd';
import dayjs from 'dayjs';

interface Props {
  /** The range as the query string holds it (YYYY-MM-DD, either end open). */
  from?: string;
  to?: string;
  onChange: (range: { from?: string; to?: string }) => void;
  placeholder: string;
  testId: string;
}

/** A list filter on a date range kept in the query string; either end may stay open. */
export function DateRangeFilter({ from, to, onChange, placeholder, testId }: Props) {
  return (
    <DatePicker.RangePicker
      value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
      onChange={(range) => onChange({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
      allowEmpty={[true, true]}
      placeholder={[placeholder, placeholder]}
      data-testid={testId}
    />
  );
}
