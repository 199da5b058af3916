import type { FormInstance } from 'antd';
import { isApiProblem } from './api/client';

export interface FieldErrorSplit {
  /** Errors for fields the form has, ready for form.setFields. */
  fields: { name: string; errors: string[] }[];
  /** Messages that belong to no field of the form (shown in the form's alert). */
  other: string[];
}

/**
 * Splits a problem's `errors` into those the form can show under a field and the rest.
 * `codeFields` maps error codes without field errors to a field (e.g. users.username_taken → username).
 */
export function splitFieldErrors(
  error: unknown,
  formFields: readonly string[],
  codeFields: Record<string, string> = {},
): FieldErrorSplit {
  const split: FieldErrorSplit = { fields: [], other: [] };
  if (!isApiProblem(error)) return split;
  for (const [name, messages] of Object.entries(error.errors)) {
    if (formFields.includes(name)) split.fields.push({ name, errors: messages });
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
