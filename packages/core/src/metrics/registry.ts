import type { Sample } from '../domain/sample.js';
import { BenchHubError } from '../errors/benchhub-error.js';
import { acceptableAnswers } from '../scoring/gold.js';
import type { MetricAggregate, MetricItem, MetricOutput, MetricV1 } from '../spec/metric.js';
import type { ModelProviderV1 } from '../spec/model-provider.js';
import { meanStderr } from '../statistics/descriptive.js';
import { closestMatch } from '../text/closest-match.js';
import { type ClassificationAverage, precisionRecallFscoreSupport } from './classification/index.js';
import { defineMetric } from './custom/index.js';
import { meanPassAtK } from './pass-at-k/index.js';
import { type RougeType, rougeScore } from './rouge/index.js';
import { corpusBleu, corpusChrf, sentenceBleu, sentenceChrf } from './sacrebleu/index.js';
import { semanticSimilarityMetric } from './similarity/index.js';
import { squadExactMatchMetric, squadF1Metric } from './squad/index.js';

/** What some built-in metrics need beyond their name. */
export interface MetricRegistryOptions {
  /** The embedding provider of `semantic_similarity`. */
  embedder?: ModelProviderV1;
  /**
   * Tokenizer of the `rouge*` metrics: `default` is rouge-score's (ASCII letters and digits only, so
   * Korean text scores 0), `unicode` keeps Korean and other scripts (a deliberate difference from the
   * reference). Default `default`.
   */
  rougeTokenizer?: 'default' | 'unicode';
}

const prediction = (output: MetricOutput): string => output.extracted ?? output.text;

/** The references of every item as sacrebleu streams: `streams[k][i]` is the k-th reference of item i. */
function referenceStreams(items: readonly MetricItem[]): (string | null)[][] {
  const perItem = items.map(({ sample }) => acceptableAnswers(sample));
  const width = Math.max(1, ...perItem.map((refs) => refs.length));
  return Array.from({ length: width }, (_, k) => perItem.map((refs) => refs[k] ?? null));
}

/** Items that have at least one reference (the others cannot be scored by a reference metric). */
const withReferences = (items: readonly MetricItem[]) =>
  items.filter(({ sample }) => acceptableAnswers(sample).length > 0);

function referenceScore(score: (hypothesis: string, references: string[]) => number) {
  return (sample: Sample, output: MetricOutput): number | null => {
    const references = acceptableAnswers(sample);
    return references.length === 0 ? null : score(prediction(output), references);
  };
}

function corpusTextMetric(
  name: string,
  sentence: (hypothesis: string, references: string[]) => number,
  corpus: (hypotheses: string[], streams: (string | null)[][]) => number,
): MetricV1 {
  const base = defineMetric({
    name,
    higherIsBetter: true,
    requires: ['references'],
    score: referenceScore(sentence),
  });
  return {
    ...base,
    corpus(items): MetricAggregate {
      const scored = withReferences(items);
      if (scored.length === 0) return { value: Number.NaN, n: 0 };
      return {
        value: corpus(
          scored.map(({ output }) => prediction(output)),
          referenceStreams(scored),
        ),
        n: scored.length,
      };
    },
  };
}

function rougeMetric(type: RougeType, tokenizer: 'default' | 'unicode'): MetricV1 {
  return defineMetric({
    name: type,
    higherIsBetter: true,
    requires: ['references'],
    // rouge-score's score_multi: the best-matching reference; F-measure, 0–1.
    score: referenceScore((hypothesis, references) =>
      Math.max(
        ...references.map(
          (r) =>
            rougeScore(r, hypothesis, { rougeTypes: [type], useStemmer: true, tokenizer })[type]!.fmeasure,
        ),
      ),
    ),
  });
}

/** 1 when the scoring method judged the output correct, 0 when it judged it wrong. */
const accuracyMetric = defineMetric({
  name: 'accuracy',
  higherIsBetter: true,
  score: (_sample, output) => (output.correct === undefined ? null : Number(output.correct)),
});

function classificationMetric(kind: 'precision' | 'recall' | 'f1', average: ClassificationAverage): MetricV1 {
  const name = `${kind}_${average}`;
  const key = kind === 'f1' ? 'fScore' : kind;
  const base = defineMetric({
    name,
    higherIsBetter: true,
    requires: ['references'],
    score: (_sample, output) => (output.correct === undefined ? null : Number(output.correct)),
  });
  return {
    ...base,
    corpus(items): MetricAggregate {
      const labelled = items.filter(({ sample }) => acceptableAnswers(sample).length > 0);
      const gold = labelled.map(({ sample }) => acceptableAnswers(sample)[0]!);
      const predicted = labelled.map(({ output }) => prediction(output).trim());
      if (labelled.length === 0) return { value: Number.NaN, n: 0 };
      const result = precisionRecallFscoreSupport(gold, predicted, { average });
      return { value: result[key] as number, n: labelled.length };
    },
  };
}

/** pass@k over repeats: per sample, n outputs of which c are correct; the unbiased estimator, averaged. */
function passAtKMetric(k: number): MetricV1 {
  const base = defineMetric({
    name: `pass@${k}`,
    higherIsBetter: true,
    score: (_sample, output) => (output.correct === undefined ? null : Number(output.correct)),
  });
  return {
    ...base,
    corpus(items): MetricAggregate {
      const bySample = new Map<string, { n: number; c: number }>();
      for (const { sample, output } of items) {
        if (output.correct === undefined) continue;
        const counts = bySample.get(sample.id) ?? { n: 0, c: 0 };
        counts.n++;
        if (output.correct) counts.c++;
        bySample.set(sample.id, counts);
      }
      const problems = [...bySample.values()];
      if (problems.length === 0) return { value: Number.NaN, n: 0 };
      const result = meanPassAtK(problems, k);
      const stderr = meanStderr(result.perProblem);
      return { value: result.value, n: problems.length, ...(stderr === null ? {} : { stderr }) };
    },
  };
}

const FIXED_METRICS: Readonly<Record<string, (options: MetricRegistryOptions) => MetricV1>> = {
  accuracy: () => accuracyMetric,
  bleu: () =>
    corpusTextMetric(
      'bleu',
      (h, refs) => sentenceBleu(h, refs).score,
      (hs, streams) => corpusBleu(hs, streams).score,
    ),
  chrf: () =>
    corpusTextMetric(
      'chrf',
      (h, refs) => sentenceChrf(h, refs).score,
      (hs, streams) => corpusChrf(hs, streams).score,
    ),
  'chrf++': () =>
    corpusTextMetric(
      'chrf++',
      (h, refs) => sentenceChrf(h, refs, { wordOrder: 2 }).score,
      (hs, streams) => corpusChrf(hs, streams, { wordOrder: 2 }).score,
    ),
  rouge1: (o) => rougeMetric('rouge1', o.rougeTokenizer ?? 'default'),
  rouge2: (o) => rougeMetric('rouge2', o.rougeTokenizer ?? 'default'),
  rougeL: (o) => rougeMetric('rougeL', o.rougeTokenizer ?? 'default'),
  rougeLsum: (o) => rougeMetric('rougeLsum', o.rougeTokenizer ?? 'default'),
  squad_exact_match: () => squadExactMatchMetric,
  squad_f1: () => squadF1Metric,
  ...Object.fromEntries(
    (['precision', 'recall', 'f1'] as const).flatMap((kind) =>
      (['macro', 'micro', 'weighted'] as const).map((average) => [
        `${kind}_${average}`,
        () => classificationMetric(kind, average),
      ]),
    ),
  ),
};

/** Names of the built-in metrics a plan's `evaluation.metrics` may list (plus `pass@k` for any k). */
export const BUILTIN_METRIC_NAMES: readonly string[] = [
  ...Object.keys(FIXED_METRICS),
  'semantic_similarity',
  'pass@k',
];

/**
 * The built-in metric of a name: `accuracy`; `bleu`, `chrf`, `chrf++` (sacrebleu, corpus-level, 0–100);
 * `rouge1`, `rouge2`, `rougeL`, `rougeLsum` (rouge-score F-measure with stemming, best reference);
 * `squad_exact_match`, `squad_f1`; `precision|recall|f1` × `_macro|_micro|_weighted` (scikit-learn,
 * corpus-level over extracted vs gold labels); `pass@k` for any k ≥ 1 (over repeats); and
 * `semantic_similarity` (needs `options.embedder`). An unknown name throws, suggesting the closest one.
 *
 * @example
 * ```ts
 * const bleu = getMetric('bleu');
 * bleu.corpus?.(items).value; // corpus BLEU of all outputs
 * ```
 */
export function getMetric(name: string, options: MetricRegistryOptions = {}): MetricV1 {
  const fixed = FIXED_METRICS[name];
  if (fixed) return fixed(options);
  const passAt = /^pass@(\d+)$/.exec(name);
  if (passAt) {
    const k = Number(passAt[1]);
    if (k < 1) throw new BenchHubError(`metric "${name}": k must be at least 1`);
    return passAtKMetric(k);
  }
  if (name === 'semantic_similarity') {
    if (!options.embedder) {
      throw new BenchHubError(
        'metric "semantic_similarity" needs an embedding provider: pass options.embedder',
      );
    }
    return semanticSimilarityMetric({ provider: options.embedder });
  }
  const suggestion = closestMatch(name, BUILTIN_METRIC_NAMES);
  throw new BenchHubError(
    `unknown metric "${name}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (built-in: ${BUILTIN_METRIC_NAMES.join(', ')}; or pass your own defineMetric())`,
  );
}
