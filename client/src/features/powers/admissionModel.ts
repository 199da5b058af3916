// Pure helpers of the 职责准入/收回 pages: states, which buttons to show, what each action needs.
import type { Admission, AdmissionAction, AdmissionKind, AdmissionState } from '../../lib/api/types';
import { knownActions } from '../../lib/allowedActions';

export const ADMISSION_STATES: readonly AdmissionState[] = ['submitted', 'returned', 'under_decision', 'approved', 'rejected'];
export const ADMISSION_KINDS: readonly AdmissionKind[] = ['admission', 'withdrawal'];
/** The order the buttons are shown in (forward before return: the usual path first). */
export const ADMISSION_ACTIONS: readonly AdmissionAction[] = ['forward', 'approve', 'resubmit', 'return', 'reject'];

export function isAdmissionState(v: unknown): v is AdmissionState {
  return typeof v === 'string' && (ADMISSION_STATES as readonly string[]).includes(v);
}
export function isAdmissionKind(v: unknown): v is AdmissionKind {
  return typeof v === 'string' && (ADMISSION_KINDS as readonly string[]).includes(v);
}

/** antd Tag colour of a state. */
export function admissionStateColor(state: AdmissionState): string {
  switch (state) {
    case 'submitted':
      return 'blue';
    case 'returned':
      return 'orange';
    case 'under_decision':
      return 'purple';
    case 'approved':
      return 'green';
    case 'rejected':
      return 'red';
  }
}

/**
 * The action buttons for this user: only what the API lists in `allowedActions` (it decides by role and state),
 * in a stable order; names the client does not know are left out.
 */
export function visibleActions(a: Pick<Admission, 'allowedActions'>): AdmissionAction[] {
  return knownActions(ADMISSION_ACTIONS, a.allowedActions);
}

/** 退回 and 不予批准 must say why. */
export function actionNeedsComment(action: AdmissionAction): boolean {
  return action === 'return' || action === 'reject';
}

/** Approving a 赋权 (granted) duty needs the number of the county's decision document. */
export function actionNeedsDecisionNo(action: AdmissionAction, a: Pick<Admission, 'mode'>): boolean {
  return action === 'approve' && a.mode === 'granted';
}

/** Destructive-looking buttons. */
export function actionIsDanger(action: AdmissionAction): boolean {
  return action === 'reject' || action === 'return';
}

/** The allowed actions a 409 admissions.invalid_transition carries (the request moved on meanwhile). */
export function allowedActionsOf(extensions: Record<string, unknown>): AdmissionAction[] {
  return knownActions(ADMISSION_ACTIONS, extensions.allowedActions);
}
