import type { Sample } from '../domain/sample.js';
import { BenchHubError } from '../errors/benchhub-error.js';
import { type PromptTemplate, type RenderedPrompt, renderWithExamples } from './prompt-template.js';

/** How few-shot examples are chosen from a pool. */
export interface FewShotSelection {
  /** How many examples; default: every pool sample other than the target. */
  k?: number;
  /**
   * A uniform random source in [0, 1) (e.g. the seeded PRNG of the datasets module). With it, examples
   * are a seeded random draw; without it, the first `k` in pool order (lm-eval's `first_n` sampler,
   * which MMLU uses over its dev split).
   */
  random?: () => number;
}

/**
 * Chooses few-shot examples for `target` from `pool`, never the target itself (same `id`). Deterministic
 * for a given pool order and `random` sequence. Throws when the pool has fewer than `k` other samples.
 */
export function selectFewShot(
  pool: readonly Sample[],
  target: Sample,
  selection: FewShotSelection = {},
): Sample[] {
  const candidates = pool.filter((sample) => sample !== target && sample.id !== target.id);
  const k = selection.k ?? candidates.length;
  if (!Number.isInteger(k) || k < 0)
    throw new BenchHubError(`few-shot k must be a non-negative integer, got ${k}`);
  if (k > candidates.length) {
    throw new BenchHubError(
      `few-shot needs ${k} examples but the pool has only ${candidates.length} besides sample "${target.id}"`,
    );
  }
  const random = selection.random;
  if (!random) return candidates.slice(0, k);
  // Partial Fisher–Yates: the first k positions become a uniform random draw without replacement.
  const chosen = [...candidates];
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (chosen.length - i));
    const swap = chosen[i]!;
    chosen[i] = chosen[j]!;
    chosen[j] = swap;
  }
  return chosen.slice(0, k);
}

/**
 * Renders `target` with few-shot examples, following lm-evaluation-harness: the description, then each
 * example as `docToText + targetDelimiter + target + fewshotDelimiter` (`"\n\n"`), then the query.
 * Examples come from `examples` by {@link selectFewShot} (first `k`, or a seeded draw with `random`),
 * excluding the target itself.
 *
 * @example
 * ```ts
 * const r = renderFewShot(devSamples, testSample, getBuiltinTemplate('mmlu'), { k: 5 });
 * r.prompt; // 'The following are … about anatomy.\n\n<dev 1>\nAnswer: B\n\n…<test>\nAnswer:'
 * ```
 */
export function renderFewShot(
  examples: readonly Sample[],
  target: Sample,
  template: PromptTemplate,
  selection: FewShotSelection = {},
): RenderedPrompt {
  return renderWithExamples(template, target, selectFewShot(examples, target, selection));
}
