// Field-by-field comparison of two versions of a service guide (pure; the detail page renders it).
import type { MaterialForm, ServiceChannel, ServiceItemVersion, ServiceKind, ServiceLevel, ServiceMaterial } from '../../lib/api/types';
import { diffFields, lines, one, type Extracted, type FieldDiff } from '../../lib/fieldDiff';

export const GUIDE_DIFF_FIELDS = [
  'name',
  'level',
  'kind',
  'legalBasis',
  'conditions',
  'materials',
  'statutoryDays',
  'promisedDays',
  'fee',
  'steps',
  'phone',
  'channels',
  'effectiveFrom',
  'changeNote',
] as const;

export type GuideDiffField = (typeof GUIDE_DIFF_FIELDS)[number];

export type GuideFieldDiff = FieldDiff<GuideDiffField>;

/** How values read in the diff (the page passes the current language's words). */
export interface GuideWords {
  levels: Record<ServiceLevel, string>;
  kinds: Record<ServiceKind, string>;
  forms: Record<MaterialForm, string>;
  channels: Record<ServiceChannel, string>;
  /** 5 → 5 个工作日 */
  workingDays: (days: number) => string;
  /** one material as a line: 居民身份证（原件，1 份，必需） */
  material: (m: ServiceMaterial, form: string) => string;
  noMaterials: string;
  free: string;
  /** 10 元（依据：…） */
  charged: (amount: number, basis: string) => string;
}

export const CHINESE_WORDS: GuideWords = {
  levels: { township: '乡镇', village: '村级' },
  kinds: { immediate: '即办件', promised: '承诺件' },
  forms: { original: '原件', copy: '复印件', both: '原件和复印件' },
  channels: { window: '窗口', online: '网上', mobile: '掌上/APP', kiosk: '自助一体机', village_point: '村代办点' },
  workingDays: (days) => `${days} 个工作日`,
  material: (m, form) => `${m.name}（${form}，${m.copies} 份，${m.required ? '必需' : '非必需'}）`,
  noMaterials: '无需材料',
  free: '免费',
  charged: (amount, basis) => `${amount} 元（依据：${basis}）`,
};

type Version = Pick<
  ServiceItemVersion,
  | 'name'
  | 'level'
  | 'kind'
  | 'legalBasis'
  | 'conditions'
  | 'materials'
  | 'noMaterials'
  | 'statutoryDays'
  | 'promisedDays'
  | 'feeAmount'
  | 'feeBasis'
  | 'steps'
  | 'phone'
  | 'channels'
  | 'effectiveFrom'
  | 'changeNote'
>;

/** A long text compared line by line. */
function text(value: string): Extracted {
  return lines(value.split('\n'));
}

function extract(v: Version, field: GuideDiffField, w: GuideWords): Extracted {
  switch (field) {
    case 'name':
      return one(v.name);
    case 'level':
      return one(v.level, w.levels[v.level]);
    case 'kind':
      return one(v.kind, w.kinds[v.kind]);
    case 'legalBasis':
      return text(v.legalBasis);
    case 'conditions':
      return text(v.conditions);
    case 'materials':
      return v.noMaterials ? one('none', w.noMaterials) : lines(v.materials.map((m) => w.material(m, w.forms[m.form])));
    case 'statutoryDays':
      return one(v.statutoryDays, w.workingDays(v.statutoryDays));
    case 'promisedDays':
      return v.promisedDays === null ? one(null) : one(v.promisedDays, w.workingDays(v.promisedDays));
    case 'fee':
      return v.feeAmount ? one(`${v.feeAmount}|${v.feeBasis ?? ''}`, w.charged(v.feeAmount, v.feeBasis ?? '')) : one('free', w.free);
    case 'steps':
      return lines(v.steps.map((s, i) => `${i + 1}. ${s}`));
    case 'phone':
      return one(v.phone);
    case 'channels':
      return lines(v.channels.map((c) => w.channels[c]));
    case 'effectiveFrom':
      return one(v.effectiveFrom);
    case 'changeNote':
      return one(v.changeNote);
  }
}

/** Compares guide version `a` (before) with `b` (after), field by field, in GUIDE_DIFF_FIELDS order. */
export function diffGuides(a: Version, b: Version, words: GuideWords = CHINESE_WORDS): GuideFieldDiff[] {
  return diffFields(GUIDE_DIFF_FIELDS, a, b, (v, field) => extract(v, field, words));
}

/** The fields that differ (effective date and change note left out: they differ between any two versions). */
export function changedGuideFields(diff: readonly GuideFieldDiff[]): GuideDiffField[] {
  return diff.filter((d) => d.changed && d.field !== 'effectiveFrom' && d.field !== 'changeNote').map((d) => d.field);
}
