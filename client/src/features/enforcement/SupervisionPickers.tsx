import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EnforcementCase } from '../../lib/api/types';
import { enforcementApi, enforcementKeys } from './api';
import { useTeams } from './hooks';

/** A case as a picker names it: its decision number once decided, the party and the place. */
export function caseLabel(c: Pick<EnforcementCase, 'partyName' | 'place' | 'decision'>): string {
  const who = [c.partyName, c.place].filter(Boolean).join(' · ');
  return c.decision?.decisionNo ? `${c.decision.decisionNo}（${who}）` : who;
}

/** An officer as a picker names them: the name and the certificate number. */
export function officerLabel(o: { name: string; certificate: { number: string } | null }): string {
  return o.certificate ? `${o.name}（${o.certificate.number}）` : o.name;
}

interface PickerProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  disabled?: boolean;
  'data-testid'?: string;
}

/** What a search picker finds, how it reads the chosen record it did not find, and how it names them. */
interface PickerSource<T extends { id: string }> {
  searchKey: (q: string) => readonly unknown[];
  search: (q: string, signal: AbortSignal) => Promise<T[]>;
  oneKey: (id: string) => readonly unknown[];
  one: (id: string, signal: AbortSignal) => Promise<T>;
  label: (record: T) => string;
}

/**
 * A record in scope found by text, 20 at a time. The chosen record is read once for its name when it is not among the
 * results (e.g. a filter from the address bar).
 */
function SearchPicker<T extends { id: string }>({
  source,
  value,
  onChange,
  placeholder,
  style,
  disabled,
  'data-testid': testId,
}: PickerProps & { source: PickerSource<T>; placeholder: string }) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: source.searchKey(q),
    queryFn: ({ signal }) => source.search(q, signal),
    staleTime: 30_000,
  });
  const items = found.data ?? [];
  const missing = !!value && !items.some((r) => r.id === value);
  const chosen = useQuery({
    queryKey: source.oneKey(value ?? ''),
    queryFn: ({ signal }) => source.one(value ?? '', signal),
    enabled: missing,
  });
  const options = items.map((r) => ({ value: r.id, label: source.label(r) }));
  if (missing && value) options.unshift({ value, label: chosen.data ? source.label(chosen.data) : value });
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={placeholder}
      style={style}
      disabled={disabled}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v)}
      loading={found.isFetching}
      options={options}
      data-testid={testId}
    />
  );
}

const caseSource: PickerSource<EnforcementCase> = {
  searchKey: enforcementKeys.caseSearch,
  search: async (q, signal) => (await enforcementApi.cases({ q: q || undefined, limit: 20 }, signal)).items,
  oneKey: (id) => [...enforcementKeys.case(id), 'picker'],
  one: async (id, signal) => (await enforcementApi.case(id, signal)).data,
  label: caseLabel,
};

/** A case in scope, found by text (the party, the place, the description: the cases list's `q`). */
export function CasePicker(props: PickerProps) {
  const { t } = useTranslation();
  return (
    <SearchPicker
      {...props}
      source={caseSource}
      placeholder={props.placeholder ?? t('enforcement.complaints.searchCase')}
    />
  );
}

type OfficerOption = Parameters<typeof officerLabel>[0] & { id: string };

const officerSource: PickerSource<OfficerOption> = {
  searchKey: enforcementKeys.officerSearch,
  search: async (q, signal) => (await enforcementApi.officers({ q: q || undefined, limit: 20 }, signal)).items,
  oneKey: (id) => [...enforcementKeys.officer(id), 'picker'],
  one: async (id, signal) => (await enforcementApi.officer(id, signal)).data.officer,
  label: officerLabel,
};

/** An officer in scope, found by the start of the name or part of the certificate number. */
export function OfficerPicker(props: PickerProps) {
  const { t } = useTranslation();
  return (
    <SearchPicker
      {...props}
      source={officerSource}
      placeholder={props.placeholder ?? t('enforcement.complaints.searchOfficer')}
    />
  );
}

/** 执法大队: the teams in scope (for the county's users; a township's users have one team), sent as teamId. */
export function TeamFilter({
  value,
  onChange,
  testId,
}: {
  value: string | undefined;
  onChange: (teamId: string | undefined) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const teams = useTeams();
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('enforcement.complaints.allTeams')}
      style={{ minWidth: 220 }}
      value={value}
      onChange={(v: string | undefined) => onChange(v)}
      loading={teams.isPending}
      options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
      data-testid={testId}
    />
  );
}
