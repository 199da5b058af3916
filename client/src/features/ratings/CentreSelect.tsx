import { useDeferredValue, useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ratingsApi, ratingsKeys } from './api';

interface Props {
  value?: string;
  onChange: (id: string | undefined) => void;
}

/**
 * The centres the user can see, searched by name on the server (a county has a point in every village, more than a
 * page); the chosen one is looked up by id when it is not among them (a linked, filtered list).
 */
export function CentreSelect({ value, onChange }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const found = useQuery({
    queryKey: ratingsKeys.centres(q),
    queryFn: ({ signal }) => ratingsApi.centres(q, signal),
    placeholderData: keepPreviousData,
    staleTime: 10 * 60_000,
  });
  const items = found.data?.items ?? [];
  const missing = !!value && !found.isPending && !items.some((c) => c.id === value);
  const chosen = useQuery({
    queryKey: ratingsKeys.centre(value ?? ''),
    queryFn: ({ signal }) => ratingsApi.centre(value ?? '', signal),
    enabled: missing,
    staleTime: 10 * 60_000,
  });
  const extra = missing && chosen.data ? [chosen.data.centre] : [];

  return (
    <Select<string>
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={t('ratings.rectifications.allCentres')}
      value={value}
      onChange={(v) => {
        setSearch('');
        onChange(v);
      }}
      loading={found.isFetching}
      options={[...extra, ...items].map((c) => ({ value: c.id, label: c.name }))}
      style={{ minWidth: 220 }}
      data-testid="rectifications-centre-filter"
    />
  );
}
