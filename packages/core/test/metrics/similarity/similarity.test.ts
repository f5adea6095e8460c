import { describe, expect, it } from 'vitest';
import { BenchHubError } from '../../../src/errors/benchhub-error.js';
import { ProviderCallError } from '../../../src/errors/provider-call-error.js';
import {
  cosineSimilarity,
  semanticSimilarity,
  semanticSimilarityMetric,
} from '../../../src/metrics/similarity/index.js';
import { createFunctionProvider } from '../../../src/providers/function-provider.js';
import { fixtureSamples } from '../../../src/testing/fixtures.js';
import { createMockProvider } from '../../../src/testing/mock-provider.js';

/** A toy embedding: counts of the letters a, b, c. */
function letterCounts(text: string): number[] {
  return ['a', 'b', 'c'].map((ch) => [...text].filter((x) => x === ch).length);
}

describe('cosineSimilarity', () => {
  it('computes a·b / (|a||b|)', () => {
    expect(cosineSimilarity([1, 0], [0, 1])).toBe(0);
    expect(cosineSimilarity([1, 0], [-1, 0])).toBe(-1);
    expect(cosineSimilarity([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 15);
    expect(cosineSimilarity([1, 2, 3], [4, 5, 6])).toBeCloseTo(32 / Math.sqrt(14 * 77), 15);
    expect(cosineSimilarity([3, 4], [4, 3])).toBeCloseTo(24 / 25, 15);
  });

  it('gives 0 for a zero vector, as scikit-learn', () => {
    expect(cosineSimilarity([0, 0], [1, 1])).toBe(0);
  });

  it('rejects vectors that cannot be compared', () => {
    expect(() => cosineSimilarity([1, 2], [1])).toThrow(/different dimensions \(2 and 1\)/);
    expect(() => cosineSimilarity([], [])).toThrow(/empty/);
    expect(() => cosineSimilarity([1, Number.NaN], [1, 1])).toThrow(/entry \[1\] is not a finite number/);
  });
});

describe('semanticSimilarity', () => {
  it('embeds each distinct text once, in batches, and takes the best reference', async () => {
    const provider = createMockProvider({ responses: '', embed: (texts) => texts.map(letterCounts) });
    const result = await semanticSimilarity(['ab', 'c', 'ab'], ['ab', ['a', 'cc'], 'ba'], {
      provider,
      batchSize: 2,
    });
    // 'ab' vs 'ab' = 1; 'c' vs best of ('a' = 0, 'cc' = 1) = 1; 'ab' vs 'ba' = 1
    expect(result.scores).toHaveLength(3);
    for (const s of result.scores) expect(s).toBeCloseTo(1, 15);
    expect(result.score).toBeCloseTo(1, 15);
    const embedded = provider.embedCalls.map((call) => call.texts);
    expect(embedded.every((batch) => batch.length <= 2)).toBe(true);
    expect(embedded.flat().sort()).toEqual(['a', 'ab', 'ba', 'c', 'cc']);
  });

  it('averages the per-pair cosines', async () => {
    const provider = createFunctionProvider(() => '', {
      embed: async (texts) => texts.map((t) => (t === 'x' ? [1, 0] : t === 'y' ? [0, 1] : [1, 1])),
    });
    const result = await semanticSimilarity(['x', 'x'], ['y', 'z'], { provider });
    expect(result.scores[0]).toBe(0);
    expect(result.scores[1]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(result.score).toBeCloseTo(Math.SQRT1_2 / 2, 15);
  });

  it('refuses a provider that cannot embed', async () => {
    const provider = createMockProvider({ responses: 'hi', modelId: 'chat-only' });
    await expect(semanticSimilarity(['a'], ['a'], { provider })).rejects.toThrow(BenchHubError);
    await expect(semanticSimilarity(['a'], ['a'], { provider })).rejects.toThrow(
      /provider mock\/chat-only cannot embed \(capabilities.embed is false\)/,
    );
  });

  it('reports a provider returning the wrong number of vectors', async () => {
    const provider = createMockProvider({ responses: '', embed: () => [[1, 0]] });
    const failure = semanticSimilarity(['a', 'b'], ['c', 'd'], { provider });
    await expect(failure).rejects.toThrow(ProviderCallError);
    await expect(semanticSimilarity(['a', 'b'], ['c', 'd'], { provider })).rejects.toThrow(
      /embed returned 1 vectors for 4 texts/,
    );
  });

  it('checks its inputs', async () => {
    const provider = createMockProvider({ responses: '', embed: (texts) => texts.map(letterCounts) });
    await expect(semanticSimilarity(['a'], [], { provider })).rejects.toThrow(
      /1 predictions for 0 references/,
    );
    await expect(semanticSimilarity(['a'], [[]], { provider })).rejects.toThrow(/references\[0\] must be/);
    await expect(semanticSimilarity(['a'], ['a'], { provider, batchSize: 0 })).rejects.toThrow(/batchSize/);
  });
});

describe('semanticSimilarityMetric', () => {
  it('scores an output against the sample references with one embed call', async () => {
    const provider = createMockProvider({ responses: '', embed: (texts) => texts.map(letterCounts) });
    const metric = semanticSimilarityMetric({ provider });
    expect(metric.name).toBe('semantic_similarity');
    expect(metric.requires).toEqual(['references', 'embeddings']);
    const sample = {
      ...(fixtureSamples[0] as (typeof fixtureSamples)[number]),
      references: ['aab'],
      answer: 'c',
    };
    await expect(metric.score(sample, { text: 'c' })).resolves.toBeCloseTo(1, 15);
    await expect(metric.score(sample, { text: 'zzz', extracted: 'ab' })).resolves.toBeCloseTo(
      cosineSimilarity([1, 1, 0], [2, 1, 0]),
      15,
    );
    expect(provider.embedCalls).toHaveLength(2);
    const { references: _r, answer: _a, answerIndex: _i, ...bare } = sample;
    await expect(metric.score(bare, { text: 'a' })).resolves.toBeNull();
  });

  it('requires an embedding provider up front', () => {
    expect(() => semanticSimilarityMetric({ provider: createMockProvider({ responses: '' }) })).toThrow(
      /cannot embed/,
    );
  });
});
