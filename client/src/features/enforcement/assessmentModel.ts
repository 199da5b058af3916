// Pure helpers of the 双向考核 pages: states, directions and steps, the rounds' filters in the query string, the new
// round's body and its indicator set, whose sheet the caller fills in, the sheet's cells and the body it sends.
import type { Dayjs } from 'dayjs';
import type {
  AssessmentIndicatorResult,
  AssessmentRound,
  AssessmentRoundRequest,
  AssessmentSheet,
  AssessmentSheetRequest,
  Me,
  RoundAction,
  RoundDirection,
  RoundIndicator,
  RoundPeriodKind,
  RoundQuery,
  RoundState,
} from '../../lib/api/types';
import { knownActions } from '../../lib/allowedActions';

export const ROUND_STATES: readonly RoundState[] = ['draft', 'open', 'locked', 'published'];
/** The buttons' order: the workflow's own (开始评分 → 锁定 → 公布). */
export const ROUND_ACTIONS: readonly RoundAction[] = ['open', 'lock', 'publish'];
export const ROUND_DIRECTIONS: readonly RoundDirection[] = ['townships', 'departments'];
export const PERIOD_KINDS: readonly RoundPeriodKind[] = ['quarter', 'year'];

/** The KPIs an indicator may be computed from (the API's list: cases and days, never an amount — 行政处罚法 74). */
export const COMPUTED_KPIS = ['EN_CASES', 'EN_CLOSURE', 'EN_AVG_DAYS', 'EN_OVERDUE', 'EN_DISCLOSURE_ONTIME'] as const;
export type ComputedKpi = (typeof COMPUTED_KPIS)[number];

/** KPIs whose value is a rate (shown as a percentage). */
const RATE_KPIS: readonly string[] = ['EN_CLOSURE', 'EN_DISCLOSURE_ONTIME'];

export const MANUAL = 'manual';
const COMPUTED_PREFIX = 'computed:';

const oneOf =
  <T extends string>(list: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (list as readonly string[]).includes(v);

export const isRoundState = oneOf(ROUND_STATES);
export const isRoundAction = oneOf(ROUND_ACTIONS);
export const isRoundDirection = oneOf(ROUND_DIRECTIONS);
export const isComputedKpi = oneOf(COMPUTED_KPIS);

/** 草稿 default, 评分中 blue, 已锁定 orange, 已公布 green. */
export function roundStateColor(state: RoundState): string {
  return { draft: 'default', open: 'blue', locked: 'orange', published: 'green' }[state];
}

/** The KPI code of a computed source (`computed:EN_CLOSURE` → `EN_CLOSURE`), null for a manual indicator. */
export function kpiOf(source: string): string | null {
  return source.startsWith(COMPUTED_PREFIX) ? source.slice(COMPUTED_PREFIX.length) : null;
}

export function isManual(i: Pick<RoundIndicator, 'source'>): boolean {
  return i.source === MANUAL;
}

export const ROUND_FILTER_KEYS = ['state', 'direction'] as const;
export type RoundFilterKey = (typeof ROUND_FILTER_KEYS)[number];

export function roundFilterFromQuery(
  values: Partial<Record<RoundFilterKey, string | undefined>>,
): Omit<RoundQuery, 'cursor'> {
  return {
    state: isRoundState(values.state) ? values.state : undefined,
    direction: isRoundDirection(values.direction) ? values.direction : undefined,
  };
}

export function visibleRoundActions(r: Pick<AssessmentRound, 'allowedActions'>): RoundAction[] {
  return knownActions(ROUND_ACTIONS, r.allowedActions);
}

export function roundActionsOf(extensions: Record<string, unknown>): RoundAction[] {
  return knownActions(ROUND_ACTIONS, extensions.allowedActions);
}

// ---------- 创建考核 ----------

export interface IndicatorValues {
  code?: string;
  name?: string;
  weight?: number | null;
  maxScore?: number | null;
  /** `manual` or `computed:<KPI>`. */
  source?: string;
}

export interface RoundValues {
  title?: string;
  direction?: RoundDirection;
  periodKind?: RoundPeriodKind;
  year?: number | null;
  quarter?: number | null;
  opensOn?: Dayjs | null;
  closesOn?: Dayjs | null;
  departmentIds?: string[];
  indicators?: IndicatorValues[];
}

/** The form's fields as the API names them in `errors`. */
export const ROUND_FIELDS = [
  'title',
  'direction',
  'periodKind',
  'year',
  'quarter',
  'opensOn',
  'closesOn',
  'departmentIds',
  'indicators',
] as const;

/** A starting indicator set: 县直部门评乡镇 mixes hand-scored work with the cases' own figures; the other way round
 * has no computed data (the API refuses computed indicators there), so it is scored by hand only. */
export function defaultIndicators(direction: RoundDirection): IndicatorValues[] {
  return direction === 'townships'
    ? [
        { code: 'TEAM', name: '执法队伍建设与协作配合', weight: 40, maxScore: 10, source: MANUAL },
        { code: 'CLOSURE', name: '结案率', weight: 30, maxScore: 10, source: 'computed:EN_CLOSURE' },
        { code: 'DISCLOSURE', name: '执法公示及时率', weight: 30, maxScore: 10, source: 'computed:EN_DISCLOSURE_ONTIME' },
      ]
    : [
        { code: 'SUPPORT', name: '业务指导与培训', weight: 50, maxScore: 10, source: MANUAL },
        { code: 'COORDINATION', name: '协调配合与移送办理', weight: 50, maxScore: 10, source: MANUAL },
      ];
}

/** The weights' sum (the API wants exactly 100), to two places. */
export function weightTotal(indicators: readonly IndicatorValues[] | undefined): number {
  const sum = (indicators ?? []).reduce((acc, i) => acc + (typeof i?.weight === 'number' ? i.weight : 0), 0);
  return Math.round(sum * 100) / 100;
}

const blank = (s: string | undefined | null): string | null => (s && s.trim() !== '' ? s.trim() : null);
const day = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);

export function roundBody(v: RoundValues): AssessmentRoundRequest {
  return {
    title: blank(v.title),
    direction: v.direction ?? null,
    periodKind: v.periodKind ?? null,
    year: v.year ?? null,
    quarter: v.periodKind === 'quarter' ? (v.quarter ?? null) : null,
    opensOn: day(v.opensOn),
    closesOn: day(v.closesOn),
    departmentIds: v.departmentIds && v.departmentIds.length > 0 ? v.departmentIds : null,
    indicators: (v.indicators ?? []).map((i) => ({
      code: blank(i.code),
      name: blank(i.name),
      weight: i.weight ?? null,
      maxScore: i.maxScore ?? null,
      source: i.source ?? null,
    })),
  };
}

// ---------- 评分表 ----------

/**
 * The sheet the caller fills in: a township's (its region) when townships score departments, a county department's
 * (its unit, from /auth/me) when departments score townships; null when the caller is not one of the round's scorers.
 */
export function ownScorerId(round: Pick<AssessmentRound, 'direction' | 'scorers'>, me: Me): string | null {
  const own = round.direction === 'departments' ? me.regionId : me.unitId;
  return round.scorers.find((s) => s.id === own)?.id ?? null;
}

/** One cell of the sheet: a scored unit and a hand-scored indicator. */
export interface SheetCell {
  scoredId: string;
  indicatorCode: string;
  score: number | null;
  comment?: string;
}

/** Every scored unit × every manual indicator, in the round's order, filled in from what was submitted. */
export function sheetCells(round: Pick<AssessmentRound, 'scored' | 'indicators'>, sheet: AssessmentSheet): SheetCell[] {
  const manual = round.indicators.filter(isManual);
  return round.scored.flatMap((p) =>
    manual.map((i) => {
      const s = sheet.scores.find((x) => x.scoredId === p.id && x.indicatorCode === i.code);
      return { scoredId: p.id, indicatorCode: i.code, score: s ? s.score : null, comment: s?.comment ?? '' };
    }),
  );
}

/** The index of a cell in the form's list (the API's `scores[n]` errors name the same index). */
export function cellIndex(cells: readonly SheetCell[], scoredId: string, indicatorCode: string): number {
  return cells.findIndex((c) => c.scoredId === scoredId && c.indicatorCode === indicatorCode);
}

/** The whole sheet as sent: every cell in order (the form gives back what was typed, by the same index). */
export function sheetBody(cells: readonly SheetCell[], v: { scores?: Partial<SheetCell>[] }): AssessmentSheetRequest {
  return {
    scores: cells.map((c, i) => {
      const typed = v.scores?.[i] ?? {};
      const score = typed.score === undefined ? c.score : typed.score;
      return {
        scoredId: c.scoredId,
        indicatorCode: c.indicatorCode,
        score: score ?? null,
        comment: blank(typed.comment === undefined ? c.comment : typed.comment),
      };
    }),
  };
}

/** If-Match for the sheet: none before its first submission (version 0), its version after. */
export function sheetEtag(sheet: Pick<AssessmentSheet, 'version'>, etag: string | null): string | null {
  return sheet.version > 0 ? (etag ?? `"v${sheet.version}"`) : null;
}

// ---------- 考核结果 ----------

/** A score or a total as printed: at most two places. */
export function formatScore(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** A computed indicator's KPI value as read: a rate in per cent, a count or days as they are; null: 无数据. */
export function formatKpiValue(r: Pick<AssessmentIndicatorResult, 'source' | 'value'>): string | null {
  if (r.value === null) return null;
  const kpi = kpiOf(r.source);
  return kpi && RATE_KPIS.includes(kpi) ? `${formatScore(r.value * 100)}%` : formatScore(r.value);
}
