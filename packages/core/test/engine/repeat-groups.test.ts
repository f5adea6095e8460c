import { describe, expect, it } from 'vitest';
import type { SampleResult } from '../../src/domain/result.js';
import { createRepeatGrouping, type ReducedScores } from '../../src/engine/repeat-groups.js';
import { result } from '../statistics/results-fixture.js';

interface Seen {
  sample: string;
  scores: ReducedScores | undefined;
  ok: number[] | undefined;
}

function recorder(): {
  seen: Seen[];
  onSample: (f: SampleResult, s: ReducedScores | undefined, ok: readonly SampleResult[] | undefined) => void;
} {
  const seen: Seen[] = [];
  return {
    seen,
    onSample: (first, scores, ok) =>
      seen.push({ sample: first.sampleId, scores, ok: ok?.map((r) => r.repeat) }),
  };
}

describe('createRepeatGrouping', () => {
  it('reduces a sample as soon as its repeats are in and holds nothing more', () => {
    const { seen, onSample } = recorder();
    const grouping = createRepeatGrouping({
      repeats: 2,
      reducer: 'mean',
      higherIsBetter: () => true,
      onSample,
    });
    grouping.add(result({ sample: 's0', repeat: 1, score: 1 }));
    expect([grouping.pending, seen.length]).toEqual([1, 0]);
    grouping.add(result({ sample: 's0', repeat: 0, score: 0 }));
    expect(grouping.pending).toBe(0);
    expect(seen).toEqual([{ sample: 's0', scores: { accuracy: 0.5 }, ok: [0, 1] }]);
    // A failed repeat completes its sample too; a sample whose repeats all failed has no scores.
    grouping.add(result({ sample: 's1', repeat: 0, error: 'timeout' }));
    grouping.add(result({ sample: 's1', repeat: 1, score: 1 }));
    grouping.add(result({ sample: 's2', repeat: 0, error: 'timeout' }));
    grouping.add(result({ sample: 's2', repeat: 1, error: 'timeout' }));
    // An incomplete sample waits for finish().
    grouping.add(result({ sample: 's3', repeat: 0, score: 1 }));
    expect(grouping.pending).toBe(1);
    grouping.finish();
    expect(grouping.pending).toBe(0);
    expect(seen.slice(1)).toEqual([
      { sample: 's1', scores: { accuracy: 1 }, ok: [1] },
      { sample: 's2', scores: undefined, ok: undefined },
      { sample: 's3', scores: { accuracy: 1 }, ok: [0] },
    ]);
  });

  it('passes results straight through with one repeat, and holds every sample when repeats are unknown', () => {
    const single = recorder();
    const one = createRepeatGrouping({
      repeats: 1,
      reducer: 'majority',
      higherIsBetter: () => true,
      onSample: single.onSample,
    });
    one.add(result({ sample: 's0', score: 1 }));
    one.add(result({ sample: 's1', error: 'e' }));
    expect(one.pending).toBe(0);
    expect(single.seen).toEqual([
      { sample: 's0', scores: { accuracy: 1 }, ok: undefined },
      { sample: 's1', scores: undefined, ok: undefined },
    ]);

    const held = recorder();
    const unknown = createRepeatGrouping({
      reducer: 'mean',
      higherIsBetter: () => true,
      onSample: held.onSample,
    });
    for (const [sample, repeat] of [
      ['s1', 0],
      ['s0', 0],
      ['s1', 1],
    ] as const) {
      unknown.add(result({ sample, repeat, scores: { accuracy: repeat, f1: null } }));
    }
    expect([unknown.pending, held.seen.length]).toEqual([2, 0]);
    unknown.finish();
    // First-appearance order; the metrics are those of the sample's results.
    expect(held.seen).toEqual([
      { sample: 's1', scores: { accuracy: 0.5, f1: null }, ok: [0, 1] },
      { sample: 's0', scores: { accuracy: 0, f1: null }, ok: [0] },
    ]);
  });
});
