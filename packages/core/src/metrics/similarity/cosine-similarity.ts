import { BenchHubError } from '../../errors/benchhub-error.js';

/**
 * The cosine of the angle between two vectors, `a·b / (‖a‖·‖b‖)`, in [−1, 1]. A zero vector has no
 * direction: its similarity to anything is 0 (as scikit-learn's `cosine_similarity`). Vectors of
 * different lengths, empty vectors or non-finite entries are an error.
 *
 * @example
 * ```ts
 * cosineSimilarity([1, 0], [0, 1]); // 0
 * cosineSimilarity([1, 2, 3], [2, 4, 6]); // 1 (up to rounding)
 * ```
 */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  if (!Array.isArray(a) || !Array.isArray(b)) {
    throw new BenchHubError('cosineSimilarity: both arguments must be arrays of numbers');
  }
  if (a.length !== b.length) {
    throw new BenchHubError(
      `cosineSimilarity: vectors have different dimensions (${a.length} and ${b.length})`,
    );
  }
  if (a.length === 0) throw new BenchHubError('cosineSimilarity: vectors are empty');
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      throw new BenchHubError(
        `cosineSimilarity: entry [${i}] is not a finite number (${String(x)}, ${String(y)})`,
      );
    }
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  if (normA === 0 || normB === 0) return 0;
  const cosine = dot / (Math.sqrt(normA) * Math.sqrt(normB));
  // Rounding can push parallel vectors a hair past ±1.
  return Math.min(1, Math.max(-1, cosine));
}
