// Pure helpers of the 执法满意度调查 page: the filters in the query string, the satisfaction rate as a %, a record's
// 已更正 / 更正记录 status, who may record, and the form's values ↔ the API's request (a 更正 starts from the record it
// corrects).
import dayjs, { type Dayjs } from 'dayjs';
import type { EnforcementSurvey, Me, SurveyMethod, SurveyQuery, SurveyRequest } from '../../lib/api/types';

export const SURVEY_METHODS: readonly SurveyMethod[] = ['questionnaire', 'phone', 'online'];

export const SURVEY_FILTER_KEYS = ['teamId', 'from', 'to'] as const;
export type SurveyFilterKey = (typeof SURVEY_FILTER_KEYS)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (v: string | undefined) => (v && DATE.test(v) && dayjs(v).format('YYYY-MM-DD') === v ? v : undefined);

/** The list's filters from the query string (malformed dates dropped). */
export function surveyFilterFromQuery(values: Partial<Record<SurveyFilterKey, string | undefined>>): Omit<SurveyQuery, 'cursor'> {
  const q: Omit<SurveyQuery, 'cursor'> = {};
  if (values.teamId) q.teamId = values.teamId;
  const from = date(values.from);
  const to = date(values.to);
  if (from) q.from = from;
  if (to) q.to = to;
  return q;
}

/** 93.3% (the API's rate is a fraction with four decimals). */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** 已更正: replaced by a later record (no longer counted); 更正记录: a record that replaces another. */
export function surveyTags(s: Pick<EnforcementSurvey, 'correctsId' | 'correctedById'>): ('corrected' | 'correction')[] {
  const tags: ('corrected' | 'correction')[] = [];
  if (s.correctedById) tags.push('corrected');
  if (s.correctsId) tags.push('correction');
  return tags;
}

/** Records only by 执法监督 (the county's administration and legal reviewers). */
export const SURVEYS_RECORD = 'enforcement.supervise';

export function mayRecordSurveys(me: Pick<Me, 'permissions'> | null | undefined): boolean {
  return !!me && me.permissions.includes(SURVEYS_RECORD);
}

/** Only the newest record of a chain may be corrected (the API refuses a second correction of one record). */
export function mayCorrect(s: Pick<EnforcementSurvey, 'correctedById'>, mayRecord: boolean): boolean {
  return mayRecord && !s.correctedById;
}

export interface SurveyValues {
  teamId?: string;
  surveyedOn?: Dayjs;
  method?: SurveyMethod;
  respondents?: number | null;
  satisfied?: number | null;
  note?: string;
  correctsId?: string;
}

/** A 更正 starts as the record it corrects (same team, its figures to be put right). */
export function correctionValues(s: EnforcementSurvey): SurveyValues {
  return {
    teamId: s.teamId,
    surveyedOn: dayjs(s.surveyedOn),
    method: s.method,
    respondents: s.respondents,
    satisfied: s.satisfied,
    note: s.note ?? undefined,
    correctsId: s.id,
  };
}

export function surveyBody(v: SurveyValues): SurveyRequest {
  return {
    teamId: v.teamId ?? null,
    surveyedOn: v.surveyedOn ? v.surveyedOn.format('YYYY-MM-DD') : null,
    method: v.method ?? null,
    respondents: v.respondents ?? null,
    satisfied: v.satisfied ?? null,
    note: v.note?.trim() || null,
    correctsId: v.correctsId ?? null,
  };
}

/** The fields the API names in a 400's `errors`: each shown under its field. */
export const SURVEY_FIELDS = ['teamId', 'surveyedOn', 'method', 'respondents', 'satisfied', 'note', 'correctsId'] as const;
