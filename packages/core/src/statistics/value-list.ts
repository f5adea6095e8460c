/** A growable list of numbers kept as 8-byte doubles; see {@link createValueList}. */
export interface ValueList {
  /** Appends a value (never copies what is stored). */
  push(value: number): void;
  readonly length: number;
  /** The values in order, as a new array (for the statistics functions that take arrays). */
  toArray(): number[];
}

const FIRST_CHUNK = 64;
const LARGEST_CHUNK = 65_536;

/**
 * Creates an empty {@link ValueList}. Values go into `Float64Array` chunks that double in size up to
 * 64 Ki values: a million values take 8 MB and growing never copies them (an array would reallocate and
 * copy its backing store at each growth, holding the old one until the next collection), and a list of a
 * few values stays small.
 *
 * @example
 * ```ts
 * const values = createValueList();
 * values.push(1);
 * values.push(0.5);
 * values.toArray(); // [1, 0.5]
 * ```
 */
export function createValueList(): ValueList {
  const chunks: Float64Array[] = [];
  let current = new Float64Array(0);
  let used = 0;
  let length = 0;
  return {
    push(value) {
      if (used === current.length) {
        current = new Float64Array(Math.min(LARGEST_CHUNK, Math.max(FIRST_CHUNK, current.length * 2)));
        chunks.push(current);
        used = 0;
      }
      current[used++] = value;
      length++;
    },
    get length() {
      return length;
    },
    toArray() {
      // A double array sized up front, then written by index: one backing store of unboxed doubles
      // (`new Array(n)` starts as small integers and takes twice the memory while V8 converts it).
      const out: number[] = [0.5];
      out.length = length;
      let i = 0;
      for (const chunk of chunks) {
        const end = chunk === current ? used : chunk.length;
        for (let j = 0; j < end; j++) out[i++] = chunk[j] as number;
      }
      return out;
    },
  };
}
