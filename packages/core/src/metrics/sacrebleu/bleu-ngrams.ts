/**
 * BLEU's per-segment n-gram statistics (sacrebleu's `_extract_reference_info` and
 * `_compute_segment_statistics`), written for speed: n-grams are counted in Maps under numeric keys
 * when the segment's vocabulary allows it, under string keys otherwise. Both give the same counts.
 */

/** Reusable buffers; one per corpus, so scoring many segments allocates little. */
export interface NgramScratch {
  vocabulary: Map<string, number>;
  numberKeys: number[];
  stringKeys: string[];
}

/** Fresh scratch buffers. */
export function ngramScratch(): NgramScratch {
  return { vocabulary: new Map(), numberKeys: [], stringKeys: [] };
}

const SAFE_KEYS = 2 ** 53;

/**
 * Adds one segment's clipped matches and hypothesis n-gram totals (orders 1 to `maxOrder`) to
 * `correct` and `total`, and returns `[hypLen, refLen]`. The reference counts of an n-gram are the
 * maximum over the references; the reference length is the one closest to the hypothesis length, the
 * shorter on a tie (sacrebleu's `_get_closest_ref_len`).
 */
export function addSegmentStatistics(
  hyp: readonly string[],
  refs: readonly (readonly string[])[],
  maxOrder: number,
  correct: number[],
  total: number[],
  scratch: NgramScratch,
): [number, number] {
  const hypLen = hyp.length;
  let closestDiff = -1;
  let closestLen = -1;
  for (const ref of refs) {
    const diff = Math.abs(hypLen - ref.length);
    if (closestDiff === -1 || diff < closestDiff) {
      closestDiff = diff;
      closestLen = ref.length;
    } else if (diff === closestDiff && ref.length < closestLen) {
      closestLen = ref.length;
    }
  }
  for (let n = 1; n <= maxOrder && n <= hypLen; n++) total[n - 1]! += hypLen - n + 1;
  if (hypLen > 0) {
    if (!addMatchesByNumber(hyp, refs, maxOrder, correct, scratch))
      addMatchesByString(hyp, refs, maxOrder, correct, scratch);
  }
  return [hypLen, closestLen];
}

/**
 * Numeric keys: each reference token gets an id 1..V in the segment's vocabulary, hypothesis tokens
 * absent from every reference share the id V + 1, and an n-gram is the base-(V + 2) number of its ids.
 * Ids start at 1, so n-grams of different orders fall in disjoint ranges and never collide; keys stay
 * exact while (V + 2)^maxOrder ≤ 2^53, else this returns false and the string path runs.
 */
function addMatchesByNumber(
  hyp: readonly string[],
  refs: readonly (readonly string[])[],
  maxOrder: number,
  correct: number[],
  scratch: NgramScratch,
): boolean {
  const vocabulary = scratch.vocabulary;
  vocabulary.clear();
  for (const ref of refs) {
    for (const token of ref) if (!vocabulary.has(token)) vocabulary.set(token, vocabulary.size + 1);
  }
  const unknown = vocabulary.size + 1;
  const base = unknown + 1;
  if (base ** maxOrder > SAFE_KEYS) return false;

  const keys = scratch.numberKeys;
  const refCounts = new Map<number, number>();
  for (let r = 0; r < refs.length; r++) {
    const ref = refs[r]!;
    const into = r === 0 ? refCounts : new Map<number, number>();
    const length = ref.length;
    for (let n = 1; n <= maxOrder && n <= length; n++) {
      const count = length - n + 1;
      for (let i = 0; i < count; i++) {
        const id = vocabulary.get(ref[i + n - 1]!)!;
        const key = n === 1 ? id : keys[i]! * base + id;
        keys[i] = key;
        into.set(key, (into.get(key) ?? 0) + 1);
      }
    }
    if (r > 0) for (const [key, c] of into) if (c > (refCounts.get(key) ?? 0)) refCounts.set(key, c);
  }

  // Each hypothesis n-gram consumes one remaining reference occurrence: summed over the distinct
  // n-grams this is min(hypothesis count, reference count), sacrebleu's clipped count.
  const hypLen = hyp.length;
  for (let n = 1; n <= maxOrder && n <= hypLen; n++) {
    const count = hypLen - n + 1;
    let matched = 0;
    for (let i = 0; i < count; i++) {
      const id = vocabulary.get(hyp[i + n - 1]!) ?? unknown;
      const key = n === 1 ? id : keys[i]! * base + id;
      keys[i] = key;
      const left = refCounts.get(key);
      if (left !== undefined && left > 0) {
        matched++;
        refCounts.set(key, left - 1);
      }
    }
    correct[n - 1]! += matched;
  }
  return true;
}

/** String keys: the tokens joined by a space, which no token contains (tokens are split on spaces). */
function addMatchesByString(
  hyp: readonly string[],
  refs: readonly (readonly string[])[],
  maxOrder: number,
  correct: number[],
  scratch: NgramScratch,
): void {
  const keys = scratch.stringKeys;
  const refCounts = new Map<string, number>();
  for (let r = 0; r < refs.length; r++) {
    const ref = refs[r]!;
    const into = r === 0 ? refCounts : new Map<string, number>();
    const length = ref.length;
    for (let n = 1; n <= maxOrder && n <= length; n++) {
      const count = length - n + 1;
      for (let i = 0; i < count; i++) {
        const key = n === 1 ? ref[i]! : `${keys[i]!} ${ref[i + n - 1]!}`;
        keys[i] = key;
        into.set(key, (into.get(key) ?? 0) + 1);
      }
    }
    if (r > 0) for (const [key, c] of into) if (c > (refCounts.get(key) ?? 0)) refCounts.set(key, c);
  }
  const hypLen = hyp.length;
  for (let n = 1; n <= maxOrder && n <= hypLen; n++) {
    const count = hypLen - n + 1;
    let matched = 0;
    for (let i = 0; i < count; i++) {
      const key = n === 1 ? hyp[i]! : `${keys[i]!} ${hyp[i + n - 1]!}`;
      keys[i] = key;
      const left = refCounts.get(key);
      if (left !== undefined && left > 0) {
        matched++;
        refCounts.set(key, left - 1);
      }
    }
    correct[n - 1]! += matched;
  }
}
