/**
 * The customer segment, the one rule every feature uses: the Segment column when it names a
 * segment, otherwise ARR (or MRR x 12) by the capacity model's bands. The Dashboard, the
 * sidebar, the documents and the formulas all ask segmentFor, so an account typed
 * "Enterprise" with $60k ARR is Enterprise everywhere.
 */
import type { SignalValues } from './rubrics';
import { normalizeKey } from './text';

export type Segment = 'Enterprise' | 'Mid-Market' | 'SMB' | 'Self-Serve';

/** Largest first, as tables list them. */
export const SEGMENT_ORDER: readonly Segment[] = ['Enterprise', 'Mid-Market', 'SMB', 'Self-Serve'];

/** The capacity model's bands: Enterprise $100K+, Mid-Market $25-100K, SMB $5-25K, below. */
export function segmentOf(arr: number): Segment {
  if (arr >= 100_000) return 'Enterprise';
  if (arr >= 25_000) return 'Mid-Market';
  if (arr >= 5_000) return 'SMB';
  return 'Self-Serve';
}

/** Segment words by normalizeKey (a Map: a typed "constructor" finds nothing). */
const SEGMENT_WORDS: ReadonlyMap<string, Segment> = new Map([
  ['enterprise', 'Enterprise'],
  ['ent', 'Enterprise'],
  ['midmarket', 'Mid-Market'],
  ['mm', 'Mid-Market'],
  ['mid', 'Mid-Market'],
  ['smb', 'SMB'],
  ['smallbusiness', 'SMB'],
  ['selfserve', 'Self-Serve'],
  ['selfservice', 'Self-Serve'],
  ['selfserved', 'Self-Serve'],
  ['plg', 'Self-Serve'],
]);

/** The segment a text names ("Enterprise", "mid-market", "SMB"...), if it names one. */
export function segmentNamed(text: string): Segment | undefined {
  return SEGMENT_WORDS.get(normalizeKey(text));
}

export interface SegmentOfAccount {
  readonly segment: Segment;
  /** Where it came from: the Segment column, or ARR (MRR x 12). */
  readonly from: 'column' | 'arr';
}

/** The account's segment: the Segment column when it names one, otherwise from ARR. */
export function segmentFor(values: SignalValues): SegmentOfAccount | undefined {
  const typed = values.segment === undefined ? undefined : segmentNamed(values.segment);
  if (typed) return { segment: typed, from: 'column' };
  const arr = annualRevenue(values);
  return arr === undefined ? undefined : { segment: segmentOf(arr), from: 'arr' };
}

/** The account's ARR: the ARR column, or MRR x 12. */
export function annualRevenue(values: SignalValues): number | undefined {
  return values.arr ?? (values.mrr === undefined ? undefined : values.mrr * 12);
}
