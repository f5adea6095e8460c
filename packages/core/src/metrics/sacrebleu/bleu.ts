import type { Logger } from '../../logger/logger.js';
import { pythonRstrip } from '../../text/python-text.js';
import { addSegmentStatistics, ngramScratch } from './bleu-ngrams.js';
import {
  type BleuScore,
  type BleuScoringOptions,
  type BleuStatistics,
  type ResolvedBleuScoring,
  resolveBleuScoring,
  scoreBleuStatistics,
} from './bleu-score.js';
import { type MaybeReference, referencesBySegment, sentenceReferences } from './references.js';
import {
  type BleuTokenizerName,
  bleuTokenizer,
  type TokensOf,
  type UnsupportedBleuTokenizerName,
} from './tokenizers.js';

/** Options of {@link corpusBleu} and {@link sentenceBleu}: sacrebleu's `BLEU` options in camelCase. */
export interface BleuOptions extends BleuScoringOptions {
  /**
   * Tokenizer: `13a` (default), `intl`, `zh`, `char` or `none`. sacrebleu's `ja-mecab`, `ko-mecab`,
   * `spm`, `flores101`, `flores200` and `spBLEU-1K` need external models and are rejected with an error.
   */
  tokenize?: BleuTokenizerName | UnsupportedBleuTokenizerName | undefined;
  /** Lowercase hypotheses and references before tokenizing (default false). */
  lowercase?: boolean | undefined;
  /**
   * Do not warn about hypotheses that look tokenized already (100 or more ending in ` .`); the warning
   * goes to `logger`. It never changes the score.
   */
  force?: boolean | undefined;
  /** Where the tokenized-input warning goes (silent by default). */
  logger?: Logger | undefined;
}

interface ResolvedBleu {
  scoring: ResolvedBleuScoring;
  tokens: TokensOf;
  lowercase: boolean;
}

function resolveBleu(where: string, options: BleuOptions, effectiveOrder: boolean): ResolvedBleu {
  return {
    scoring: resolveBleuScoring(where, options, { smoothMethod: 'exp', effectiveOrder, maxNgramOrder: 4 }),
    tokens: bleuTokenizer(options.tokenize ?? '13a', `${where}: tokenize`),
    lowercase: options.lowercase ?? false,
  };
}

function preprocess(line: string, resolved: ResolvedBleu): string[] {
  return resolved.tokens(pythonRstrip(resolved.lowercase ? line.toLowerCase() : line));
}

function warnIfTokenized(hypotheses: readonly string[], options: BleuOptions): void {
  if (options.force || !options.logger) return;
  let tokenized = 0;
  for (const hyp of hypotheses) if (hyp.endsWith(' .')) tokenized++;
  if (tokenized >= 100) {
    options.logger.warn(
      `BLEU: ${tokenized} hypotheses end in a tokenized period (' .'); it looks like the test data was not detokenized, which may hurt the score. Pass force: true to silence this warning.`,
      { tokenized },
    );
  }
}

function corpusStatistics(
  where: string,
  hypotheses: readonly string[],
  referenceStreams: readonly (readonly MaybeReference[])[],
  resolved: ResolvedBleu,
  onSegment?: (statistics: BleuStatistics) => void,
): { correct: number[]; total: number[]; sysLen: number; refLen: number } {
  const segments = referencesBySegment(where, hypotheses, referenceStreams);
  const maxOrder = resolved.scoring.maxNgramOrder;
  const correct = new Array<number>(maxOrder).fill(0);
  const total = new Array<number>(maxOrder).fill(0);
  const scratch = ngramScratch();
  let sysLen = 0;
  let refLen = 0;
  for (let i = 0; i < hypotheses.length; i++) {
    const refs = segments[i]!.map((ref) => preprocess(ref, resolved));
    const hyp = preprocess(hypotheses[i]!, resolved);
    if (onSegment) {
      const own = {
        correct: new Array<number>(maxOrder).fill(0),
        total: new Array<number>(maxOrder).fill(0),
      };
      const [hypLen, closest] = addSegmentStatistics(hyp, refs, maxOrder, own.correct, own.total, scratch);
      onSegment({ ...own, sysLen: hypLen, refLen: closest });
      for (let n = 0; n < maxOrder; n++) {
        correct[n]! += own.correct[n]!;
        total[n]! += own.total[n]!;
      }
      sysLen += hypLen;
      refLen += closest;
    } else {
      const [hypLen, closest] = addSegmentStatistics(hyp, refs, maxOrder, correct, total, scratch);
      sysLen += hypLen;
      refLen += closest;
    }
  }
  return { correct, total, sysLen, refLen };
}

/**
 * Corpus BLEU exactly as sacrebleu 2.x's `corpus_bleu` computes it (0–100). References are streams:
 * `referenceStreams[k][i]` is the k-th reference of hypothesis `i`; a `null`/`undefined` entry means that
 * hypothesis has fewer references (an empty string is a reference of length 0, as in sacrebleu).
 * Defaults: `13a` tokenizer, `exp` smoothing, no effective order, 4-grams.
 *
 * @example
 * ```ts
 * const refs = [
 *   ['The dog bit the man.', 'It was not unexpected.', 'The man bit him first.'],
 *   ['The dog had bit the man.', 'No one was surprised.', 'The man had bitten the dog.'],
 * ];
 * corpusBleu(['The dog bit the man.', "It wasn't surprising.", 'The man had just bitten him.'], refs).score;
 * // 48.530827...
 * ```
 */
export function corpusBleu(
  hypotheses: readonly string[],
  referenceStreams: readonly (readonly MaybeReference[])[],
  options: BleuOptions = {},
): BleuScore {
  const resolved = resolveBleu('corpusBleu', options, false);
  const stats = corpusStatistics('corpusBleu', hypotheses, referenceStreams, resolved);
  warnIfTokenized(hypotheses, options);
  return scoreBleuStatistics(stats.correct, stats.total, stats.sysLen, stats.refLen, resolved.scoring);
}

/**
 * The per-hypothesis BLEU statistics sacrebleu sums for {@link corpusBleu}, for bootstrap resampling
 * and paired tests: sum any subset of them and score the sum with {@link computeBleu}, passing the same
 * smoothing options as `corpusBleu` uses (`smoothMethod: 'exp'` by default).
 *
 * @example
 * ```ts
 * const segments = corpusBleuStatistics(hypotheses, [references]);
 * const sum = segments.reduce((a, s) => ({
 *   correct: a.correct.map((c, n) => c + s.correct[n]!), total: a.total.map((t, n) => t + s.total[n]!),
 *   sysLen: a.sysLen + s.sysLen, refLen: a.refLen + s.refLen,
 * }));
 * computeBleu(sum, { smoothMethod: 'exp' }); // equals corpusBleu(hypotheses, [references])
 * ```
 */
export function corpusBleuStatistics(
  hypotheses: readonly string[],
  referenceStreams: readonly (readonly MaybeReference[])[],
  options: Omit<BleuOptions, 'smoothMethod' | 'smoothValue' | 'useEffectiveOrder' | 'effectiveOrder'> = {},
): BleuStatistics[] {
  const resolved = resolveBleu('corpusBleuStatistics', options, false);
  const segments: BleuStatistics[] = [];
  corpusStatistics('corpusBleuStatistics', hypotheses, referenceStreams, resolved, (s) => segments.push(s));
  return segments;
}

/**
 * Sentence BLEU as sacrebleu 2.x's `sentence_bleu` (0–100): one hypothesis against one or more
 * references, with `useEffectiveOrder` on by default and `exp` smoothing. BLEU is a corpus metric: for a
 * system score use {@link corpusBleu}, not the mean of sentence scores.
 *
 * @example
 * ```ts
 * sentenceBleu('The cat sat on the mat.', ['The cat is on the mat.']).score;
 * sentenceBleu(hyp, [ref], { smoothMethod: 'floor', smoothValue: 0.1 });
 * ```
 */
export function sentenceBleu(
  hypothesis: string,
  references: readonly MaybeReference[],
  options: BleuOptions = {},
): BleuScore {
  const resolved = resolveBleu('sentenceBleu', options, true);
  const refs = sentenceReferences('sentenceBleu', hypothesis, references);
  const stats = corpusStatistics(
    'sentenceBleu',
    [hypothesis],
    refs.map((ref) => [ref]),
    resolved,
  );
  return scoreBleuStatistics(stats.correct, stats.total, stats.sysLen, stats.refLen, resolved.scoring);
}
