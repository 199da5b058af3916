import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { directoryApi, organizationKeys } from '../lib/api/organization';

/** The townships of the caller's county (the children of the county region; the county itself when it is the root). */
export function TownshipSelect({
  value,
  onChange,
  testId,
  id,
}: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  testId?: string;
  id?: string;
}) {
  const roots = useQuery({
    queryKey: organizationKeys.regionChildren(null),
    queryFn: ({ signal }) => directoryApi.regions(null, signal),
    staleTime: 5 * 60_000,
  });
  const root = roots.data?.[0];
  const countyId = root?.level === 'county' ? root.id : undefined;
  const townships = useQuery({
    queryKey: organizationKeys.regionChildren(countyId ?? null),
    queryFn: ({ signal }) => directoryApi.regions(countyId ?? null, signal),
    enabled: !!countyId,
    staleTime: 5 * 60_000,
  });
  const options = (countyId ? townships.data : roots.data?.filter((r) => r.level === 'township')) ?? [];
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      loading={roots.isPending || (!!countyId && townships.isPending)}
      options={options.map((r) => ({ value: r.id, label: r.name }))}
      data-testid={testId}
    />
  );
}
