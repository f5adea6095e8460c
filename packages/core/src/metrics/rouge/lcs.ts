/**
 * Longest common subsequence over token ids, as rouge-score computes it: the length with one rolling
 * row of a typed array, and, for the summary-level rougeLsum, one LCS read back from the full table with
 * rouge-score's tie-breaking (so the same LCS is chosen when several exist).
 */

let rowScratch = new Int32Array(64);

/**
 * Length of the longest common subsequence of `a` and `b`.
 *
 * @example
 * ```ts
 * lcsLength([1, 2, 3, 4, 5], [2, 5, 3, 4]); // 3
 * ```
 */
export function lcsLength(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = b.length;
  if (a.length === 0 || n === 0) return 0;
  if (rowScratch.length < n + 1) rowScratch = new Int32Array(Math.max(n + 1, rowScratch.length * 2));
  const row = rowScratch;
  row.fill(0, 0, n + 1);
  for (let i = 0; i < a.length; i++) {
    const ai = a[i];
    let diagonal = 0; // row[j - 1] of the previous row
    for (let j = 1; j <= n; j++) {
      const above = row[j] as number;
      if (ai === b[j - 1]) row[j] = diagonal + 1;
      else {
        const left = row[j - 1] as number;
        if (left > above) row[j] = left;
      }
      diagonal = above;
    }
  }
  return row[n] as number;
}

/**
 * Indices into `ref` of one longest common subsequence with `can`, in increasing order, read back from
 * the DP table exactly as rouge-score's `_backtrack_norec` does (on a tie it moves up in `ref`).
 *
 * @example
 * ```ts
 * lcsIndices([1, 2, 3, 4, 5], [2, 5, 3, 4]); // [1, 2, 3]
 * ```
 */
export function lcsIndices(ref: ArrayLike<number>, can: ArrayLike<number>): number[] {
  const rows = ref.length;
  const cols = can.length;
  if (rows === 0 || cols === 0) return [];
  const width = cols + 1;
  const table = new Int32Array((rows + 1) * width);
  for (let i = 1; i <= rows; i++) {
    const ri = ref[i - 1];
    const base = i * width;
    const above = base - width;
    for (let j = 1; j <= cols; j++) {
      if (ri === can[j - 1]) table[base + j] = (table[above + j - 1] as number) + 1;
      else {
        const up = table[above + j] as number;
        const left = table[base + j - 1] as number;
        table[base + j] = Math.max(up, left);
      }
    }
  }
  const indices: number[] = [];
  let i = rows;
  let j = cols;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === can[j - 1]) {
      indices.push(i - 1);
      i--;
      j--;
    } else if ((table[i * width + j - 1] as number) > (table[(i - 1) * width + j] as number)) j--;
    else i--;
  }
  return indices.reverse();
}

/**
 * Sorted union of the LCS indices of `ref` against each candidate sentence (the ROUGE paper's union
 * LCS, section 3.2), as rouge-score's `_union_lcs` returns it, but as indices into `ref`.
 *
 * @example
 * ```ts
 * unionLcsIndices([1, 2, 3, 4, 5], [[1, 2, 6, 7, 8], [1, 3, 8, 9, 5]]); // [0, 1, 2, 4]
 * ```
 */
export function unionLcsIndices(ref: ArrayLike<number>, candidates: readonly ArrayLike<number>[]): number[] {
  const seen = new Uint8Array(ref.length);
  for (const candidate of candidates) for (const index of lcsIndices(ref, candidate)) seen[index] = 1;
  const union: number[] = [];
  for (let k = 0; k < seen.length; k++) if (seen[k] === 1) union.push(k);
  return union;
}
