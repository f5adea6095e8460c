/**
 * 32-bit FNV-1a over UTF-16 code units, optionally mixed with a seed: a fast, stable hash for deriving
 * per-sample or per-call seeds. The same text and seed give the same value on every machine.
 *
 * @example
 * ```ts
 * fnv1a32('sample-1'); // always the same unsigned 32-bit integer
 * ```
 */
export function fnv1a32(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
