// Pure helpers of the 执法公示管理 page: states and their colours, the list's filters in the query string, the
// buttons the API allows and the body each step sends.
import type { Dayjs } from 'dayjs';
import type {
  Disclosure,
  DisclosureAction,
  DisclosureQuery,
  DisclosureRequest,
  DisclosureState,
} from '../../lib/api/types';
import { knownActions } from '../../lib/allowedActions';

export const DISCLOSURE_STATES: readonly DisclosureState[] = ['pending', 'published', 'retracted'];

/** The order of the buttons: 公示 first, 撤回 (a danger) after. */
export const DISCLOSURE_ACTIONS: readonly DisclosureAction[] = ['publish', 'retract'];

const isState = (v: unknown): v is DisclosureState =>
  typeof v === 'string' && (DISCLOSURE_STATES as readonly string[]).includes(v);

/** 待公示 blue, 已公示 green, 已撤回 grey. */
export function disclosureStateColor(state: DisclosureState): string {
  return state === 'pending' ? 'blue' : state === 'published' ? 'green' : 'default';
}

export const DISCLOSURE_FILTER_KEYS = ['state', 'late'] as const;
export type DisclosureFilterKey = (typeof DISCLOSURE_FILTER_KEYS)[number];

/** The API's filter from the query string: an unknown state is dropped, `late` is only ever `true`. */
export function disclosureFilterFromQuery(
  values: Partial<Record<DisclosureFilterKey, string | undefined>>,
): Omit<DisclosureQuery, 'cursor'> {
  return {
    state: isState(values.state) ? values.state : undefined,
    late: values.late === 'true' ? true : undefined,
  };
}

/** Exactly what the API lists in `allowedActions`, in the buttons' order; names the client does not know left out. */
export function visibleDisclosureActions(d: Pick<Disclosure, 'allowedActions'>): DisclosureAction[] {
  return knownActions(DISCLOSURE_ACTIONS, d.allowedActions);
}

/** The allowed actions a 409 invalid transition carries (the disclosure moved on meanwhile). */
export function disclosureActionsOf(extensions: Record<string, unknown>): DisclosureAction[] {
  return knownActions(DISCLOSURE_ACTIONS, extensions.allowedActions);
}

/** Where the disclosure stands against its due day: 逾期未公示 (still pending past it), 逾期公示 (published after
 * it), or null (on time, or still within its days). */
export type DisclosureLateness = 'overdue' | 'publishedLate' | null;

export function disclosureLateness(d: Pick<Disclosure, 'state' | 'late'>): DisclosureLateness {
  if (!d.late) return null;
  return d.state === 'pending' ? 'overdue' : 'publishedLate';
}

/** What a step's form collects. */
export interface DisclosureActionValues {
  revokedOn?: Dayjs | null;
  reason?: string;
  note?: string;
}

export const DISCLOSURE_ACTION_FIELDS: Record<DisclosureAction, readonly (keyof DisclosureActionValues)[]> = {
  publish: ['note'],
  retract: ['revokedOn', 'reason', 'note'],
};

const blank = (s: string | undefined): string | null => (s && s.trim() !== '' ? s.trim() : null);

/** The request body of a step: 公示 only a note, 撤回 the day of revocation and the public reason as well. */
export function disclosureActionBody(action: DisclosureAction, v: DisclosureActionValues): DisclosureRequest {
  const retract = action === 'retract';
  return {
    revokedOn: retract && v.revokedOn ? v.revokedOn.format('YYYY-MM-DD') : null,
    reason: retract ? blank(v.reason) : null,
    note: blank(v.note),
  };
}
