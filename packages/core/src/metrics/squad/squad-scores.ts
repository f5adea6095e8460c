import { BenchHubError } from '../../errors/benchhub-error.js';
import { pythonSplit } from '../../text/python-text.js';
import { normalizeSquadAnswer } from './normalize-answer.js';

/** One or more acceptable answers of a question (a single string is one answer). */
export type SquadGroundTruths = string | readonly string[];

function groundTruthList(groundTruths: SquadGroundTruths, where: string): readonly string[] {
  const list = typeof groundTruths === 'string' ? [groundTruths] : groundTruths;
  if (!Array.isArray(list)) {
    throw new BenchHubError(`${where}: ground truths must be a string or an array of strings`);
  }
  if (list.length === 0) {
    throw new BenchHubError(`${where}: no ground truth given (the official script needs at least one)`);
  }
  for (const [i, answer] of list.entries()) {
    if (typeof answer !== 'string') {
      throw new BenchHubError(`${where}: ground truth [${i}] is ${typeof answer}, not a string`);
    }
  }
  return list;
}

function checkPrediction(prediction: unknown, where: string): asserts prediction is string {
  if (typeof prediction !== 'string') {
    throw new BenchHubError(`${where}: prediction is ${typeof prediction}, not a string`);
  }
}

/** `exact_match_score` of the script for one ground truth. */
function exactMatchOne(prediction: string, groundTruth: string): number {
  return normalizeSquadAnswer(prediction) === normalizeSquadAnswer(groundTruth) ? 1 : 0;
}

/** `f1_score` of the script for one ground truth. */
function f1One(prediction: string, groundTruth: string): number {
  const predictionTokens = pythonSplit(normalizeSquadAnswer(prediction));
  const truthTokens = pythonSplit(normalizeSquadAnswer(groundTruth));
  const truthCounts = new Map<string, number>();
  for (const token of truthTokens) truthCounts.set(token, (truthCounts.get(token) ?? 0) + 1);
  // Counter & Counter: the multiset intersection keeps min(count) of each shared token.
  let numSame = 0;
  for (const token of predictionTokens) {
    const left = truthCounts.get(token) ?? 0;
    if (left > 0) {
      numSame += 1;
      truthCounts.set(token, left - 1);
    }
  }
  // The v1.1 script returns 0 whenever nothing is shared, so an empty answer against an empty
  // ground truth scores F1 0 (while its exact match is 1).
  if (numSame === 0) return 0;
  const precision = (1.0 * numSame) / predictionTokens.length;
  const recall = (1.0 * numSame) / truthTokens.length;
  return (2 * precision * recall) / (precision + recall);
}

function maxOver(
  metric: (prediction: string, groundTruth: string) => number,
  prediction: string,
  groundTruths: readonly string[],
): number {
  let best = Number.NEGATIVE_INFINITY;
  for (const groundTruth of groundTruths) best = Math.max(best, metric(prediction, groundTruth));
  return best;
}

/**
 * SQuAD v1.1 exact match of one answer: 1 when the normalised prediction equals the normalised form
 * of any ground truth, else 0 (per-sample scale 0–1; `squadCorpus` reports 0–100 as the official
 * script prints). Normalisation is {@link normalizeSquadAnswer}.
 *
 * @example
 * ```ts
 * squadExactMatch('the Denver Broncos', ['Denver Broncos', 'Broncos']); // 1
 * squadExactMatch('', ['']); // 1
 * ```
 */
export function squadExactMatch(prediction: string, groundTruths: SquadGroundTruths): number {
  checkPrediction(prediction, 'squadExactMatch');
  return maxOver(exactMatchOne, prediction, groundTruthList(groundTruths, 'squadExactMatch'));
}

/**
 * SQuAD v1.1 token F1 of one answer, 0–1: the harmonic mean of token precision and recall over the
 * whitespace tokens of the normalised texts (shared tokens counted as a multiset intersection), the
 * maximum over the ground truths. Quirk kept from the official script: when no token is shared the
 * score is 0, so an empty prediction against an empty ground truth scores 0 (exact match 1).
 *
 * @example
 * ```ts
 * squadF1('Denver Broncos won', ['Denver Broncos']); // 0.8
 * squadF1('', ['']); // 0
 * ```
 */
export function squadF1(prediction: string, groundTruths: SquadGroundTruths): number {
  checkPrediction(prediction, 'squadF1');
  return maxOver(f1One, prediction, groundTruthList(groundTruths, 'squadF1'));
}

/** Exact match and F1 over a set of questions, on the official script's 0–100 scale. */
export interface SquadCorpusScore {
  /** `exact_match` of the official script: 100 × (sum of per-question exact matches) / total. */
  exactMatch: number;
  /** `f1` of the official script: 100 × (sum of per-question F1) / total. */
  f1: number;
  /** Questions counted, unanswered ones included. */
  total: number;
}

/**
 * The official SQuAD v1.1 `compute_score` over lists: `predictions[i]` answers the question whose
 * acceptable answers are `groundTruths[i]`. Returns `exactMatch` and `f1` on the 0–100 scale the script
 * prints. As in the script, an unanswered question (`null` or `undefined` prediction) counts in the
 * total and scores 0.
 *
 * @example
 * ```ts
 * squadCorpus(['1976', 'Denver'], [['1976'], ['Denver Broncos']]);
 * // { exactMatch: 50, f1: 83.33333333333333, total: 2 }
 * ```
 */
export function squadCorpus(
  predictions: readonly (string | null | undefined)[],
  groundTruths: readonly SquadGroundTruths[],
): SquadCorpusScore {
  if (!Array.isArray(predictions) || !Array.isArray(groundTruths)) {
    throw new BenchHubError('squadCorpus: predictions and groundTruths must be arrays');
  }
  if (predictions.length !== groundTruths.length) {
    throw new BenchHubError(
      `squadCorpus: ${predictions.length} predictions for ${groundTruths.length} questions; give one prediction (or null) per question`,
    );
  }
  if (predictions.length === 0) {
    throw new BenchHubError('squadCorpus: no question given (the score divides by the number of questions)');
  }
  let exactMatch = 0;
  let f1 = 0;
  for (const [i, prediction] of predictions.entries()) {
    const answers = groundTruthList(groundTruths[i] as SquadGroundTruths, `squadCorpus: question [${i}]`);
    if (prediction === null || prediction === undefined) continue;
    checkPrediction(prediction, `squadCorpus: question [${i}]`);
    exactMatch += maxOver(exactMatchOne, prediction, answers);
    f1 += maxOver(f1One, prediction, answers);
  }
  const total = predictions.length;
  return { exactMatch: (100.0 * exactMatch) / total, f1: (100.0 * f1) / total, total };
}
