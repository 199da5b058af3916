import { Input } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  /** What the list is filtered by now (from the query string). */
  value: string | undefined;
  /** The text searched for, trimmed. */
  onSearch: (text: string) => void;
  placeholder: string;
  maxWidth?: number;
  testId: string;
}

/** The search box of a list: searches on Enter or 查询, not while typing. */
export function SearchBox({ value, onSearch, placeholder, maxWidth = 360, testId }: Props) {
  const { t } = useTranslation();
  return (
    <Input.Search
      // a new box when the value changes from outside (a link, a reset), so that it shows that value
      key={value ?? ''}
      defaultValue={value}
      placeholder={placeholder}
      allowClear
      enterButton={t('common.search')}
      onSearch={(v) => onSearch(v.trim())}
      style={{ maxWidth }}
      data-testid={testId}
    />
  );
}
