import { diffFields, lines, type FieldDiff } from '../../lib/fieldDiff';

/** The field an entry's before/after has when it is not an object (a list, a number): the whole value. */
export const WHOLE = '$value';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** A value as display lines: a list one item a line, anything else on one line (none for null). */
function valueLines(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  return lines(Array.isArray(v) ? v.map(show) : [show(v)]).lines;
}

/**
 * 变更前后对比 of an audit entry: the fields of both snapshots (before's order, then those only after has), each
 * marked changed when its value differs. Snapshots that are not objects compare as one field, {@link WHOLE}.
 */
export function entryDiff(before: unknown, after: unknown): FieldDiff<string>[] {
  if (before == null && after == null) return [];
  const objects = (before == null || isRecord(before)) && (after == null || isRecord(after));
  const a = objects ? ((before ?? {}) as Record<string, unknown>) : { [WHOLE]: before };
  const b = objects ? ((after ?? {}) as Record<string, unknown>) : { [WHOLE]: after };
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return diffFields(fields, a, b, (v, f) => {
    const shown = valueLines(v[f]);
    return { key: [JSON.stringify(v[f] ?? null)], lines: shown };
  });
}
