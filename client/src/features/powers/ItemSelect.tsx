import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { powersApi, powersKeys } from './api';

interface Props {
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
  testId?: string;
  placeholder?: string;
  /** Labels of items already chosen elsewhere (e.g. an agreement's items), by id. */
  knownLabels?: Record<string, string>;
  /** At most this many items (e.g. 1 for a request about one item). */
  maxCount?: number;
}

/** Catalogue items by code or name, searched on the server as the user types; several may be chosen. */
export function ItemSelect({ value, onChange, id, testId, placeholder, knownLabels, maxCount }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const labels = useRef(new Map<string, string>(Object.entries(knownLabels ?? {})));

  useEffect(() => {
    const timer = window.setTimeout(() => setQ(search.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [search]);

  const results = useQuery({
    queryKey: powersKeys.itemSearch(q),
    queryFn: ({ signal }) => powersApi.items({ q: q || undefined, limit: 30 }, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  // eslint-disable-next-line react-hooks/refs -- a render-time cache of labels already seen in earlier searches; writing it never needs a re-render
  for (const item of results.data?.items ?? []) labels.current.set(item.itemId, `${item.code} ${item.name}`);
  const found = (results.data?.items ?? []).map((i) => ({ value: i.itemId, label: `${i.code} ${i.name}` }));
  const chosen = (value ?? [])
    .filter((v) => !found.some((o) => o.value === v))
    // eslint-disable-next-line react-hooks/refs -- a render-time cache of labels already seen in earlier searches; writing it never needs a re-render
    .map((v) => ({ value: v, label: labels.current.get(v) ?? v }));

  return (
    <Select<string[]>
      id={id}
      data-testid={testId}
      mode="multiple"
      maxCount={maxCount}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      value={value}
      onChange={(v) => {
        onChange?.(v);
        setSearch('');
      }}
      options={[...chosen, ...found]}
      loading={results.isFetching}
      placeholder={placeholder ?? t('powers.item.searchPlaceholder')}
      notFoundContent={results.isFetching ? t('app.loading') : t('powers.item.noMatch')}
      style={{ width: '100%' }}
      optionRender={(o) => <span data-testid="item-option">{o.label}</span>}
    />
  );
}
