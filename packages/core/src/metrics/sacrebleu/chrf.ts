import { BenchHubError } from '../../errors/index.js';
import { pythonSplit, removePythonWhitespace } from '../../text/python-text.js';
import { type MaybeReference, referencesBySegment, sentenceReferences } from './references.js';

/** Options of {@link corpusChrf} and {@link sentenceChrf}: sacrebleu's `CHRF` options in camelCase. */
export interface ChrfOptions {
  /** Character n-gram order (default 6). */
  charOrder?: number | undefined;
  /** Word n-gram order (default 0; 2 gives chrF++). */
  wordOrder?: number | undefined;
  /** Weight of recall against precision (default 2). */
  beta?: number | undefined;
  /** Lowercase hypotheses and references first (default false). */
  lowercase?: boolean | undefined;
  /** Keep whitespace inside character n-grams (default false: all whitespace is removed first). */
  whitespace?: boolean | undefined;
  /** The opposite of `whitespace`, as sacrebleu's `corpus_chrf(remove_whitespace=...)` names it. */
  removeWhitespace?: boolean | undefined;
  /**
   * `true`: chrF++.py/NLTK/Moses epsilon smoothing (the F-score of every order is averaged, an order
   * without n-grams counting as ε). `false` (default, sacrebleu 2.x's default): precision and recall are
   * averaged over the orders that both the hypothesis and the reference have, then combined.
   */
  epsSmoothing?: boolean | undefined;
}

/** A chrF score as sacrebleu's `CHRFScore` gives it. */
export interface ChrfScore {
  /** chrF on sacrebleu's 0–100 scale. */
  score: number;
  /** sacrebleu's name for the variant, e.g. `chrF2` or `chrF2++`. */
  name: string;
  /** Character n-gram order used. */
  charOrder: number;
  /** Word n-gram order used (0 for plain chrF). */
  wordOrder: number;
  /** Recall weight used. */
  beta: number;
}

interface ResolvedChrf {
  charOrder: number;
  wordOrder: number;
  beta: number;
  lowercase: boolean;
  whitespace: boolean;
  epsSmoothing: boolean;
}

function resolveChrf(where: string, options: ChrfOptions): ResolvedChrf {
  const charOrder = options.charOrder ?? 6;
  const wordOrder = options.wordOrder ?? 0;
  const beta = options.beta ?? 2;
  for (const [name, value] of [
    ['charOrder', charOrder],
    ['wordOrder', wordOrder],
  ] as const) {
    if (!Number.isInteger(value) || value < 0) {
      throw new BenchHubError(`${where}: ${name} must be an integer ≥ 0, got ${String(value)}`);
    }
  }
  if (charOrder + wordOrder === 0)
    throw new BenchHubError(`${where}: charOrder and wordOrder cannot both be 0`);
  if (typeof beta !== 'number' || !Number.isFinite(beta) || beta < 0) {
    throw new BenchHubError(`${where}: beta must be a finite number ≥ 0, got ${String(beta)}`);
  }
  const { whitespace, removeWhitespace } = options;
  if (whitespace !== undefined && removeWhitespace !== undefined && whitespace === removeWhitespace) {
    throw new BenchHubError(
      `${where}: whitespace and removeWhitespace contradict each other; give one of them`,
    );
  }
  return {
    charOrder,
    wordOrder,
    beta,
    lowercase: options.lowercase ?? false,
    whitespace: whitespace ?? (removeWhitespace === undefined ? false : !removeWhitespace),
    epsSmoothing: options.epsSmoothing ?? false,
  };
}

// Python's string.punctuation, which chrF++ splits off the ends of words.
const PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

/**
 * chrF++'s word split (sacrebleu's `_remove_punctuation`, after m-popovic/chrF): split on whitespace,
 * then split one ASCII punctuation mark off the end of a word, or else off its start. As upstream,
 * `(hi)` becomes `(hi` and `)`.
 */
export function chrfWords(sentence: string): string[] {
  const words: string[] = [];
  for (const word of pythonSplit(sentence)) {
    if (word.length === 1) {
      words.push(word);
    } else if (PUNCTUATION.has(word[word.length - 1]!)) {
      words.push(word.slice(0, -1), word[word.length - 1]!);
    } else if (PUNCTUATION.has(word[0]!)) {
      words.push(word[0]!, word.slice(1));
    } else {
      words.push(word);
    }
  }
  return words;
}

/** The n-gram counts of one sentence, one map per order (characters first, then words). */
type NgramCounts = Map<string, number>[];

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The characters of `text` as Python indexes them (one entry per code point). Returns the string
 * itself, which indexes the same way, when it has no surrogate pair.
 */
function pythonChars(text: string): string | string[] {
  return SURROGATE.test(text) ? Array.from(text) : text;
}

function charNgrams(text: string, maxOrder: number, into: NgramCounts): void {
  const chars = pythonChars(text);
  const length = chars.length;
  for (let n = 1; n <= maxOrder; n++) {
    const counts = new Map<string, number>();
    for (let i = 0; i + n <= length; i++) {
      const key = typeof chars === 'string' ? chars.slice(i, i + n) : chars.slice(i, i + n).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    into.push(counts);
  }
}

function wordNgrams(words: readonly string[], maxOrder: number, into: NgramCounts): void {
  for (let n = 1; n <= maxOrder; n++) {
    const counts = new Map<string, number>();
    for (let i = 0; i + n <= words.length; i++) {
      const key = n === 1 ? words[i]! : words.slice(i, i + n).join(' ');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    into.push(counts);
  }
}

function ngramsOf(sentence: string, resolved: ResolvedChrf): { counts: NgramCounts; sizes: number[] } {
  const text = resolved.lowercase ? sentence.toLowerCase() : sentence;
  const counts: NgramCounts = [];
  charNgrams(resolved.whitespace ? text : removePythonWhitespace(text), resolved.charOrder, counts);
  if (resolved.wordOrder > 0) wordNgrams(chrfWords(text), resolved.wordOrder, counts);
  const sizes = counts.map((map) => {
    let size = 0;
    for (const count of map.values()) size += count;
    return size;
  });
  return { counts, sizes };
}

/**
 * The chrF F-score of flattened `[hyp, ref, match]` statistics per order (sacrebleu's
 * `_compute_f_score`), on the 0–100 scale; same operations in the same order as upstream.
 */
function fScore(statistics: readonly number[], resolved: ResolvedChrf): number {
  const eps = 1e-16;
  const order = resolved.charOrder + resolved.wordOrder;
  const factor = resolved.beta ** 2;
  let score = 0;
  let effectiveOrder = 0;
  let avgPrec = 0;
  let avgRec = 0;
  for (let i = 0; i < order; i++) {
    const nHyp = statistics[3 * i]!;
    const nRef = statistics[3 * i + 1]!;
    const nMatch = statistics[3 * i + 2]!;
    const prec = nHyp > 0 ? nMatch / nHyp : eps;
    const rec = nRef > 0 ? nMatch / nRef : eps;
    const denom = factor * prec + rec;
    score += denom > 0 ? ((1 + factor) * prec * rec) / denom : eps;
    if (nHyp > 0 && nRef > 0) {
      avgPrec += prec;
      avgRec += rec;
      effectiveOrder++;
    }
  }
  if (resolved.epsSmoothing) return (100 * score) / order;
  if (effectiveOrder === 0) {
    avgPrec = 0;
    avgRec = 0;
  } else {
    avgPrec /= effectiveOrder;
    avgRec /= effectiveOrder;
  }
  if (avgPrec + avgRec) {
    score = (1 + factor) * avgPrec * avgRec;
    score /= factor * avgPrec + avgRec;
    return 100 * score;
  }
  return 0;
}

/** One segment's statistics against its best reference (the highest F-score; the first on a tie). */
function segmentStatistics(
  hypothesis: string,
  references: readonly string[],
  resolved: ResolvedChrf,
): number[] {
  const hyp = ngramsOf(hypothesis, resolved);
  let best: number[] = [];
  let bestScore = -1;
  for (const reference of references) {
    const ref = ngramsOf(reference, resolved);
    const stats: number[] = [];
    for (let i = 0; i < hyp.counts.length; i++) {
      const refCounts = ref.counts[i]!;
      let matches = 0;
      for (const [key, count] of hyp.counts[i]!) {
        const refCount = refCounts.get(key);
        if (refCount !== undefined) matches += Math.min(count, refCount);
      }
      // As upstream, hypothesis n-grams are not counted for an order the reference has none of.
      stats.push(refCounts.size > 0 ? hyp.sizes[i]! : 0, ref.sizes[i]!, matches);
    }
    const score = fScore(stats, resolved);
    if (score > bestScore) {
      bestScore = score;
      best = stats;
    }
  }
  return best;
}

function chrfResult(statistics: readonly number[], resolved: ResolvedChrf): ChrfScore {
  return {
    score: fScore(statistics, resolved),
    name: `chrF${resolved.beta}${'+'.repeat(resolved.wordOrder)}`,
    charOrder: resolved.charOrder,
    wordOrder: resolved.wordOrder,
    beta: resolved.beta,
  };
}

/**
 * Corpus chrF (chrF++ with `wordOrder: 2`) exactly as sacrebleu 2.x's `corpus_chrf` (0–100):
 * statistics summed over the corpus, each hypothesis matched against its best-scoring reference.
 * References are streams: `referenceStreams[k][i]` is the k-th reference of hypothesis `i` (`null`
 * where a hypothesis has fewer references).
 *
 * @example
 * ```ts
 * corpusChrf(['The cat sat on the mat.'], [['The cat is on the mat.']]).score;
 * corpusChrf(hyps, refs, { wordOrder: 2 }); // chrF++
 * ```
 */
export function corpusChrf(
  hypotheses: readonly string[],
  referenceStreams: readonly (readonly MaybeReference[])[],
  options: ChrfOptions = {},
): ChrfScore {
  const resolved = resolveChrf('corpusChrf', options);
  const segments = referencesBySegment('corpusChrf', hypotheses, referenceStreams);
  const totals = new Array<number>(3 * (resolved.charOrder + resolved.wordOrder)).fill(0);
  for (let i = 0; i < hypotheses.length; i++) {
    const stats = segmentStatistics(hypotheses[i]!, segments[i]!, resolved);
    for (let j = 0; j < totals.length; j++) totals[j]! += stats[j]!;
  }
  return chrfResult(totals, resolved);
}

/**
 * Sentence chrF as sacrebleu 2.x's `sentence_chrf` (0–100): one hypothesis against its best reference.
 *
 * @example
 * ```ts
 * sentenceChrf('Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.',
 *   ['A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři.'],
 *   { epsSmoothing: true }).score; // 31.2255...
 * ```
 */
export function sentenceChrf(
  hypothesis: string,
  references: readonly MaybeReference[],
  options: ChrfOptions = {},
): ChrfScore {
  const resolved = resolveChrf('sentenceChrf', options);
  const refs = sentenceReferences('sentenceChrf', hypothesis, references);
  return chrfResult(segmentStatistics(hypothesis, refs, resolved), resolved);
}
