// Pure helpers of the 执法监督 pages (投诉举报, 过错责任追究): states, channels, findings and liabilities, the lists'
// filters in the query string, the buttons the API allows and the bodies the forms send.
import type { Dayjs } from 'dayjs';
import type {
  Complaint,
  ComplaintAction,
  ComplaintChannel,
  ComplaintFinding,
  ComplaintHandling,
  ComplaintQuery,
  ComplaintRequest,
  ComplaintState,
  FaultLiability,
  FaultRecordQuery,
  FaultRecordRequest,
} from '../../lib/api/types';
import { knownActions } from '../../lib/allowedActions';

export const COMPLAINT_STATES: readonly ComplaintState[] = ['received', 'handled'];
export const COMPLAINT_ACTIONS: readonly ComplaintAction[] = ['handle'];
export const COMPLAINT_CHANNELS: readonly ComplaintChannel[] = ['phone', 'letter', 'online', 'visit', 'hotline'];
export const COMPLAINT_FINDINGS: readonly ComplaintFinding[] = ['substantiated', 'partly', 'unfounded'];
export const FAULT_LIABILITIES: readonly FaultLiability[] = [
  'criticism',
  'written_review',
  'certificate_suspended',
  'certificate_revoked',
  'disciplinary',
];

const oneOf =
  <T extends string>(list: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (list as readonly string[]).includes(v);

export const isComplaintState = oneOf(COMPLAINT_STATES);
export const isComplaintChannel = oneOf(COMPLAINT_CHANNELS);
export const isComplaintFinding = oneOf(COMPLAINT_FINDINGS);
export const isFaultLiability = oneOf(FAULT_LIABILITIES);

/** 已受理 blue (to be handled), 已办结 green. */
export function complaintStateColor(state: ComplaintState): string {
  return state === 'received' ? 'blue' : 'green';
}

/** 属实 red, 部分属实 orange, 不属实 default. */
export function findingColor(finding: ComplaintFinding): string {
  return finding === 'substantiated' ? 'red' : finding === 'partly' ? 'orange' : 'default';
}

/** The heavier liabilities (the certificate, 纪检监察) red; the others orange. */
export function liabilityColor(liability: FaultLiability): string {
  return liability === 'criticism' || liability === 'written_review' ? 'orange' : 'red';
}

export const COMPLAINT_FILTER_KEYS = ['state', 'teamId', 'caseId', 'officerId'] as const;
export type ComplaintFilterKey = (typeof COMPLAINT_FILTER_KEYS)[number];

const id = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : undefined);

/** The API's filter from the query string: an unknown state is dropped. */
export function complaintFilterFromQuery(
  values: Partial<Record<ComplaintFilterKey, string | undefined>>,
): Omit<ComplaintQuery, 'cursor'> {
  return {
    state: isComplaintState(values.state) ? values.state : undefined,
    teamId: id(values.teamId),
    caseId: id(values.caseId),
    officerId: id(values.officerId),
  };
}

export const FAULT_FILTER_KEYS = ['teamId', 'officerId', 'caseId', 'complaintId'] as const;
export type FaultFilterKey = (typeof FAULT_FILTER_KEYS)[number];

/** The API's filter from the query string (a case's or a complaint's records are linked to by caseId, complaintId). */
export function faultFilterFromQuery(
  values: Partial<Record<FaultFilterKey, string | undefined>>,
): Omit<FaultRecordQuery, 'cursor'> {
  return {
    teamId: id(values.teamId),
    officerId: id(values.officerId),
    caseId: id(values.caseId),
    complaintId: id(values.complaintId),
  };
}

/** Exactly what the API lists in `allowedActions`; names the client does not know left out. */
export function visibleComplaintActions(c: Pick<Complaint, 'allowedActions'>): ComplaintAction[] {
  return knownActions(COMPLAINT_ACTIONS, c.allowedActions);
}

/** The allowed actions a 409 invalid transition carries. */
export function complaintActionsOf(extensions: Record<string, unknown>): ComplaintAction[] {
  return knownActions(COMPLAINT_ACTIONS, extensions.allowedActions);
}

const blank = (s: string | undefined | null): string | null => (s && s.trim() !== '' ? s.trim() : null);
const day = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);

/** What 登记投诉 collects. */
export interface ComplaintValues {
  caseId?: string | null;
  officerId?: string | null;
  channel?: ComplaintChannel;
  receivedOn?: Dayjs | null;
  complainant?: string;
  complainantPhone?: string;
  content?: string;
}

export const COMPLAINT_FIELDS: readonly (keyof ComplaintValues)[] = [
  'caseId',
  'officerId',
  'channel',
  'receivedOn',
  'complainant',
  'complainantPhone',
  'content',
];

export function complaintBody(v: ComplaintValues): ComplaintRequest {
  return {
    caseId: v.caseId ?? null,
    officerId: v.officerId ?? null,
    channel: v.channel ?? null,
    receivedOn: day(v.receivedOn),
    complainant: blank(v.complainant),
    complainantPhone: blank(v.complainantPhone),
    content: blank(v.content),
  };
}

/** What 办结 collects. */
export interface HandlingValues {
  finding?: ComplaintFinding;
  result?: string;
  note?: string;
}

export const HANDLING_FIELDS: readonly (keyof HandlingValues)[] = ['finding', 'result', 'note'];

export function handlingBody(v: HandlingValues): ComplaintHandling {
  return { finding: v.finding ?? null, result: blank(v.result), note: blank(v.note) };
}

/** What 记录过错责任 collects. */
export interface FaultValues {
  officerId?: string | null;
  caseId?: string | null;
  complaintId?: string | null;
  foundOn?: Dayjs | null;
  fault?: string;
  liability?: FaultLiability;
  documentNo?: string;
}

export const FAULT_FIELDS: readonly (keyof FaultValues)[] = [
  'officerId',
  'caseId',
  'complaintId',
  'foundOn',
  'fault',
  'liability',
  'documentNo',
];

export function faultBody(v: FaultValues): FaultRecordRequest {
  return {
    officerId: v.officerId ?? null,
    caseId: v.caseId ?? null,
    complaintId: v.complaintId ?? null,
    foundOn: day(v.foundOn),
    fault: blank(v.fault),
    liability: v.liability ?? null,
    documentNo: blank(v.documentNo),
  };
}
