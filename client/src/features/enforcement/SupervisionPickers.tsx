import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EnforcementCase } from '../../lib/api/types';
import { enforcementApi, enforcementKeys } from './api';

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

/**
 * A case in scope, found by text (the party, the place, the description: the cases list's `q`). The chosen case is
 * read once for its name when it is not among the results (e.g. a filter from the address bar).
 */
export function CasePicker({ value, onChange, placeholder, style, disabled, 'data-testid': testId }: PickerProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: enforcementKeys.caseSearch(q),
    queryFn: ({ signal }) => enforcementApi.cases({ q: q || undefined, limit: 20 }, signal),
    select: (page) => page.items,
    staleTime: 30_000,
  });
  const items = found.data ?? [];
  const missing = !!value && !items.some((c) => c.id === value);
  const chosen = useQuery({
    queryKey: enforcementKeys.case(value ?? ''),
    queryFn: ({ signal }) => enforcementApi.case(value ?? '', signal),
    enabled: missing,
    select: (tagged) => tagged.data,
  });
  const options = items.map((c) => ({ value: c.id, label: caseLabel(c) }));
  if (missing && value) options.unshift({ value, label: chosen.data ? caseLabel(chosen.data) : value });
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={placeholder ?? t('enforcement.complaints.searchCase')}
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

/** An officer in scope, found by the start of the name or part of the certificate number. */
export function OfficerPicker({ value, onChange, placeholder, style, disabled, 'data-testid': testId }: PickerProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: enforcementKeys.officerSearch(q),
    queryFn: ({ signal }) => enforcementApi.officers({ q: q || undefined, limit: 20 }, signal),
    select: (page) => page.items,
    staleTime: 30_000,
  });
  const items = found.data ?? [];
  const missing = !!value && !items.some((o) => o.id === value);
  const chosen = useQuery({
    queryKey: enforcementKeys.officer(value ?? ''),
    queryFn: ({ signal }) => enforcementApi.officer(value ?? '', signal),
    enabled: missing,
    select: (tagged) => tagged.data.officer,
  });
  const options = items.map((o) => ({ value: o.id, label: officerLabel(o) }));
  if (missing && value) options.unshift({ value, label: chosen.data ? officerLabel(chosen.data) : value });
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={placeholder ?? t('enforcement.complaints.searchOfficer')}
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
