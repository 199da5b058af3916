import type {
  Assessment,
  AssessmentAction,
  AssessmentState,
  Campaign,
  CampaignAction,
  CampaignPost,
  CampaignState,
  Grade,
  GradeLine,
  GradeRow,
  RankedCandidate,
  Registration,
  SecondeeState,
  WorkArea,
} from '../../lib/api/types';

// Pure rules of the 选派 and 年度考核 pages (unit-tested in secondment.test.ts).

/** The stages in order, as the Steps of the campaign board show them. */
export const CAMPAIGN_STATES: readonly CampaignState[] = [
  'announced',
  'registration',
  'qualification',
  'written',
  'interview',
  'choosing',
  'publicity',
  'hired',
];

export const CAMPAIGN_ACTIONS: readonly CampaignAction[] = [
  'open-registration',
  'review',
  'written',
  'interview',
  'choose',
  'publish',
  'hire',
];

export const WORK_AREAS: readonly WorkArea[] = ['revitalization', 'agriculture', 'construction', 'service', 'public_security', 'enforcement'];
export const SECONDEE_STATES: readonly SecondeeState[] = ['active', 'converted', 'returned', 'ended'];
export const GRADES: readonly Grade[] = ['excellent', 'competent', 'basic', 'incompetent', 'none'];
export const ASSESSMENT_STATES: readonly AssessmentState[] = ['draft', 'publicity', 'final'];
export const ASSESSMENT_ACTIONS: readonly AssessmentAction[] = ['publish', 'finalize'];

export function isWorkArea(v: string | undefined): v is WorkArea {
  return !!v && (WORK_AREAS as readonly string[]).includes(v);
}

export function isSecondeeState(v: string | undefined): v is SecondeeState {
  return !!v && (SECONDEE_STATES as readonly string[]).includes(v);
}

/** The index of the campaign's stage in CAMPAIGN_STATES (0 when unknown). */
export function stageIndex(state: string): number {
  return Math.max(0, (CAMPAIGN_STATES as readonly string[]).indexOf(state));
}

/** Posts of a campaign still free (never below zero). */
export function postsLeftOf(post: Pick<CampaignPost, 'posts' | 'taken'>): number {
  return Math.max(0, post.posts - post.taken);
}

/** The posts a candidate may still choose (room left). */
export function postsWithRoom<P extends Pick<CampaignPost, 'posts' | 'taken'>>(posts: readonly P[]): P[] {
  return posts.filter((p) => postsLeftOf(p) > 0);
}

/**
 * 选岗 goes strictly in rank order: the candidate whose turn it is is the best ranked one without a post, as long as
 * a post has room; undefined when everyone has chosen or no post is left.
 */
export function whoseTurn(
  ranking: readonly Pick<RankedCandidate, 'rank' | 'registrationId' | 'chosenPostId'>[],
  posts: readonly Pick<CampaignPost, 'posts' | 'taken'>[],
): string | undefined {
  if (postsWithRoom(posts).length === 0) return undefined;
  const next = [...ranking].sort((a, b) => a.rank - b.rank).find((c) => !c.chosenPostId);
  return next?.registrationId;
}

/** Which score the stage takes: 笔试 in the written stage, 面试 in the interview stage, none otherwise. */
export function scoreField(state: CampaignState): 'written' | 'interview' | undefined {
  if (state === 'written') return 'written';
  if (state === 'interview') return 'interview';
  return undefined;
}

/** Score lines to send: the qualified registrations whose score (of the stage) was typed, valid 0–100. */
export function scoreLines(
  field: 'written' | 'interview',
  registrations: readonly Pick<Registration, 'id' | 'state'>[],
  typed: Readonly<Record<string, number | null | undefined>>,
): { registrationId: string; written?: number; interview?: number }[] {
  return registrations
    .filter((r) => r.state === 'qualified')
    .flatMap((r) => {
      const v = typed[r.id];
      return typeof v === 'number' && Number.isFinite(v) ? [{ registrationId: r.id, [field]: v }] : [];
    });
}

/** Weighted total as the API ranks it, for a preview while typing (two decimals). */
export function weightedTotal(written: number, interview: number, writtenWeight: number): number {
  return Math.round((written * writtenWeight + interview * (1 - writtenWeight)) * 100) / 100;
}

/** The grades one secondee may get: 不确定档次 and only it for those seconded less than half the year. */
export function gradeOptions(row: Pick<GradeRow, 'lessThanHalfYear'>): readonly Grade[] {
  return row.lessThanHalfYear ? ['none'] : GRADES.filter((g) => g !== 'none');
}

/** Only a secondment still active is graded (the API refuses the others: converted, returned or ended meanwhile). */
export function isGradable(row: Pick<GradeRow, 'secondmentState'>): boolean {
  return row.secondmentState === 'active';
}

type GradeFields = Pick<GradeRow, 'secondeeId' | 'grade' | 'lessThanHalfYear' | 'secondmentState'>;

/** The grade a row has in the form: typed, else saved, else forced 不确定档次 for less than half a year. */
export function effectiveGrade(row: GradeFields, typed: Readonly<Record<string, Grade | undefined>>): Grade | undefined {
  if (!isGradable(row)) return row.grade ?? undefined;
  if (row.lessThanHalfYear) return 'none';
  return typed[row.secondeeId] ?? row.grade ?? undefined;
}

export interface QuotaUse {
  used: number;
  quota: number;
  over: boolean;
  /** 0–100 for a Progress; 100 when the quota is zero and someone is graded 优秀 anyway. */
  percent: number;
}

/** How much of the 优秀 quota the grades in the form use (the page shows it filling as grades are chosen). */
export function excellentUse(
  assessment: Pick<Assessment, 'excellentQuota' | 'grades'>,
  typed: Readonly<Record<string, Grade | undefined>>,
): QuotaUse {
  const used = assessment.grades.filter((g) => effectiveGrade(g, typed) === 'excellent').length;
  const quota = assessment.excellentQuota;
  const over = used > quota;
  const percent = quota === 0 ? (used > 0 ? 100 : 0) : Math.min(100, Math.round((used / quota) * 100));
  return { used, quota, over, percent };
}

/** The grade lines to save: every gradable row whose grade in the form differs from the saved one. */
export function changedGrades(grades: readonly GradeFields[], typed: Readonly<Record<string, Grade | undefined>>): GradeLine[] {
  return grades.filter(isGradable).flatMap((g) => {
    const grade = effectiveGrade(g, typed);
    return grade && grade !== g.grade ? [{ secondeeId: g.secondeeId, grade }] : [];
  });
}

/** No stage of a campaign undoes anything: none is shown as a danger. */
export function isDangerCampaignAction(a: CampaignAction): boolean {
  return !CAMPAIGN_ACTIONS.includes(a);
}

export function isDangerAssessmentAction(a: AssessmentAction): boolean {
  return a === 'finalize';
}

/** Whether a campaign can still take objections: only during its 公示. */
export function takesObjections(c: Pick<Campaign, 'state'>): boolean {
  return c.state === 'publicity';
}
