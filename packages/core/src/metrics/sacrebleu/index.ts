/**
 * BLEU and chrF as sacrebleu 2.x computes them (same tokenizers, smoothing and statistics; scores on
 * its 0–100 scale). References are streams: `referenceStreams[k][i]` is the k-th reference of
 * hypothesis `i`.
 */
export {
  type BleuOptions,
  corpusBleu,
  corpusBleuStatistics,
  sentenceBleu,
} from './bleu.js';
export {
  BLEU_SMOOTH_METHODS,
  type BleuScore,
  type BleuScoringOptions,
  type BleuSmoothMethod,
  type BleuStatistics,
  computeBleu,
} from './bleu-score.js';
export { type ChrfOptions, type ChrfScore, chrfWords, corpusChrf, sentenceChrf } from './chrf.js';
export type { MaybeReference } from './references.js';
export { isZhTokenizerChineseChar } from './tokenizer-zh.js';
export {
  BLEU_TOKENIZERS,
  type BleuTokenizerName,
  tokenizeForBleu,
  type UnsupportedBleuTokenizerName,
} from './tokenizers.js';
