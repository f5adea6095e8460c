export { cosineSimilarity } from './cosine-similarity.js';
export {
  type SemanticSimilarityOptions,
  type SemanticSimilarityResult,
  semanticSimilarity,
} from './semantic-similarity.js';
export {
  type SemanticSimilarityMetricOptions,
  semanticSimilarityMetric,
} from './semantic-similarity-metric.js';
