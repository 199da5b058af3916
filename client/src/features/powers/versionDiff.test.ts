import { describe, expect, it } from 'vitest';
import { diffVersions, formatLegalBasis, substantiveChanges, type FieldDiff } from './versionDiff';
import { version } from './testData';

const byField = (diff: FieldDiff[], field: FieldDiff['field']) => diff.find((d) => d.field === field)!;

describe('diffVersions', () => {
  const v1 = version();

  it('marks nothing but the date and note when only those differ', () => {
    const v2 = version({ version: 2, effectiveFrom: '2025-03-01', changeNote: '年度复核' });
    const diff = diffVersions(v1, v2);
    expect(diff.map((d) => d.field)).toEqual([
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
    ]);
    expect(diff.filter((d) => d.changed).map((d) => d.field)).toEqual(['effectiveFrom', 'changeNote']);
    expect(substantiveChanges(diff)).toEqual([]);
    expect(byField(diff, 'effectiveFrom')).toMatchObject({ before: ['2024-01-01'], after: ['2025-03-01'] });
  });

  it('compares field by field and lists what was added to and removed from list fields', () => {
    const v2 = version({
      version: 2,
      effectiveFrom: '2026-12-01',
      name: '对占道经营违法行为的行政处罚（修订）',
      legalBasis: [
        { law: '《中华人民共和国行政处罚法》', article: '第二十四条', text: '可以交由乡镇行使。' },
        { law: '《城市市容和环境卫生管理条例》', article: null, text: null },
      ],
      responsibilities: ['受理责任', '决定责任', '事后监管责任'],
      changeNote: '补充依据',
    });
    const diff = diffVersions(v1, v2);
    expect(substantiveChanges(diff)).toEqual(['name', 'legalBasis', 'responsibilities']);

    expect(byField(diff, 'name')).toMatchObject({
      changed: true,
      before: ['对占道经营违法行为的行政处罚'],
      after: ['对占道经营违法行为的行政处罚（修订）'],
    });
    expect(byField(diff, 'legalBasis')).toMatchObject({
      changed: true,
      added: ['《城市市容和环境卫生管理条例》'],
      removed: [],
    });
    expect(byField(diff, 'responsibilities')).toMatchObject({
      changed: true,
      added: ['事后监管责任'],
      removed: ['审查责任'],
    });
    expect(byField(diff, 'accountabilities')).toMatchObject({ changed: false, added: [], removed: [] });
    expect(byField(diff, 'type')).toMatchObject({ changed: false, before: ['行政处罚（CF）'] });
  });

  it('decides by ids and codes, not by the names the server fills in', () => {
    // the department was renamed between the two versions: same unit, no change
    const renamed = version({ version: 2, departmentName: '县城市管理和综合执法局' });
    expect(byField(diffVersions(v1, renamed), 'department').changed).toBe(false);
    // another department: a change, shown by name
    const moved = version({ version: 2, departmentId: 'dept-sc', departmentName: '县市场监督管理局' });
    expect(byField(diffVersions(v1, moved), 'department')).toMatchObject({
      changed: true,
      before: ['县城市管理局'],
      after: ['县市场监督管理局'],
    });
  });

  it('shows a supervisor appearing, a type change and the withdrawal', () => {
    const v2 = version({
      version: 2,
      type: 'QZ',
      typeName: '行政强制',
      supervisorId: 'unit-9',
      supervisorName: '县司法局',
      withdrawn: true,
    });
    const diff = diffVersions(v1, v2, (b) => (b ? 'yes' : 'no'));
    expect(byField(diff, 'supervisor')).toMatchObject({ changed: true, before: [], after: ['县司法局'], added: ['县司法局'] });
    expect(byField(diff, 'type')).toMatchObject({ changed: true, after: ['行政强制（QZ）'] });
    expect(byField(diff, 'withdrawn')).toMatchObject({ changed: true, before: ['no'], after: ['yes'] });
  });

  it('counts a reordering of a list as a change without added or removed lines', () => {
    const v2 = version({ version: 2, responsibilities: ['决定责任', '受理责任', '审查责任'] });
    expect(byField(diffVersions(v1, v2), 'responsibilities')).toMatchObject({ changed: true, added: [], removed: [] });
  });

  it('ignores blank entries and surrounding spaces in lists', () => {
    const v2 = version({ version: 2, accountabilities: [' 滥用职权 ', ''] });
    expect(byField(diffVersions(v1, v2), 'accountabilities').changed).toBe(false);
  });
});

describe('formatLegalBasis', () => {
  it('joins law, article and text, leaving out what is missing', () => {
    expect(formatLegalBasis({ law: '《行政处罚法》', article: '第二十四条', text: '条文' })).toBe('《行政处罚法》 第二十四条：条文');
    expect(formatLegalBasis({ law: '《行政处罚法》', article: null, text: null })).toBe('《行政处罚法》');
    expect(formatLegalBasis({ law: '《行政处罚法》', article: ' ', text: '条文' })).toBe('《行政处罚法》：条文');
  });
});
