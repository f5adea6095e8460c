import type { Sample } from '../../domain/sample.js';
import { acceptableAnswers } from '../../scoring/gold.js';
import type { MetricOutput, MetricV1 } from '../../spec/metric.js';
import { defineMetric } from '../custom/define-metric.js';
import { squadExactMatch, squadF1 } from './squad-scores.js';

function scoreWith(metric: (prediction: string, groundTruths: readonly string[]) => number) {
  return (sample: Sample, output: MetricOutput): number | null => {
    const answers = acceptableAnswers(sample);
    return answers.length === 0 ? null : metric(output.extracted ?? output.text, answers);
  };
}

/**
 * SQuAD v1.1 exact match as a metric (`squad_exact_match`): the extracted answer (else the raw text)
 * against the sample's gold answer and `references`, 0 or 1 per sample, averaged with its standard error.
 * Samples without any reference are skipped.
 */
export const squadExactMatchMetric: MetricV1 = defineMetric({
  name: 'squad_exact_match',
  higherIsBetter: true,
  requires: ['references'],
  score: scoreWith(squadExactMatch),
});

/**
 * SQuAD v1.1 token F1 as a metric (`squad_f1`): 0–1 per sample (max over the sample's `references`
 * and `answer`), averaged with its standard error. Samples without any reference are skipped.
 */
export const squadF1Metric: MetricV1 = defineMetric({
  name: 'squad_f1',
  higherIsBetter: true,
  requires: ['references'],
  score: scoreWith(squadF1),
});
