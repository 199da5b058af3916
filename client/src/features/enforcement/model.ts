import type { Officer, OfficerStatus } from '../../lib/api/types';

export const OFFICER_STATUSES: readonly OfficerStatus[] = ['certified', 'expiring', 'expired', 'left'];

/** 持证在岗 green, 即将到期 orange, 无有效执法证 red, 已调离 grey. */
export const STATUS_COLORS: Record<OfficerStatus, string> = {
  certified: 'green',
  expiring: 'orange',
  expired: 'red',
  left: 'default',
};

/**
 * What the 有效期至 column says beside the date: days left while the certificate runs (its last day is 今天到期),
 * days since it ended once it has, nothing for an officer who has left or holds no certificate.
 */
export type Validity =
  | { kind: 'none' }
  | { kind: 'remaining'; days: number }
  | { kind: 'lastDay' }
  | { kind: 'overdue'; days: number };

export function validityOf(o: Pick<Officer, 'status' | 'daysLeft' | 'certificate'>): Validity {
  if (o.status === 'left' || !o.certificate || o.daysLeft === null) return { kind: 'none' };
  if (o.daysLeft > 0) return { kind: 'remaining', days: o.daysLeft };
  if (o.daysLeft === 0) return { kind: 'lastDay' };
  return { kind: 'overdue', days: -o.daysLeft };
}
