import { useState } from 'react';
import type { FormInstance } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { isStaleRecord } from './api/client';
import { applyProblemToForm } from './formErrors';

export interface FormSendOptions<V, R> {
  send: (values: V) => Promise<R>;
  onSuccess: (result: R) => void;
  /** The form's fields as the API names them in a problem's `errors`: those errors go under the fields. */
  fields: readonly string[];
  /** Error codes shown under a field (e.g. a taken code under the code). */
  codeFields?: Record<string, string>;
  /**
   * Reloads the record; given when the request carries If-Match. A 412 then offers the reload instead of an error
   * and keeps what was typed, so the same form can be sent again with the new ETag.
   */
  onReload?: () => Promise<unknown>;
}

/** What a form shows of its request: see FormModal. */
export interface FormSend<V> {
  /** A problem that belongs to no field of the form (null when there is none). */
  problem: unknown;
  /** The record changed since it was loaded (a 412; only with onReload). */
  stale: boolean;
  sending: boolean;
  onReload: (() => Promise<unknown>) | undefined;
  submit: (values: V) => void;
  /** The record was reloaded after a 412: the form may be sent again. */
  reloaded: () => void;
  /** Forgets the problem and the 412 (a new opening, a cancelled form). */
  reset: () => void;
}

/**
 * Sends a form: a 400's field errors go under their fields, any other problem is kept for one alert above the form,
 * and with If-Match a 412 is kept apart (see `onReload`).
 */
export function useFormSend<V, R>(form: FormInstance<V>, options: FormSendOptions<V, R>): FormSend<V> {
  const [problem, setProblem] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const mutation = useMutation({
    mutationFn: options.send,
    onSuccess: (result) => {
      setProblem(null);
      setStale(false);
      options.onSuccess(result);
    },
    onError: (e) => {
      if (options.onReload && isStaleRecord(e)) {
        setStale(true);
        setProblem(null);
        return;
      }
      setProblem(applyProblemToForm(form, e, options.fields, options.codeFields) ? null : e);
    },
  });
  return {
    problem,
    stale,
    sending: mutation.isPending,
    onReload: options.onReload,
    submit: (values) => {
      setProblem(null);
      mutation.mutate(values);
    },
    reloaded: () => setStale(false),
    reset: () => {
      setProblem(null);
      setStale(false);
    },
  };
}
