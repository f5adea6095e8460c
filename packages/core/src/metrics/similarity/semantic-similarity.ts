import { BenchHubError } from '../../errors/benchhub-error.js';
import { ProviderCallError } from '../../errors/provider-call-error.js';
import type { EmbeddingProviderV1, ModelProviderV1 } from '../../spec/model-provider.js';
import { supportsEmbedding } from '../../spec/model-provider.js';
import { cosineSimilarity } from './cosine-similarity.js';

/** Options of {@link semanticSimilarity}. */
export interface SemanticSimilarityOptions {
  /** Any provider whose `capabilities.embed` is true. */
  provider: ModelProviderV1;
  /** Most texts per `embed` call. Default 64. */
  batchSize?: number;
  /** Aborts the embedding calls. */
  signal?: AbortSignal;
}

/** Per-pair cosine similarities and their mean. */
export interface SemanticSimilarityResult {
  /** Mean of `scores`. */
  score: number;
  /** Cosine similarity of each prediction to its closest reference, in input order. */
  scores: number[];
}

/** Checks that a provider can embed, with an error naming it otherwise. */
export function requireEmbeddingProvider(provider: ModelProviderV1, where: string): EmbeddingProviderV1 {
  if (typeof provider !== 'object' || provider === null) {
    throw new BenchHubError(
      `${where}: options.provider is required (a provider whose capabilities.embed is true)`,
    );
  }
  if (!supportsEmbedding(provider)) {
    throw new BenchHubError(
      `${where}: provider ${provider.providerId}/${provider.modelId} cannot embed (capabilities.embed is ${String(provider.capabilities?.embed)}); use an embedding model`,
    );
  }
  return provider;
}

/**
 * Embeds distinct texts in batches of `batchSize`, checking that each call returns one finite vector
 * per text.
 */
export async function embedTexts(
  provider: EmbeddingProviderV1,
  texts: readonly string[],
  batchSize: number,
  signal: AbortSignal | undefined,
): Promise<Map<string, number[]>> {
  const unique = [...new Set(texts)];
  const vectors = new Map<string, number[]>();
  const fail = (message: string) =>
    new ProviderCallError(`${provider.providerId}/${provider.modelId}: ${message}`, {
      provider: provider.providerId,
      model: provider.modelId,
      isRetryable: false,
    });
  for (let start = 0; start < unique.length; start += batchSize) {
    const batch = unique.slice(start, start + batchSize);
    const embedded = await provider.embed(batch, signal === undefined ? {} : { signal });
    if (!Array.isArray(embedded) || embedded.length !== batch.length) {
      const got = Array.isArray(embedded) ? `${embedded.length} vectors` : typeof embedded;
      throw fail(`embed returned ${got} for ${batch.length} texts`);
    }
    for (const [i, vector] of embedded.entries()) {
      if (!Array.isArray(vector) || vector.length === 0) {
        throw fail(`embed returned no vector for text [${start + i}]`);
      }
      vectors.set(batch[i] as string, vector);
    }
  }
  return vectors;
}

/**
 * Semantic similarity of predictions to references: the cosine similarity of their embeddings from
 * any provider that embeds (`capabilities.embed`), the maximum over a prediction's references when it
 * has several, and the mean over all pairs. Each distinct text is embedded once, in batches.
 *
 * @example
 * ```ts
 * const { score, scores } = await semanticSimilarity(
 *   ['Seoul is the capital.', 'Paris'],
 *   ['The capital is Seoul.', ['Paris, France', 'Paris']],
 *   { provider: embeddingProvider },
 * );
 * ```
 */
export async function semanticSimilarity(
  predictions: readonly string[],
  references: readonly (string | readonly string[])[],
  options: SemanticSimilarityOptions,
): Promise<SemanticSimilarityResult> {
  const where = 'semanticSimilarity';
  const provider = requireEmbeddingProvider(options?.provider, where);
  const batchSize = options.batchSize ?? 64;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new BenchHubError(`${where}: batchSize must be a positive integer, got ${String(batchSize)}`);
  }
  if (!Array.isArray(predictions) || !Array.isArray(references)) {
    throw new BenchHubError(`${where}: predictions and references must be arrays`);
  }
  if (predictions.length !== references.length) {
    throw new BenchHubError(
      `${where}: ${predictions.length} predictions for ${references.length} references; give one reference (or list) per prediction`,
    );
  }
  if (predictions.length === 0) throw new BenchHubError(`${where}: no prediction given`);
  const referenceLists = references.map((r, i) => {
    const list = typeof r === 'string' ? [r] : r;
    if (!Array.isArray(list) || list.length === 0 || list.some((t) => typeof t !== 'string')) {
      throw new BenchHubError(`${where}: references[${i}] must be a string or a non-empty array of strings`);
    }
    return list;
  });
  for (const [i, p] of predictions.entries()) {
    if (typeof p !== 'string')
      throw new BenchHubError(`${where}: predictions[${i}] is ${typeof p}, not a string`);
  }
  const vectors = await embedTexts(
    provider,
    [...predictions, ...referenceLists.flat()],
    batchSize,
    options.signal,
  );
  const scores = predictions.map((p, i) => {
    const pv = vectors.get(p) as number[];
    let best = Number.NEGATIVE_INFINITY;
    for (const r of referenceLists[i] as readonly string[]) {
      best = Math.max(best, cosineSimilarity(pv, vectors.get(r) as number[]));
    }
    return best;
  });
  let sum = 0;
  for (const s of scores) sum += s;
  return { score: sum / scores.length, scores };
}
