import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditCode, AuditCodes } from '../../lib/api/types';
import { auditApi, auditKeys } from './api';

export interface AuditLabels {
  action: (code: string) => string;
  recordType: (code: string) => string;
  /** Select options grouped by module, searchable by label or code. */
  actionOptions: GroupedOptions;
  recordTypeOptions: GroupedOptions;
}

export type GroupedOptions = { label: string; options: { value: string; label: string }[] }[];

/** The trail's labels in the current language, from the server's catalogue; a code it lacks shows as itself. */
export function useAuditLabels(): AuditLabels {
  const { i18n } = useTranslation();
  const codes = useQuery({
    queryKey: auditKeys.codes,
    queryFn: ({ signal }) => auditApi.codes(signal),
    staleTime: Infinity,
  });
  const english = i18n.language === 'en';
  return useMemo(() => auditLabels(codes.data, english), [codes.data, english]);
}

export function auditLabels(codes: AuditCodes | undefined, english: boolean): AuditLabels {
  const label = (c: AuditCode) => (english ? c.en : c.zh);
  const byCode = (list: AuditCode[] | undefined) => new Map((list ?? []).map((c) => [c.code, label(c)]));
  const actions = byCode(codes?.actions);
  const recordTypes = byCode(codes?.recordTypes);
  const grouped = (list: AuditCode[] | undefined): GroupedOptions =>
    (codes?.modules ?? [])
      .map((m) => ({
        label: label(m),
        options: (list ?? []).filter((c) => c.module === m.code).map((c) => ({ value: c.code, label: label(c) })),
      }))
      .filter((g) => g.options.length > 0);
  return {
    action: (code) => actions.get(code) ?? code,
    recordType: (code) => recordTypes.get(code) ?? code,
    actionOptions: grouped(codes?.actions),
    recordTypeOptions: grouped(codes?.recordTypes),
  };
}
