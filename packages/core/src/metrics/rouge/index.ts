/**
 * ROUGE as Google's rouge-score package computes it, with NLTK's Porter stemmer.
 */
export { type PorterStemmerMode, type PorterStemOptions, porterStem } from './porter-stemmer.js';
export {
  type RougeMeasure,
  type RougeScoreOptions,
  type RougeScores,
  type RougeType,
  rougeCorpus,
  rougeScore,
  rougeScoreMulti,
} from './rouge-score.js';
export { type RougeCustomTokenizer, type RougeTokenizerOption, tokenizeForRouge } from './tokenizer.js';
