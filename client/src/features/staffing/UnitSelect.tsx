import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../lib/api/types';
import { useUnitSearch } from './hooks';

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  testId?: string;
  /** Only the units of this region (the county's own units). */
  regionId?: string;
  /** Leave out the units of this region (a township unit: not the county's own). */
  excludeRegionId?: string;
  placeholder?: string;
}

export function unitLabel(u: Pick<Unit, 'name' | 'regionName'>): string {
  return `${u.name}（${u.regionName}）`;
}

/** A unit, searched by name on the server as the user types; shown with its region. */
export function UnitSelect({ value, onChange, id, testId, regionId, excludeRegionId, placeholder }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const known = useRef(new Map<string, Unit>());

  useEffect(() => {
    const timer = window.setTimeout(() => setQ(search.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [search]);

  const units = useUnitSearch(q, regionId);
  const found = (units.data ?? []).filter((u) => !excludeRegionId || u.regionId !== excludeRegionId);
  // eslint-disable-next-line react-hooks/refs -- a render-time cache of labels already seen in earlier searches; writing it never needs a re-render
  for (const u of found) known.current.set(u.id, u);
  const options = found.map((u) => ({ value: u.id, label: unitLabel(u) }));
  if (value && !options.some((o) => o.value === value)) {
    // eslint-disable-next-line react-hooks/refs -- a render-time cache of labels already seen in earlier searches; writing it never needs a re-render
    const u = known.current.get(value);
    options.unshift({ value, label: u ? unitLabel(u) : value });
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
        setSearch('');
      }}
      options={options}
      loading={units.isFetching}
      placeholder={placeholder ?? t('staffing.unitPlaceholder')}
      notFoundContent={units.isFetching ? t('app.loading') : undefined}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}
