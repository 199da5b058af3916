// Field-by-field comparison of two versions of a record (pure). Each feature says which fields it compares and how a
// field of a version reads as display lines (`extract`); the comparison and the list bookkeeping are the same for all.

export interface FieldDiff<F extends string> {
  field: F;
  /** The value in the first version, as display lines (an empty list: no value). */
  before: string[];
  /** The value in the second version. */
  after: string[];
  changed: boolean;
  /** For list fields: lines only in `after` / only in `before` (order changes alone count as a change, not as these). */
  added: string[];
  removed: string[];
}

/** A field of one version: what decides "changed" (ids and codes rather than names) and what is shown. */
export interface Extracted {
  key: string[];
  lines: string[];
}

/** A single value (none when null, undefined or empty); `line` is what is shown, the key itself by default. */
export function one(key: string | number | null | undefined, line?: string | null): Extracted {
  if (key === null || key === undefined || key === '') return { key: [], lines: [] };
  return { key: [String(key)], lines: [line ?? String(key)] };
}

/** A list of values shown one per line (blank ones left out). */
export function lines(values: readonly string[]): Extracted {
  const clean = values.map((v) => v.trim()).filter((v) => v.length > 0);
  return { key: clean, lines: clean };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Compares `a` (before) with `b` (after), field by field, in the order of `fields`. */
export function diffFields<V, F extends string>(
  fields: readonly F[],
  a: V,
  b: V,
  extract: (version: V, field: F) => Extracted,
): FieldDiff<F>[] {
  return fields.map((field) => {
    const before = extract(a, field);
    const after = extract(b, field);
    return {
      field,
      before: before.lines,
      after: after.lines,
      changed: !sameList(before.key, after.key),
      added: after.lines.filter((l) => !before.lines.includes(l)),
      removed: before.lines.filter((l) => !after.lines.includes(l)),
    };
  });
}
