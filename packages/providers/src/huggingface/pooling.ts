type Vector = number[];

function isVector(value: unknown): value is Vector {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((x) => typeof x === 'number' && Number.isFinite(x))
  );
}

function isMatrix(value: unknown): value is Vector[] {
  return Array.isArray(value) && value.length > 0 && value.every(isVector);
}

/** The element-wise mean of token vectors (mean pooling over every token the service returned). */
export function meanPool(tokens: readonly Vector[]): Vector {
  const size = tokens[0]?.length ?? 0;
  const sum = new Array<number>(size).fill(0);
  for (const token of tokens) {
    if (token.length !== size) throw new Error(`token vectors differ in size (${token.length} vs ${size})`);
    for (let i = 0; i < size; i += 1) sum[i] = (sum[i] ?? 0) + (token[i] ?? 0);
  }
  return sum.map((x) => x / tokens.length);
}

/**
 * One pooled vector per text from a feature-extraction answer for `count` texts. Services answer with
 * pooled vectors (`number[][]`, one row per text: sentence-transformers models, Text Embeddings
 * Inference) or with token-level vectors (`number[][][]`, one matrix per text: plain transformer
 * models); token-level vectors are mean-pooled over all the tokens returned, special tokens included,
 * which approximates but may not equal the model's own pooling. A single text may also come back as
 * one vector or one token matrix.
 *
 * @throws Error when the answer has another shape or the wrong number of vectors.
 */
export function toPooledVectors(output: unknown, count: number): Vector[] {
  if (count === 1 && isVector(output)) return [output];
  if (isMatrix(output)) {
    if (output.length === count) return output;
    if (count === 1) return [meanPool(output)];
  }
  if (Array.isArray(output) && output.length === count && output.every(isMatrix)) {
    return output.map((tokens) => meanPool(tokens));
  }
  const shape = Array.isArray(output) ? `an array of ${output.length}` : typeof output;
  throw new Error(`expected ${count} vector(s) (number[][]) or token vectors (number[][][]), got ${shape}`);
}
