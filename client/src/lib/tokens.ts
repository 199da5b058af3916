import dayjs, { type Dayjs } from 'dayjs';
import type { ApiToken } from './api/types';

export type TokenStatus = 'active' | 'revoked' | 'expired';

/** An API token's state (the token list, a grant's tokens). */
export function tokenStatus(token: Pick<ApiToken, 'revokedAt' | 'expiresAt'>, now: Dayjs = dayjs()): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (dayjs(token.expiresAt).isBefore(now)) return 'expired';
  return 'active';
}
