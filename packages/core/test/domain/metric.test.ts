import { describe, expect, it } from 'vitest';
import { METRIC_AGGREGATIONS, MetricValueSchema } from '../../src/domain/metric.js';

describe('MetricValueSchema', () => {
  const value = {
    name: 'accuracy',
    value: 0.62,
    n: 200,
    stderr: 0.0343,
    ci: [0.553, 0.687],
    aggregation: 'mean',
  };

  it('parses a value with its uncertainty', () => {
    expect(MetricValueSchema.parse({ ...value, ciLevel: 0.95 })).toEqual({ ...value, ciLevel: 0.95 });
    expect(METRIC_AGGREGATIONS).toContain('corpus');
  });

  it('refuses an inverted interval, a negative stderr and an unknown aggregation', () => {
    const inverted = MetricValueSchema.safeParse({ ...value, ci: [0.7, 0.5] });
    expect(inverted.error?.issues[0]?.message).toBe('the lower bound of ci exceeds its upper bound');
    expect(MetricValueSchema.safeParse({ ...value, stderr: -0.1 }).success).toBe(false);
    expect(MetricValueSchema.safeParse({ ...value, aggregation: 'average' }).success).toBe(false);
    expect(MetricValueSchema.safeParse({ ...value, ciLevel: 95 }).success).toBe(false);
  });
});
