import type { AuditOutcome } from '../../lib/api/types';

export const OUTCOMES: AuditOutcome[] = ['success', 'denied', 'failed'];

export const OUTCOME_COLORS: Record<AuditOutcome, string> = { success: 'green', denied: 'red', failed: 'orange' };
