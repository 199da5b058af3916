/**
 * The two versions a record's diff compares (?from= and ?to= in the URL): by default the one before the latest and
 * the latest (the latest with itself while there is only one). `versions` is oldest first and never empty.
 */
export function diffRange(versions: readonly { version: number }[], from: string | undefined, to: string | undefined) {
  const latest = versions[versions.length - 1]!.version;
  const previous = versions.length >= 2 ? versions[versions.length - 2]!.version : latest;
  return { from: Number(from) || previous, to: Number(to) || latest };
}
