import { downloadUrl, http } from '../../lib/api/client';
import type {
  AddOfficerRequest,
  CertificateRequest,
  CreateTeamRequest,
  EnforcementDomain,
  EnforcementTeam,
  LeaveRequest,
  OfficerDetail,
  Officer,
  OfficerQuery,
  Page,
  TeamHealthReport,
  UpdateOfficerRequest,
  UpdateTeamRequest,
} from '../../lib/api/types';

const base = '/enforcement';
const enc = encodeURIComponent;

export const enforcementKeys = {
  all: ['enforcement'] as const,
  domains: ['enforcement', 'domains'] as const,
  teams: ['enforcement', 'teams', 'list'] as const,
  team: (id: string) => ['enforcement', 'teams', 'detail', id] as const,
  officers: (q: Omit<OfficerQuery, 'cursor'>) => ['enforcement', 'officers', 'list', q] as const,
  officer: (id: string) => ['enforcement', 'officers', 'detail', id] as const,
  health: ['enforcement', 'health'] as const,
};

export type ExportFormat = 'csv' | 'xlsx';

export const enforcementApi = {
  domains: (signal?: AbortSignal) => http.get<EnforcementDomain[]>(`${base}/domains`, { signal }),

  /** Every team in scope (one per township: a county has a few dozen at most). */
  teams: (signal?: AbortSignal) => http.get<Page<EnforcementTeam>>(`${base}/teams`, { query: { limit: 200 }, signal }),
  /** A team with its strength today and the ETag for If-Match. */
  team: (id: string, signal?: AbortSignal) => http.getTagged<EnforcementTeam>(`${base}/teams/${enc(id)}`, { signal }),
  createTeam: (body: CreateTeamRequest) => http.postTagged<EnforcementTeam>(`${base}/teams`, body),
  updateTeam: (id: string, body: UpdateTeamRequest, etag: string) =>
    http.putTagged<EnforcementTeam>(`${base}/teams/${enc(id)}`, body, { ifMatch: etag }),
  addOfficer: (teamId: string, body: AddOfficerRequest) =>
    http.postTagged<OfficerDetail>(`${base}/teams/${enc(teamId)}/officers`, body),

  officers: (query: OfficerQuery, signal?: AbortSignal) =>
    http.get<Page<Officer>>(`${base}/officers`, { query, signal }),
  exportUrl: (query: Omit<OfficerQuery, 'cursor' | 'limit'>, format: ExportFormat) =>
    downloadUrl(`${base}/officers/export`, { ...query, format }),
  /** An officer with every certificate held and the ETag for If-Match. */
  officer: (id: string, signal?: AbortSignal) =>
    http.getTagged<OfficerDetail>(`${base}/officers/${enc(id)}`, { signal }),
  updateOfficer: (id: string, body: UpdateOfficerRequest, etag: string) =>
    http.putTagged<OfficerDetail>(`${base}/officers/${enc(id)}`, body, { ifMatch: etag }),
  /** 换证: a new certificate beside the old ones. */
  renew: (id: string, body: CertificateRequest, etag: string) =>
    http.postTagged<OfficerDetail>(`${base}/officers/${enc(id)}/certificates`, body, { ifMatch: etag }),
  /** 调离 from a date. */
  leave: (id: string, body: LeaveRequest, etag: string) =>
    http.postTagged<OfficerDetail>(`${base}/officers/${enc(id)}/leave`, body, { ifMatch: etag }),

  health: (signal?: AbortSignal) => http.get<TeamHealthReport>(`${base}/health`, { signal }),
};
