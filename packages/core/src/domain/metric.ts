import { z } from 'zod';

/**
 * How per-sample scores become one value: `mean`, `sum`, `median`, `min`, `max`, or `corpus` for
 * metrics computed over all outputs at once (BLEU, chrF, corpus F1).
 */
export const METRIC_AGGREGATIONS = ['mean', 'sum', 'median', 'min', 'max', 'corpus'] as const;
/** How per-sample scores become one value. */
export const MetricAggregationSchema = z.enum(METRIC_AGGREGATIONS);
/** How per-sample scores become one value. */
export type MetricAggregation = z.infer<typeof MetricAggregationSchema>;

/**
 * The aggregated value of a metric over `n` sample results, with its uncertainty when known.
 *
 * @example
 * ```ts
 * MetricValueSchema.parse({ name: 'accuracy', value: 0.62, n: 200, stderr: 0.0343, ci: [0.553, 0.687], ciLevel: 0.95, aggregation: 'mean' });
 * ```
 */
export const MetricValueSchema = z
  .object({
    /** The metric's name, e.g. `accuracy`, `rougeL`. */
    name: z.string().min(1),
    value: z.number().finite(),
    /** Sample results aggregated (failed calls are not among them). */
    n: z.number().int().nonnegative(),
    /** Standard error of `value`. */
    stderr: z.number().finite().nonnegative().optional(),
    /** Confidence interval `[lower, upper]`. */
    ci: z.tuple([z.number().finite(), z.number().finite()]).optional(),
    /** Coverage of `ci`, e.g. 0.95. */
    ciLevel: z.number().gt(0).lt(1).optional(),
    aggregation: MetricAggregationSchema,
  })
  .refine((m) => m.ci === undefined || m.ci[0] <= m.ci[1], {
    path: ['ci'],
    message: 'the lower bound of ci exceeds its upper bound',
  });
/** The aggregated value of a metric. */
export type MetricValue = z.infer<typeof MetricValueSchema>;
