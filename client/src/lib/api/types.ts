// Request and response types of the Governance API, hand-written from the agreed contract.
// When the API's OpenAPI document is committed (docs/openapi/v1.json), `npm run gen:api` writes
// schema.d.ts and these declarations become aliases of its components, e.g.
//   export type Me = components['schemas']['MeResponse'];
// Keep every API type in this one file so that switch is a one-file change.

/** RFC 9457 problem details as the API sends them (title/detail already in Chinese). */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  /** Field name (camelCase, as in the request body) → messages. */
  errors?: Record<string, string[]>;
  traceId?: string;
}

/** A keyset-paginated list. `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageQuery {
  cursor?: string | null;
  limit?: number;
}

// ---------- auth ----------

export type Permission = 'users.read' | 'users.manage' | 'tokens.manage' | 'calendar.manage' | 'audit.read';

/** `province` is not in the written contract but the API knows the level; tolerated for display. */
export type RegionLevel = 'province' | 'county' | 'township' | 'village';

export type RegionKind = 'county' | 'township' | 'street' | 'village' | 'community';

export interface LoginRequest {
  username: string;
  password: string;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: string;
  roleName: string;
  regionId: string;
  regionName: string;
  regionLevel: RegionLevel;
  permissions: string[];
}

// ---------- organization ----------

export interface RoleOption {
  code: string;
  /** Chinese name. */
  name: string;
  /** The fields below are beyond the written contract; the API sends them. */
  nameEn?: string;
  /** Region levels a holder of the role sits at. */
  levels?: RegionLevel[];
  /** Only for API tokens (e.g. the KPI reader), never for people. */
  machineOnly?: boolean;
}

export interface Region {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  level: RegionLevel;
  kind: RegionKind;
  childCount: number;
}

export interface RegionAncestor {
  id: string;
  name: string;
  level: RegionLevel;
}

export interface RegionDetail extends Region {
  /** From the root of the caller's view down to the parent (the region itself excluded). */
  ancestors: RegionAncestor[];
  unitCount: number;
  userCount: number;
}

export interface Unit {
  id: string;
  regionId: string;
  regionName: string;
  name: string;
  kind: string;
  kindName: string;
}

export interface UnitQuery extends PageQuery {
  regionId?: string;
  q?: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: string;
  roleName: string;
  regionId: string;
  regionName: string;
  unitId: string | null;
  unitName: string | null;
  /** Already masked by the server, e.g. 138****5678. */
  phone: string | null;
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export interface UserQuery extends PageQuery {
  q?: string;
  regionId?: string;
  role?: string;
}

export interface CreateUserRequest {
  username: string;
  displayName: string;
  password: string;
  role: string;
  regionId: string;
  unitId?: string;
  phone?: string;
}

// ---------- API tokens ----------

export interface ApiToken {
  id: string;
  name: string;
  role: string;
  roleName: string;
  regionId: string;
  regionName: string;
  prefix: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface CreateApiTokenRequest {
  name: string;
  role: string;
  regionId: string;
  /** ISO 8601 date-time. */
  expiresAt: string;
}

/** Only the create response carries the plain token; it is never shown again. */
export interface CreatedApiToken extends ApiToken {
  token: string;
}

// ---------- calendar ----------

/** off = statutory holiday (休), work = make-up working day (班, 调休上班). */
export type CalendarDayKind = 'off' | 'work';

export interface CalendarDay {
  /** YYYY-MM-DD */
  date: string;
  kind: CalendarDayKind;
  name: string;
}

export interface CalendarYear {
  year: number;
  /** Only the exceptions to the Monday–Friday rule. */
  days: CalendarDay[];
}

export interface MarkDayRequest {
  kind: CalendarDayKind;
  name: string;
}

// ---------- audit ----------

export type AuditOutcome = 'success' | 'denied' | 'failed';

export interface AuditEntry {
  id: string;
  seq: number;
  occurredAt: string;
  actorId: string | null;
  actorName: string;
  /** user | token | anonymous (beyond the written contract). */
  actorKind?: string;
  action: string;
  recordType: string;
  recordId: string | null;
  regionName: string | null;
  outcome: AuditOutcome;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditQuery extends PageQuery {
  /** ISO date-time, inclusive. */
  from?: string;
  /** ISO date-time, exclusive. */
  to?: string;
  /** Actor user name or id. */
  actor?: string;
  recordType?: string;
  recordId?: string;
  action?: string;
  outcome?: AuditOutcome;
}

export interface AuditVerifyResult {
  valid: boolean;
  checked: number;
  brokenAtSeq: number | null;
}
