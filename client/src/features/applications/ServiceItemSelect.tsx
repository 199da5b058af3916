import { useEffect, useRef, useState } from 'react';
import { Flex, Select, Tag } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApplicationItemOption } from '../../lib/api/types';
import { applicationsApi, applicationsKeys } from './api';

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  testId?: string;
  /** The chosen item's version in force today (the form shows its time limit). */
  onItem?: (item: ApplicationItemOption | undefined) => void;
}

/** Service items in force today, by code or name, searched on the server as the clerk types. */
export function ServiceItemSelect({ value, onChange, id, testId, onItem }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const known = useRef(new Map<string, ApplicationItemOption>());

  useEffect(() => {
    const timer = window.setTimeout(() => setQ(search.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [search]);

  const results = useQuery({
    queryKey: applicationsKeys.itemSearch(q),
    queryFn: ({ signal }) => applicationsApi.items({ q: q || undefined, limit: 30 }, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  const found = results.data?.items ?? [];
  // eslint-disable-next-line react-hooks/refs -- a render-time cache of labels already seen in earlier searches; writing it never needs a re-render
  for (const item of found) known.current.set(item.itemId, item);
  const options = found.map((i) => ({ value: i.itemId, label: `${i.code} ${i.name}` }));
  if (value && !options.some((o) => o.value === value)) {
    // eslint-disable-next-line react-hooks/refs -- a render-time cache of labels already seen in earlier searches; writing it never needs a re-render
    const item = known.current.get(value);
    options.unshift({ value, label: item ? `${item.code} ${item.name}` : value });
  }

  return (
    <Select<string>
      id={id}
      data-testid={testId}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      value={value}
      onChange={(v) => {
        onChange?.(v);
        onItem?.(v ? known.current.get(v) : undefined);
        setSearch('');
      }}
      options={options}
      loading={results.isFetching}
      placeholder={t('applications.register.itemPlaceholder')}
      notFoundContent={results.isFetching ? t('app.loading') : undefined}
      style={{ width: '100%' }}
      optionRender={(o) => {
        const item = known.current.get(String(o.value));
        return (
          <Flex justify="space-between" gap={8} data-testid="register-item-option">
            <span>{o.label}</span>
            {item ? (
              <Tag color={item.kind === 'immediate' ? 'green' : 'blue'} style={{ marginInlineEnd: 0 }}>
                {item.kind === 'immediate'
                  ? t('applications.itemKinds.immediate')
                  : t('applications.fields.promisedDaysValue', { days: item.promisedDays ?? 0 })}
              </Tag>
            ) : null}
          </Flex>
        );
      }}
    />
  );
}
