// Pure helpers of the 裁量基准 page: the editor's values from a set and the body sent back, and the list's search.
import type {
  BenchmarkDegree,
  BenchmarkDegreeCode,
  BenchmarkSet,
  BenchmarkSetRequest,
  PenaltyKindCode,
} from '../../lib/api/types';
import { DEGREES, PENALTY_KINDS } from './caseModel';

/** The kinds a degree may allow (不予行政处罚 is no penalty kind of a degree). */
export const BENCHMARK_KINDS: readonly PenaltyKindCode[] = PENALTY_KINDS.filter((k) => k !== 'none');

/** One degree as the editor holds it. */
export interface DegreeValues {
  degree?: BenchmarkDegreeCode;
  description?: string;
  kinds?: PenaltyKindCode[];
  minFine?: number | null;
  maxFine?: number | null;
}

export interface BenchmarkValues {
  /** Only when a new item's benchmarks are set. */
  itemCode?: string;
  degrees: DegreeValues[];
}

const isDegree = (v: string): v is BenchmarkDegreeCode => (DEGREES as readonly string[]).includes(v);
const isKind = (v: string): v is PenaltyKindCode => (BENCHMARK_KINDS as readonly string[]).includes(v);

/** The editor's first values: the set's degrees, or one empty degree for an item without benchmarks yet. */
export function benchmarkValues(set: BenchmarkSet | undefined): BenchmarkValues {
  if (!set || set.degrees.length === 0) return { degrees: [{ kinds: [] }] };
  return {
    degrees: set.degrees.map((d) => ({
      degree: isDegree(d.degree) ? d.degree : undefined,
      description: d.description,
      kinds: d.kinds.filter(isKind),
      minFine: d.minFine,
      maxFine: d.maxFine,
    })),
  };
}

/** The degree that the editor offers next: the first of 轻微, 一般, 较重, 严重 not yet used. */
export function nextDegree(degrees: readonly DegreeValues[]): BenchmarkDegreeCode | undefined {
  return DEGREES.find((d) => !degrees.some((x) => x.degree === d));
}

/** The PUT body: every degree in the scale's order, trimmed; a fine range only where 罚款 is allowed. */
export function benchmarkBody(v: BenchmarkValues): BenchmarkSetRequest {
  const order = (d: DegreeValues) => (d.degree ? DEGREES.indexOf(d.degree) : DEGREES.length);
  const degrees: BenchmarkDegree[] = [...v.degrees]
    .sort((a, b) => order(a) - order(b))
    .map((d) => {
      const kinds = d.kinds ?? [];
      const fine = kinds.includes('fine');
      return {
        degree: d.degree ?? '',
        degreeName: null,
        description: (d.description ?? '').trim(),
        kinds,
        minFine: fine ? (d.minFine ?? null) : null,
        maxFine: fine ? (d.maxFine ?? null) : null,
      };
    });
  return { degrees };
}

/** Items whose code or name contains the text (case-insensitive), all for an empty text. */
export function matchesItem(code: string, name: string | undefined, text: string): boolean {
  const q = text.trim().toLowerCase();
  if (!q) return true;
  return code.toLowerCase().includes(q) || (name ?? '').toLowerCase().includes(q);
}
