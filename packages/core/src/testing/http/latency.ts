import { mulberry32 } from '../../datasets/sampling/prng.js';
import { BenchHubError } from '../../errors/benchhub-error.js';

/**
 * How long a test double waits before answering (shared by `createMockProvider` and
 * `startFaultServer`): a fixed number of milliseconds, or a seeded distribution.
 *
 * @example
 * ```ts
 * const fixed: LatencySpec = 100;
 * const spread: LatencySpec = { distribution: 'uniform', minMs: 20, maxMs: 80 };
 * const tail: LatencySpec = { distribution: 'exponential', meanMs: 50, maxMs: 1_000 };
 * ```
 */
export type LatencySpec =
  | number
  | { distribution: 'uniform'; minMs: number; maxMs: number }
  | { distribution: 'exponential'; meanMs: number; maxMs?: number };

/** Draws one latency per call, in milliseconds. */
export type LatencySampler = () => number;

function check(value: number, name: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new BenchHubError(`latency: ${name} must be a finite number >= 0, got ${value}`);
  }
}

/**
 * A latency sampler for a spec; draws come from `mulberry32(seed)` in call order.
 *
 * @example
 * ```ts
 * const next = createLatencySampler({ distribution: 'uniform', minMs: 10, maxMs: 20 }, 42);
 * next(); // e.g. 13.7
 * ```
 */
export function createLatencySampler(spec: LatencySpec, seed = 1): LatencySampler {
  if (typeof spec === 'number') {
    check(spec, 'latency');
    return () => spec;
  }
  const rng = mulberry32(seed);
  const unit = (): number => rng.nextUint32() / 0x1_0000_0000;
  if (spec.distribution === 'uniform') {
    check(spec.minMs, 'minMs');
    check(spec.maxMs, 'maxMs');
    if (spec.maxMs < spec.minMs) {
      throw new BenchHubError(`latency: maxMs (${spec.maxMs}) is below minMs (${spec.minMs})`);
    }
    return () => spec.minMs + unit() * (spec.maxMs - spec.minMs);
  }
  if (spec.distribution === 'exponential') {
    check(spec.meanMs, 'meanMs');
    const cap = spec.maxMs ?? Number.POSITIVE_INFINITY;
    if (spec.maxMs !== undefined) check(spec.maxMs, 'maxMs');
    return () => Math.min(cap, -spec.meanMs * Math.log(1 - unit()));
  }
  throw new BenchHubError(
    `latency: unknown distribution "${String((spec as { distribution: unknown }).distribution)}" (use uniform or exponential)`,
  );
}
