import { downloadUrl, http } from '../../lib/api/client';
import type {
  Centre,
  CentreDetail,
  Page,
  PublicRateRequest,
  RateRequest,
  Rating,
  RatingQuery,
  Rectification,
  RectificationAction,
  RectificationActionRequest,
  RectificationExportFormat,
  RectificationQuery,
} from '../../lib/api/types';

const base = '/service-centre';
const enc = encodeURIComponent;

export const ratingsKeys = {
  all: ['ratings'] as const,
  lists: ['ratings', 'list'] as const,
  list: (q: RatingQuery) => ['ratings', 'list', q] as const,
  ofApplication: (applicationId: string) => ['ratings', 'list', { applicationId }] as const,
  rectificationLists: ['ratings', 'rectifications', 'list'] as const,
  rectifications: (q: RectificationQuery) => ['ratings', 'rectifications', 'list', q] as const,
  rectification: (id: string) => ['ratings', 'rectifications', 'detail', id] as const,
  /** The detail with the applicant's contact unmasked: its own entry, asked for on purpose (and audited). */
  revealed: (id: string) => ['ratings', 'rectifications', 'detail', id, 'revealed'] as const,
  centres: (q: string) => ['ratings', 'centres', 'list', q] as const,
  centre: (id: string) => ['ratings', 'centres', 'detail', id] as const,
};

export const ratingsApi = {
  /** 评价器: the applicant rates at the window, on the clerk's (or village agent's) session. */
  rateAtWindow: (applicationId: string, body: RateRequest) =>
    http.post<Rating>(`${base}/applications/${enc(applicationId)}/ratings`, body),

  /** No login: the phone registered on the application proves it is the applicant's (a wrong one is a plain 404). */
  ratePublic: (body: PublicRateRequest) =>
    http.post<Rating>(`/public${base}/ratings`, body, { allowUnauthorized: true }),

  list: (query: RatingQuery, signal?: AbortSignal) => http.get<Page<Rating>>(`${base}/ratings`, { query, signal }),

  rectifications: (query: RectificationQuery, signal?: AbortSignal) =>
    http.get<Page<Rectification>>(`${base}/rectifications`, { query, signal }),

  /** The filtered list as a file (a plain link: the browser downloads it with the session cookie). */
  exportUrl: (format: RectificationExportFormat, filter: Omit<RectificationQuery, 'cursor' | 'limit'>) =>
    downloadUrl(`${base}/rectifications/export`, { format, ...filter }),

  /** The centres the user can see whose name contains `q` (the filter's choices). */
  centres: (q: string, signal?: AbortSignal) =>
    http.get<Page<Centre>>(`${base}/centres`, { query: { q: q || undefined, limit: 50 }, signal }),
  centre: (id: string, signal?: AbortSignal) => http.get<CentreDetail>(`${base}/centres/${enc(id)}`, { signal }),

  /**
   * One rectification with its timeline and ETag (`"v3"`); `reveal` unmasks the applicant's contact (clerks only,
   * audited).
   */
  rectification: (id: string, reveal: boolean, signal?: AbortSignal) =>
    http.getTagged<Rectification>(`${base}/rectifications/${enc(id)}`, {
      query: { reveal: reveal || undefined },
      signal,
    }),

  act: (id: string, action: RectificationAction, body: RectificationActionRequest, etag: string) =>
    http.postTagged<Rectification>(`${base}/rectifications/${enc(id)}/${action}`, body, { ifMatch: etag }),
};
