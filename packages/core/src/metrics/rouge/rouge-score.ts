import { BenchHubError } from '../../errors/benchhub-error.js';
import { lcsLength, unionLcsIndices } from './lcs.js';
import { splitLines, splitSentences } from './sentences.js';
import { type RougeTokenizerOption, tokenizeForRouge } from './tokenizer.js';

/** Precision, recall and F1 of one ROUGE type, each in [0, 1] (rouge-score's `Score`). */
export interface RougeMeasure {
  precision: number;
  recall: number;
  fmeasure: number;
}

/** The ROUGE types rouge-score knows: n-gram overlap `rouge1`…`rouge9`, sentence LCS `rougeL`, summary-level LCS `rougeLsum`. */
export type RougeType = `rouge${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}` | 'rougeL' | 'rougeLsum';

/** Options of {@link rougeScore}, named after rouge-score's `RougeScorer` arguments. */
export interface RougeScoreOptions<T extends string = RougeType> {
  /** Types to compute, e.g. `['rouge1', 'rouge2', 'rougeL']`; any other name throws. */
  rougeTypes: readonly T[];
  /** Porter-stem (NLTK) tokens longer than 3 characters, as `use_stemmer=True`. Default false. */
  useStemmer?: boolean;
  /**
   * rougeLsum only: split summaries into sentences (rouge-score's `split_summaries=True`, which uses NLTK's
   * Punkt) instead of on newlines. The splitter here is a rule-based approximation of Punkt
   * (abbreviations, initials and ellipses are handled; rare cases may split differently).
   */
  splitSummaries?: boolean;
  /** `default` (rouge-score's, drops non-ASCII text such as Korean), `unicode`, or your own. */
  tokenizer?: RougeTokenizerOption;
}

/** One {@link RougeMeasure} per requested ROUGE type. */
export type RougeScores<T extends string> = { [K in T]: RougeMeasure };

const ZERO: Readonly<RougeMeasure> = Object.freeze({ precision: 0, recall: 0, fmeasure: 0 });

/** rouge-score's `scoring.fmeasure`. */
function fmeasure(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

type Plan = { kind: 'lcs' } | { kind: 'summary' } | { kind: 'ngram'; n: number };

function planFor(rougeType: unknown): Plan {
  if (rougeType === 'rougeL') return { kind: 'lcs' };
  if (rougeType === 'rougeLsum') return { kind: 'summary' };
  if (typeof rougeType === 'string' && /^rouge[0-9]$/.test(rougeType)) {
    const n = Number(rougeType.slice(5));
    if (n <= 0) throw new BenchHubError(`rougeScore: rougeN requires a positive n, got "${rougeType}"`);
    return { kind: 'ngram', n };
  }
  throw new BenchHubError(
    `rougeScore: invalid rouge type ${JSON.stringify(rougeType)} (expected rouge1…rouge9, rougeL or rougeLsum)`,
  );
}

function checkText(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string') {
    throw new BenchHubError(
      `rougeScore: ${name} must be a string, got ${value === null ? 'null' : typeof value}`,
    );
  }
}

/** Assigns each distinct token a small integer so LCS and n-gram counting compare numbers. */
class Vocabulary {
  private readonly ids = new Map<string, number>();

  encode(tokens: readonly string[]): Int32Array {
    const out = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as string;
      let id = this.ids.get(token);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(token, id);
      }
      out[i] = id;
    }
    return out;
  }
}

function countNgrams(ids: Int32Array, n: number): Map<number | string, number> {
  const counts = new Map<number | string, number>();
  for (let i = 0; i + n <= ids.length; i++) {
    const key: number | string = n === 1 ? (ids[i] as number) : ids.subarray(i, i + n).join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** rouge-score's `_score_ngrams`. */
function scoreNgrams(target: Int32Array, prediction: Int32Array, n: number): RougeMeasure {
  const targetCounts = countNgrams(target, n);
  const predictionCounts = countNgrams(prediction, n);
  let overlap = 0;
  for (const [ngram, count] of targetCounts) overlap += Math.min(count, predictionCounts.get(ngram) ?? 0);
  const targetTotal = Math.max(target.length - n + 1, 0);
  const predictionTotal = Math.max(prediction.length - n + 1, 0);
  const precision = overlap / Math.max(predictionTotal, 1);
  const recall = overlap / Math.max(targetTotal, 1);
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}

/** rouge-score's `_score_lcs`. */
function scoreLcs(target: Int32Array, prediction: Int32Array): RougeMeasure {
  if (target.length === 0 || prediction.length === 0) return { ...ZERO };
  const lcs = lcsLength(target, prediction);
  const precision = lcs / prediction.length;
  const recall = lcs / target.length;
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}

function countIds(sentences: readonly Int32Array[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const sentence of sentences) for (const id of sentence) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/** rouge-score's `_summary_level_lcs`: union LCS per reference sentence, each token counted at most as often as it occurs. */
function scoreSummaryLcs(references: readonly Int32Array[], candidates: readonly Int32Array[]): RougeMeasure {
  if (references.length === 0 || candidates.length === 0) return { ...ZERO };
  const m = references.reduce((sum, s) => sum + s.length, 0);
  const n = candidates.reduce((sum, s) => sum + s.length, 0);
  if (m === 0 || n === 0) return { ...ZERO };
  const referenceCounts = countIds(references);
  const candidateCounts = countIds(candidates);
  let hits = 0;
  for (const reference of references) {
    for (const index of unionLcsIndices(reference, candidates)) {
      const id = reference[index] as number;
      const inCandidate = candidateCounts.get(id) ?? 0;
      const inReference = referenceCounts.get(id) ?? 0;
      if (inCandidate > 0 && inReference > 0) {
        hits++;
        candidateCounts.set(id, inCandidate - 1);
        referenceCounts.set(id, inReference - 1);
      }
    }
  }
  const recall = hits / m;
  const precision = hits / n;
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}

/**
 * ROUGE scores of `prediction` against `target` (reference first, as rouge-score's
 * `RougeScorer(rouge_types, use_stemmer, split_summaries, tokenizer).score(target, prediction)`), with the
 * same numbers: rougeN counts clipped n-gram overlap (precision over the prediction's n-grams, recall over
 * the target's), rougeL uses the longest common subsequence of the token sequences, rougeLsum the
 * summary-level union LCS over newline-separated sentences. Empty input scores 0 (never NaN).
 *
 * @throws BenchHubError for an unknown ROUGE type (`rougen`, `rouge0`, `rouge10`, …) or non-string text.
 * @example
 * ```ts
 * const s = rougeScore('The quick brown fox jumps over the lazy dog', 'The quick brown dog jumps on the log.', {
 *   rougeTypes: ['rouge1', 'rougeL'],
 *   useStemmer: true,
 * });
 * s.rouge1.fmeasure; // 0.7058823529411765
 * ```
 */
export function rougeScore<const T extends string>(
  target: string,
  prediction: string,
  options: RougeScoreOptions<T>,
): RougeScores<T> {
  checkText(target, 'target');
  checkText(prediction, 'prediction');
  if (options === null || typeof options !== 'object' || !Array.isArray(options.rougeTypes)) {
    throw new BenchHubError('rougeScore: options.rougeTypes must be an array such as ["rouge1", "rougeL"]');
  }
  const types = options.rougeTypes;
  const plans = types.map(planFor);
  const tokenizerOptions = {
    useStemmer: options.useStemmer ?? false,
    ...(options.tokenizer === undefined ? {} : { tokenizer: options.tokenizer }),
  };
  const vocabulary = new Vocabulary();
  // As upstream: the whole texts are tokenised unless rougeLsum is the only type asked for.
  const onlySummary = types.length === 1 && types[0] === 'rougeLsum';
  const targetIds = onlySummary
    ? new Int32Array(0)
    : vocabulary.encode(tokenizeForRouge(target, tokenizerOptions));
  const predictionIds = onlySummary
    ? new Int32Array(0)
    : vocabulary.encode(tokenizeForRouge(prediction, tokenizerOptions));

  const result = {} as Record<string, RougeMeasure>;
  for (let k = 0; k < types.length; k++) {
    const plan = plans[k] as Plan;
    const type = types[k] as string;
    if (plan.kind === 'lcs') result[type] = scoreLcs(targetIds, predictionIds);
    else if (plan.kind === 'ngram') result[type] = scoreNgrams(targetIds, predictionIds, plan.n);
    else {
      const split = options.splitSummaries === true ? splitSentences : splitLines;
      const sentenceIds = (text: string) =>
        split(text).map((sentence) => vocabulary.encode(tokenizeForRouge(sentence, tokenizerOptions)));
      result[type] = scoreSummaryLcs(sentenceIds(target), sentenceIds(prediction));
    }
  }
  return result as RougeScores<T>;
}

/**
 * ROUGE against several references: for each type, the score of the reference with the highest F1 (the
 * first on a tie), as rouge-score's `score_multi(targets, prediction)`.
 *
 * @throws BenchHubError when `targets` is empty.
 * @example
 * ```ts
 * rougeScoreMulti(['a dog ran', 'the cat sat down'], 'the cat sat', { rougeTypes: ['rouge1'] }).rouge1.fmeasure; // 0.8571428571428571
 * ```
 */
export function rougeScoreMulti<const T extends string>(
  targets: readonly string[],
  prediction: string,
  options: RougeScoreOptions<T>,
): RougeScores<T> {
  if (!Array.isArray(targets) || targets.length === 0) {
    throw new BenchHubError('rougeScoreMulti: targets must be a non-empty array of reference texts');
  }
  const all = targets.map((target) => rougeScore(target, prediction, options));
  const best = {} as Record<string, RougeMeasure>;
  for (const type of options.rougeTypes) {
    let chosen = (all[0] as Record<string, RougeMeasure>)[type] as RougeMeasure;
    for (const scores of all) {
      const candidate = (scores as Record<string, RougeMeasure>)[type] as RougeMeasure;
      if (candidate.fmeasure > chosen.fmeasure) chosen = candidate;
    }
    best[type] = chosen;
  }
  return best as RougeScores<T>;
}

/**
 * Mean precision, recall and F1 of each ROUGE type over aligned `targets[i]`/`predictions[i]` pairs (the
 * `mid` value rouge-score's `BootstrapAggregator` reports; for confidence intervals use the statistics module).
 *
 * @throws BenchHubError when the lists differ in length or are empty.
 * @example
 * ```ts
 * rougeCorpus(['a b', 'c d'], ['a b', 'x y'], { rougeTypes: ['rouge1'] }).rouge1.fmeasure; // 0.5
 * ```
 */
export function rougeCorpus<const T extends string>(
  targets: readonly string[],
  predictions: readonly string[],
  options: RougeScoreOptions<T>,
): RougeScores<T> {
  if (!Array.isArray(targets) || !Array.isArray(predictions) || targets.length !== predictions.length) {
    throw new BenchHubError(
      `rougeCorpus: targets and predictions must be arrays of the same length (got ${
        Array.isArray(targets) ? targets.length : typeof targets
      } and ${Array.isArray(predictions) ? predictions.length : typeof predictions})`,
    );
  }
  if (targets.length === 0) throw new BenchHubError('rougeCorpus: needs at least one target/prediction pair');
  const sums = {} as Record<string, RougeMeasure>;
  for (const type of options.rougeTypes) sums[type] = { precision: 0, recall: 0, fmeasure: 0 };
  for (let i = 0; i < targets.length; i++) {
    const scores = rougeScore(targets[i] as string, predictions[i] as string, options) as Record<
      string,
      RougeMeasure
    >;
    for (const type of options.rougeTypes) {
      const sum = sums[type] as RougeMeasure;
      const score = scores[type] as RougeMeasure;
      sum.precision += score.precision;
      sum.recall += score.recall;
      sum.fmeasure += score.fmeasure;
    }
  }
  for (const type of options.rougeTypes) {
    const sum = sums[type] as RougeMeasure;
    sum.precision /= targets.length;
    sum.recall /= targets.length;
    sum.fmeasure /= targets.length;
  }
  return sums as RougeScores<T>;
}
