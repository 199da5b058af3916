import { http } from '../../lib/api/client';
import type { EnforcementSurvey, Page, SurveyQuery, SurveyRequest } from '../../lib/api/types';

export const surveyKeys = {
  lists: ['enforcement', 'surveys', 'list'] as const,
  list: (q: Omit<SurveyQuery, 'cursor'>) => ['enforcement', 'surveys', 'list', q] as const,
};

export const surveyApi = {
  /** 满意度调查 in scope, newest first (corrected ones included, marked by `correctedById`). */
  list: (query: SurveyQuery, signal?: AbortSignal) =>
    http.get<Page<EnforcementSurvey>>('/enforcement/surveys', { query, signal }),
  /** 登记调查 (enforcement.supervise); with `correctsId` a 更正 of that record, which it then replaces. */
  record: (body: SurveyRequest) => http.post<EnforcementSurvey>('/enforcement/surveys', body),
};
