// Field-by-field comparison of two versions of a catalogue item (pure; the detail page renders it).
import type { LegalBasis, PowerItemVersion } from '../../lib/api/types';
import { diffFields, lines, one, type Extracted, type FieldDiff as GenericFieldDiff } from '../../lib/fieldDiff';

export const DIFF_FIELDS = [
  'name',
  'type',
  'domain',
  'department',
  'supervisor',
  'legalBasis',
  'responsibilities',
  'accountabilities',
  'withdrawn',
  'effectiveFrom',
  'changeNote',
] as const;

export type DiffField = (typeof DIFF_FIELDS)[number];

export type FieldDiff = GenericFieldDiff<DiffField>;

type Version = Pick<
  PowerItemVersion,
  | 'name'
  | 'type'
  | 'typeName'
  | 'domainCode'
  | 'domainName'
  | 'departmentId'
  | 'departmentName'
  | 'supervisorId'
  | 'supervisorName'
  | 'legalBasis'
  | 'responsibilities'
  | 'accountabilities'
  | 'withdrawn'
  | 'effectiveFrom'
  | 'changeNote'
>;

/** One legal basis as a line: 《法》 第N条：text (missing parts left out). */
export function formatLegalBasis(b: LegalBasis): string {
  const head = [b.law.trim(), b.article?.trim()].filter((s): s is string => !!s).join(' ');
  const text = b.text?.trim();
  return text ? `${head}：${text}` : head;
}

function extract(v: Version, field: DiffField, yesNo: (b: boolean) => string): Extracted {
  switch (field) {
    case 'name':
      return one(v.name, v.name);
    case 'type':
      return one(v.type, v.typeName ? `${v.typeName}（${v.type}）` : v.type);
    case 'domain':
      return one(v.domainCode, v.domainName || v.domainCode);
    case 'department':
      return one(v.departmentId, v.departmentName);
    case 'supervisor':
      return one(v.supervisorId, v.supervisorName);
    case 'legalBasis':
      return lines(v.legalBasis.map(formatLegalBasis));
    case 'responsibilities':
      return lines(v.responsibilities);
    case 'accountabilities':
      return lines(v.accountabilities);
    case 'withdrawn':
      return { key: [String(v.withdrawn)], lines: [yesNo(v.withdrawn)] };
    case 'effectiveFrom':
      return one(v.effectiveFrom, v.effectiveFrom);
    case 'changeNote':
      return one(v.changeNote, v.changeNote);
  }
}

/**
 * Compares version `a` (before) with version `b` (after), field by field, in DIFF_FIELDS order.
 * `yesNo` words the withdrawn flag (defaults to 是/否).
 */
export function diffVersions(a: Version, b: Version, yesNo: (b: boolean) => string = (x) => (x ? '是' : '否')): FieldDiff[] {
  return diffFields(DIFF_FIELDS, a, b, (v, field) => extract(v, field, yesNo));
}

/** The fields that differ (effective date and change note left out: they differ between any two versions). */
export function substantiveChanges(diff: readonly FieldDiff[]): DiffField[] {
  return diff.filter((d) => d.changed && d.field !== 'effectiveFrom' && d.field !== 'changeNote').map((d) => d.field);
}
