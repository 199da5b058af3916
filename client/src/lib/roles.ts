import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RoleOption } from './api/types';
import { directoryApi, organizationKeys } from './api/organization';

/** The assignable roles (code + Chinese name), cached for the session. */
export function useRoles() {
  return useQuery({
    queryKey: organizationKeys.roles,
    queryFn: ({ signal }) => directoryApi.roles(signal),
    staleTime: 10 * 60_000,
  });
}

/**
 * Roles an API token may carry: the machine roles and the third-party evaluator (who calls the API).
 * The API enforces this (400 on `role`); /roles has no flag for it, so the evaluator is named here.
 */
export const TOKEN_ROLES_BESIDES_MACHINE = ['evaluator'];

/** The third-party evaluator: its users and tokens belong to an evaluation grant (评估任务, `grantId`). */
export const EVALUATOR = 'evaluator';

export function isTokenRole(r: RoleOption): boolean {
  return !!r.machineOnly || TOKEN_ROLES_BESIDES_MACHINE.includes(r.code);
}

/** Select options for roles, named in the UI language: for people (no machine-only roles) or for API tokens. */
export function useRoleOptions({ purpose }: { purpose: 'people' | 'tokens' }) {
  const { i18n } = useTranslation();
  const roles = useRoles();
  const english = i18n.language === 'en';
  const all = roles.data ?? [];
  const forTokens = all.filter(isTokenRole);
  const chosen = purpose === 'people' ? all.filter((r) => !r.machineOnly) : forTokens.length > 0 ? forTokens : all;
  const options = chosen.map((r) => ({ value: r.code, label: english && r.nameEn ? r.nameEn : r.name }));
  return { options, loading: roles.isPending };
}

/** The roles that have pages of their own (the window workbench and caller, the village agent desk). */
export const WINDOW_CLERK = 'window_clerk';
export const VILLAGE_AGENT = 'village_agent';
