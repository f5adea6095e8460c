import { BenchHubError } from '../../errors/index.js';

/**
 * BLEU smoothing methods, as sacrebleu names them (Chen & Cherry, 2014): `none`; `floor` (method 1: a
 * zero count becomes `smoothValue`, default 0.1); `add-k` (method 2: `smoothValue`, default 1, is added
 * to the counts and totals of orders 2 and up); `exp` (method 3, mteval-v13a's: the k-th order with no
 * match gets precision 1 / (2^k × total)).
 */
export type BleuSmoothMethod = 'exp' | 'floor' | 'add-k' | 'none';

/** The smoothing methods, in sacrebleu's order. */
export const BLEU_SMOOTH_METHODS: readonly BleuSmoothMethod[] = Object.freeze([
  'none',
  'floor',
  'add-k',
  'exp',
]);

/** Options that turn BLEU's sufficient statistics into a score. */
export interface BleuScoringOptions {
  /** Smoothing method; `exp` for {@link corpusBleu} and {@link sentenceBleu}, `none` for {@link computeBleu}. */
  smoothMethod?: BleuSmoothMethod | undefined;
  /** Value for `floor` (default 0.1) and `add-k` (default 1); `null`/`undefined` mean the default. */
  smoothValue?: number | null | undefined;
  /**
   * Average only the orders up to the highest one the hypotheses contain (sacrebleu's
   * `use_effective_order`/`effective_order`): `false` for corpora, `true` for {@link sentenceBleu}.
   */
  useEffectiveOrder?: boolean | undefined;
  /** Alias of `useEffectiveOrder`, the name of the option on sacrebleu's `BLEU` class. */
  effectiveOrder?: boolean | undefined;
  /** Highest n-gram order (default 4; for {@link computeBleu}, the length of `correct`). */
  maxNgramOrder?: number | undefined;
}

/** BLEU's sufficient statistics, summed over a corpus (sacrebleu's `compute_bleu` arguments). */
export interface BleuStatistics {
  /** Clipped n-gram matches for n = 1, 2, …: `correct[n - 1]`. */
  correct: readonly number[];
  /** Hypothesis n-grams for n = 1, 2, …: `total[n - 1]`. */
  total: readonly number[];
  /** Hypothesis length in tokens. */
  sysLen: number;
  /** Effective reference length in tokens (the closest reference's length, summed). */
  refLen: number;
}

/** A BLEU score with its parts, as sacrebleu's `BLEUScore` holds them. */
export interface BleuScore {
  /** BLEU on sacrebleu's 0–100 scale. */
  score: number;
  /** Matched n-grams per order; with `add-k` smoothing they include the added k, as in sacrebleu. */
  counts: number[];
  /** Hypothesis n-grams per order; with `add-k` smoothing they include the added k, as in sacrebleu. */
  totals: number[];
  /** Smoothed n-gram precisions per order, 0–100 (0 for orders never reached). */
  precisions: number[];
  /** Brevity penalty. */
  bp: number;
  /** Hypothesis length in tokens. */
  sysLen: number;
  /** Effective reference length in tokens. */
  refLen: number;
  /** `sysLen / refLen`, or 0 when `refLen` is 0. */
  ratio: number;
}

/** Scoring options with defaults applied. */
export interface ResolvedBleuScoring {
  smoothMethod: BleuSmoothMethod;
  smoothValue: number;
  effectiveOrder: boolean;
  maxNgramOrder: number;
}

const SMOOTH_DEFAULTS: Readonly<Record<BleuSmoothMethod, number>> = {
  none: 0,
  floor: 0.1,
  'add-k': 1,
  exp: 0,
};

/** Validates scoring options and fills in the defaults of the calling function. */
export function resolveBleuScoring(
  where: string,
  options: BleuScoringOptions,
  defaults: { smoothMethod: BleuSmoothMethod; effectiveOrder: boolean; maxNgramOrder: number },
): ResolvedBleuScoring {
  const smoothMethod = options.smoothMethod ?? defaults.smoothMethod;
  if (!BLEU_SMOOTH_METHODS.includes(smoothMethod)) {
    throw new BenchHubError(
      `${where}: unknown smoothMethod ${JSON.stringify(smoothMethod)}; expected one of ${BLEU_SMOOTH_METHODS.join(', ')}`,
    );
  }
  const value = options.smoothValue;
  if (value !== null && value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) {
    throw new BenchHubError(`${where}: smoothValue must be a finite number, got ${String(value)}`);
  }
  const { useEffectiveOrder, effectiveOrder } = options;
  if (
    useEffectiveOrder !== undefined &&
    effectiveOrder !== undefined &&
    useEffectiveOrder !== effectiveOrder
  ) {
    throw new BenchHubError(`${where}: useEffectiveOrder and effectiveOrder disagree; give one of them`);
  }
  const maxNgramOrder = options.maxNgramOrder ?? defaults.maxNgramOrder;
  if (!Number.isInteger(maxNgramOrder) || maxNgramOrder < 1) {
    throw new BenchHubError(
      `${where}: maxNgramOrder must be a positive integer, got ${String(maxNgramOrder)}`,
    );
  }
  return {
    smoothMethod,
    smoothValue: value ?? SMOOTH_DEFAULTS[smoothMethod],
    effectiveOrder: useEffectiveOrder ?? effectiveOrder ?? defaults.effectiveOrder,
    maxNgramOrder,
  };
}

// sacrebleu's `my_log`: the logarithm, with log(0) floored to -9999999999.
function flooredLog(x: number): number {
  return x === 0 ? -9999999999 : Math.log(x);
}

/**
 * sacrebleu's `BLEU.compute_bleu` on statistics it may modify (`correct` and `total` are copies owned
 * by the caller): the same operations in the same order, so the floating-point result is the same.
 */
export function scoreBleuStatistics(
  correct: number[],
  total: number[],
  sysLen: number,
  refLen: number,
  scoring: ResolvedBleuScoring,
): BleuScore {
  const { smoothMethod, smoothValue, effectiveOrder, maxNgramOrder } = scoring;
  let bp = 1;
  if (sysLen < refLen) bp = sysLen > 0 ? Math.exp(1 - refLen / sysLen) : 0;
  const precisions = new Array<number>(maxNgramOrder).fill(0);
  const result = (score: number): BleuScore => ({
    score,
    counts: correct,
    totals: total,
    precisions,
    bp,
    sysLen,
    refLen,
    ratio: refLen ? sysLen / refLen : 0,
  });
  // Early stop when nothing matches (sacrebleu #141).
  if (!correct.some((c) => c !== 0)) return result(0);

  let smoothMteval = 1;
  let order = maxNgramOrder;
  for (let n = 1; n <= maxNgramOrder; n++) {
    if (smoothMethod === 'add-k' && n > 1) {
      correct[n - 1] = correct[n - 1]! + smoothValue;
      total[n - 1] = total[n - 1]! + smoothValue;
    }
    const nTotal = total[n - 1]!;
    if (nTotal === 0) break;
    if (effectiveOrder) order = n;
    const nCorrect = correct[n - 1]!;
    if (nCorrect === 0) {
      if (smoothMethod === 'exp') {
        smoothMteval *= 2;
        precisions[n - 1] = 100 / (smoothMteval * nTotal);
      } else if (smoothMethod === 'floor') {
        precisions[n - 1] = (100 * smoothValue) / nTotal;
      }
    } else {
      precisions[n - 1] = (100 * nCorrect) / nTotal;
    }
  }
  let logSum = 0;
  for (let i = 0; i < order; i++) logSum += flooredLog(precisions[i]!);
  return result(bp * Math.exp(logSum / order));
}

/**
 * BLEU from its sufficient statistics, as sacrebleu's static `BLEU.compute_bleu`: same smoothing, same
 * brevity penalty, same early stop at 0 when nothing matches. Its defaults are that function's:
 * `smoothMethod: 'none'`, `useEffectiveOrder: false`, and `maxNgramOrder` the length of `correct`.
 * The inputs are not modified.
 *
 * @example
 * ```ts
 * computeBleu({ correct: [9, 7, 5, 3], total: [10, 8, 6, 4], sysLen: 11, refLen: 11 }).score; // 83.759...
 * computeBleu({ correct: [6, 5, 4, 0], total: [6, 5, 4, 3], sysLen: 6, refLen: 6 },
 *   { smoothMethod: 'floor', smoothValue: 0.1 }).score;
 * ```
 */
export function computeBleu(statistics: BleuStatistics, options: BleuScoringOptions = {}): BleuScore {
  const where = 'computeBleu';
  const { correct, total, sysLen, refLen } = statistics ?? ({} as Partial<BleuStatistics>);
  if (!Array.isArray(correct) || !Array.isArray(total)) {
    throw new BenchHubError(
      `${where}: correct and total must be arrays of n-gram counts (index n - 1 for order n)`,
    );
  }
  if (correct.length === 0)
    throw new BenchHubError(`${where}: correct and total are empty; give one count per order`);
  if (correct.length !== total.length) {
    throw new BenchHubError(`${where}: correct has ${correct.length} orders but total has ${total.length}`);
  }
  for (const [name, list] of [
    ['correct', correct],
    ['total', total],
  ] as const) {
    list.forEach((value, i) => {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new BenchHubError(`${where}: ${name}[${i}] must be a finite count ≥ 0, got ${String(value)}`);
      }
    });
  }
  for (const [name, value] of [
    ['sysLen', sysLen],
    ['refLen', refLen],
  ] as const) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new BenchHubError(`${where}: ${name} must be a finite length ≥ 0, got ${String(value)}`);
    }
  }
  const scoring = resolveBleuScoring(where, options, {
    smoothMethod: 'none',
    effectiveOrder: false,
    maxNgramOrder: correct.length,
  });
  if (scoring.maxNgramOrder > correct.length) {
    throw new BenchHubError(
      `${where}: maxNgramOrder is ${scoring.maxNgramOrder} but the statistics have only ${correct.length} orders`,
    );
  }
  return scoreBleuStatistics([...correct], [...total], sysLen as number, refLen as number, scoring);
}
