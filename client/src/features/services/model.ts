// Pure helpers of the 事项目录 / 办事指南 pages: the option lists, the guide rules the API enforces (checked in the form
// before sending), form values ⇄ request, version states.
import dayjs, { type Dayjs } from 'dayjs';
import type {
  MaterialForm,
  ServiceChannel,
  ServiceItemRequest,
  ServiceItemVersion,
  ServiceKind,
  ServiceLevel,
} from '../../lib/api/types';
import { versionCovers } from '../../lib/versions';

export const SERVICE_LEVELS: readonly ServiceLevel[] = ['township', 'village'];
export const SERVICE_KINDS: readonly ServiceKind[] = ['immediate', 'promised'];
export const MATERIAL_FORMS: readonly MaterialForm[] = ['original', 'copy', 'both'];
export const SERVICE_CHANNELS: readonly ServiceChannel[] = ['window', 'online', 'mobile', 'kiosk', 'village_point'];

/** A guide has at most this many process steps (办理流程). */
export const MAX_STEPS = 4;
/** 法定时限 in working days: 0–365. */
export const MAX_STATUTORY_DAYS = 365;

export function isServiceLevel(v: unknown): v is ServiceLevel {
  return typeof v === 'string' && (SERVICE_LEVELS as readonly string[]).includes(v);
}
export function isServiceKind(v: unknown): v is ServiceKind {
  return typeof v === 'string' && (SERVICE_KINDS as readonly string[]).includes(v);
}

// ---------- the guide rules (the API checks them too and answers 400 with the same fields) ----------

export type GuideRule =
  | 'promisedForImmediate' // 即办件当场办结，不设承诺时限
  | 'promisedRequired' // 承诺件须填写承诺时限（至少 1 个工作日）
  | 'promisedOverStatutory' // 承诺时限不能长于法定时限
  | 'stepsRequired' // 请填写办理流程
  | 'tooManySteps' // 办理流程最多 4 个环节
  | 'materialsOrNone' // 请至少列出一项申请材料，或注明“无需材料”
  | 'materialsAndNone' // 已列出申请材料，不能同时注明“无需材料”
  | 'feeBasisRequired'; // 收费事项须注明收费依据

/** 承诺时限: none for 即办件; for 承诺件 at least 1 working day and never longer than 法定时限. */
export function promisedDaysRule(
  kind: ServiceKind | undefined,
  promisedDays: number | null | undefined,
  statutoryDays: number | null | undefined,
): GuideRule | undefined {
  const promised = promisedDays ?? null;
  if (kind === 'immediate') return promised === null ? undefined : 'promisedForImmediate';
  if (kind !== 'promised') return undefined;
  if (promised === null || promised < 1) return 'promisedRequired';
  if (statutoryDays !== null && statutoryDays !== undefined && promised > statutoryDays) return 'promisedOverStatutory';
  return undefined;
}

/** 办理流程: 1 to 4 steps (blank ones do not count). */
export function stepsRule(steps: readonly (string | null | undefined)[] | undefined): GuideRule | undefined {
  const filled = (steps ?? []).filter((s) => !!s && s.trim().length > 0).length;
  if (filled === 0) return 'stepsRequired';
  return filled > MAX_STEPS ? 'tooManySteps' : undefined;
}

/** 申请材料: at least one, or explicitly none (无需材料) — not both. */
export function materialsRule(materialCount: number, noMaterials: boolean | undefined): GuideRule | undefined {
  if (materialCount === 0 && !noMaterials) return 'materialsOrNone';
  if (materialCount > 0 && noMaterials) return 'materialsAndNone';
  return undefined;
}

/** 收费: an amount above zero needs its basis (收费依据). */
export function feeBasisRule(feeAmount: number | null | undefined, feeBasis: string | null | undefined): GuideRule | undefined {
  if (!feeAmount) return undefined;
  return feeBasis && feeBasis.trim() ? undefined : 'feeBasisRequired';
}

// ---------- the form ----------

export interface MaterialRow {
  name?: string;
  form?: MaterialForm;
  copies?: number | null;
  required?: boolean;
}

/** 免费 or 收费 (amount + basis). */
export type FeeMode = 'free' | 'charged';

/** What the guide form holds (create and revise share it; `code` only when creating). */
export interface GuideFormValues {
  code?: string;
  name: string;
  level: ServiceLevel;
  kind: ServiceKind;
  legalBasis: string;
  conditions: string;
  materials: MaterialRow[];
  noMaterials: boolean;
  statutoryDays: number | null;
  promisedDays: number | null;
  fee: FeeMode;
  feeAmount: number | null;
  feeBasis?: string;
  steps: string[];
  phone: string;
  channels: ServiceChannel[];
  /** Not a field of the form: the revise modal keeps the latest version's link to a power item (权责清单事项). */
  powerItemId?: string | null;
  effectiveFrom: Dayjs;
  changeNote: string;
}

/** Names of the form's fields, as the API names them in a problem's `errors` (indexed keys map into materials). */
export const GUIDE_FORM_FIELDS = [
  'code',
  'name',
  'level',
  'kind',
  'legalBasis',
  'conditions',
  'materials',
  'noMaterials',
  'statutoryDays',
  'promisedDays',
  'feeAmount',
  'feeBasis',
  'steps',
  'phone',
  'channels',
  'effectiveFrom',
  'changeNote',
] as const;

/** 事项编码 as the API accepts it: 4–40 letters, digits or hyphens. */
export const CODE_PATTERN = /^[A-Za-z0-9-]{4,40}$/;

const blank = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

/** The request of a form: 即办件 without promised days, 免费 without amount and basis, no materials when none needed. */
export function toGuideRequest(v: GuideFormValues, mode: 'create' | 'revise'): ServiceItemRequest {
  const charged = v.fee === 'charged';
  const request: ServiceItemRequest = {
    name: v.name.trim(),
    level: v.level,
    kind: v.kind,
    legalBasis: v.legalBasis.trim(),
    conditions: v.conditions.trim(),
    materials: v.noMaterials
      ? []
      : (v.materials ?? []).map((m) => ({
          name: (m.name ?? '').trim(),
          form: m.form ?? 'original',
          copies: m.copies ?? 1,
          required: m.required ?? true,
        })),
    noMaterials: v.noMaterials,
    statutoryDays: v.statutoryDays ?? null,
    promisedDays: v.kind === 'immediate' ? null : (v.promisedDays ?? null),
    feeAmount: charged ? (v.feeAmount ?? null) : null,
    feeBasis: charged ? blank(v.feeBasis) : null,
    steps: (v.steps ?? []).map((s) => (s ?? '').trim()).filter((s) => s.length > 0),
    phone: v.phone.trim(),
    channels: v.channels ?? [],
    powerItemId: v.powerItemId ?? null,
    effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
    changeNote: v.changeNote.trim(),
  };
  return mode === 'create' ? { code: (v.code ?? '').trim().toUpperCase(), ...request } : request;
}

/** Form values of a revision: the version's guide, a new date and an empty change note. */
export function valuesFromVersion(v: ServiceItemVersion, effectiveFrom: string): GuideFormValues {
  return {
    name: v.name,
    level: v.level,
    kind: v.kind,
    legalBasis: v.legalBasis,
    conditions: v.conditions,
    materials: v.materials.map((m) => ({ ...m })),
    noMaterials: v.noMaterials,
    statutoryDays: v.statutoryDays,
    promisedDays: v.promisedDays,
    fee: v.feeAmount ? 'charged' : 'free',
    feeAmount: v.feeAmount,
    feeBasis: v.feeBasis ?? undefined,
    steps: [...v.steps],
    phone: v.phone,
    channels: [...v.channels],
    effectiveFrom: dayjs(effectiveFrom),
    changeNote: '',
  };
}

/** A new guide: a township 承诺件, free, at the window, with one material row and the usual steps. */
export function newGuideValues(today: string): Partial<GuideFormValues> {
  return {
    level: 'township',
    kind: 'promised',
    materials: [{ form: 'original', copies: 1, required: true }],
    noMaterials: false,
    statutoryDays: null,
    promisedDays: null,
    fee: 'free',
    feeAmount: null,
    steps: ['受理', '审核', '办结'],
    channels: ['window'],
    effectiveFrom: dayjs(today),
    changeNote: '新增事项',
  };
}

// ---------- versions ----------

export type GuideVersionState = 'inForce' | 'superseded' | 'planned';

/** How a version stands on `date`: in force, already replaced, or not yet in force. */
export function guideVersionState(v: Pick<ServiceItemVersion, 'effectiveFrom' | 'effectiveTo'>, date: string): GuideVersionState {
  if (versionCovers(v, date)) return 'inForce';
  return v.effectiveFrom > date ? 'planned' : 'superseded';
}

/** The latest version may be published (公布) until it is. */
export function canPublish(latest: Pick<ServiceItemVersion, 'publishedAt'>): boolean {
  return latest.publishedAt === null;
}
