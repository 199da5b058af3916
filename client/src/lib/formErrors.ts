import type { FormInstance } from 'antd';
import { isApiProblem } from './api/client';

/** An antd form field name: `username`, or a path into a list such as `['legalBasis', 0, 'law']`. */
export type FieldName = string | (string | number)[];

export interface FieldErrorSplit {
  /** Errors for fields the form has, ready for form.setFields. */
  fields: { name: FieldName; errors: string[] }[];
  /** Messages that belong to no field of the form (shown in the form's alert). */
  other: string[];
}

/**
 * A problem's error key as an antd name path: `legalBasis[0].law` → `['legalBasis', 0, 'law']`, `a.b` → `['a', 'b']`,
 * a plain `username` stays a string.
 */
export function toFieldName(key: string): FieldName {
  const path: (string | number)[] = [];
  for (const segment of key.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(segment);
    if (!match) {
      path.push(segment);
      continue;
    }
    if (match[1]) path.push(match[1]);
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
  }
  return path.length === 1 && typeof path[0] === 'string' ? path[0] : path;
}

function topLevel(name: FieldName): string {
  return typeof name === 'string' ? name : String(name[0] ?? '');
}

/**
 * Splits a problem's `errors` into those the form can show under a field and the rest. A key belongs to the form
 * when its first segment is one of `formFields` (so `legalBasis[0].law` goes under the law input of the first
 * legal-basis row when the form has `legalBasis`).
 * `codeFields` maps error codes without field errors to a field (e.g. users.username_taken → username).
 */
export function splitFieldErrors(
  error: unknown,
  formFields: readonly string[],
  codeFields: Record<string, string> = {},
): FieldErrorSplit {
  const split: FieldErrorSplit = { fields: [], other: [] };
  if (!isApiProblem(error)) return split;
  for (const [key, messages] of Object.entries(error.errors)) {
    const name = toFieldName(key);
    if (formFields.includes(topLevel(name))) split.fields.push({ name, errors: messages });
    else split.other.push(...messages);
  }
  const byCode = codeFields[error.code];
  if (byCode && formFields.includes(byCode) && !split.fields.some((f) => f.name === byCode)) {
    split.fields.push({ name: byCode, errors: [error.displayMessage] });
  }
  return split;
}

/** Puts a problem's field errors on the form; returns true when at least one field got a message. */
export function applyProblemToForm<T>(
  form: FormInstance<T>,
  error: unknown,
  formFields: readonly string[],
  codeFields: Record<string, string> = {},
): boolean {
  const { fields } = splitFieldErrors(error, formFields, codeFields);
  if (fields.length > 0) form.setFields(fields as Parameters<FormInstance<T>['setFields']>[0]);
  return fields.length > 0;
}
