/**
 * The actions of `known` that the API lists (a record's `allowedActions`, or those a 409 invalid_transition carries),
 * in the client's stable order. The API decides what may be done; names the client does not know are left out, and
 * anything that is not a list means none.
 */
export function knownActions<A extends string>(known: readonly A[], listed: unknown): A[] {
  if (!Array.isArray(listed)) return [];
  return known.filter((a) => listed.includes(a));
}
