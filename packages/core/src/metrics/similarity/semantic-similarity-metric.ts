import { acceptableAnswers } from '../../scoring/gold.js';
import type { MetricV1 } from '../../spec/metric.js';
import type { ModelProviderV1 } from '../../spec/model-provider.js';
import { defineMetric } from '../custom/define-metric.js';
import { cosineSimilarity } from './cosine-similarity.js';
import { embedTexts, requireEmbeddingProvider } from './semantic-similarity.js';

/** Options of {@link semanticSimilarityMetric}. */
export interface SemanticSimilarityMetricOptions {
  /** Any provider whose `capabilities.embed` is true. */
  provider: ModelProviderV1;
  /** Metric name. Default `semantic_similarity`. */
  name?: string;
}

/**
 * Semantic similarity as a metric: per sample, the cosine similarity between the embedding of the
 * output (its extracted answer, else its text) and the closest of the sample's gold answer and
 * `references`; averaged with its standard error. Samples without a reference are skipped. One `embed`
 * call per sample.
 *
 * @example
 * ```ts
 * const similarity = semanticSimilarityMetric({ provider: embeddingProvider });
 * await similarity.score(sample, { text: 'Seoul' }); // e.g. 0.93
 * ```
 */
export function semanticSimilarityMetric(options: SemanticSimilarityMetricOptions): MetricV1 {
  const provider = requireEmbeddingProvider(options?.provider, 'semanticSimilarityMetric');
  return defineMetric({
    name: options.name ?? 'semantic_similarity',
    higherIsBetter: true,
    requires: ['references', 'embeddings'],
    async score(sample, output) {
      const references = acceptableAnswers(sample);
      if (references.length === 0) return null;
      const prediction = output.extracted ?? output.text;
      const vectors = await embedTexts(
        provider,
        [prediction, ...references],
        Number.MAX_SAFE_INTEGER,
        undefined,
      );
      const pv = vectors.get(prediction) as number[];
      let best = Number.NEGATIVE_INFINITY;
      for (const r of references) best = Math.max(best, cosineSimilarity(pv, vectors.get(r) as number[]));
      return best;
    },
  });
}
