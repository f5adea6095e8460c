import { mulberry32 } from '../../datasets/sampling/prng.js';
import { BenchHubError } from '../../errors/benchhub-error.js';
import { fnv1a32 } from '../../text/fnv1a.js';

/**
 * The failures a test double can inject (shared by `createMockProvider` and `startFaultServer`):
 * - `rate-limit`: HTTP 429 with a Retry-After, retryable;
 * - `server-error`: HTTP 500 (or the fault's `statusCode`), retryable;
 * - `timeout`: no answer at all until the caller aborts;
 * - `malformed`: HTTP 200 whose body is not a valid response, not retryable.
 */
export type FaultKind = 'rate-limit' | 'server-error' | 'timeout' | 'malformed';

/** One injected failure. */
export interface Fault {
  /** What goes wrong. */
  kind: FaultKind;
  /** For `rate-limit`: the wait the server asks for. Default: the plan's `retryAfterMs`. */
  retryAfterMs?: number;
  /** For `server-error`: the status (500 by default; 502, 503 and 504 are as common). */
  statusCode?: number;
}

/** A fault, or its kind alone. `undefined`/`null` means "this call succeeds". */
export type FaultInput = Fault | FaultKind | null | undefined;

/** What a fault script sees of one call. */
export interface FaultContext {
  /** 0-based position among all calls. */
  index: number;
  /** 1-based attempt of the same sample (calls with the same sample key so far, this one included). */
  attempt: number;
  /** The sample the call belongs to (a sample id, or a key derived from the request). */
  sampleKey: string;
}

/**
 * Scripted failures: a list indexed by call position, or a function of the call. A script wins over
 * the seeded rate: when it names a fault the call fails that way; otherwise the rate decides.
 *
 * @example
 * ```ts
 * const script: FaultScript = ({ sampleKey }) => (sampleKey === 's7' ? 'server-error' : undefined);
 * ```
 */
export type FaultScript = readonly FaultInput[] | ((context: FaultContext) => FaultInput);

/** Relative weights of the kinds drawn by a seeded fault rate. Missing kinds weigh 0. */
export type FaultMix = Partial<Record<FaultKind, number>>;

/** How calls fail: a seeded rate, a script, or both. */
export interface FaultPlanOptions {
  /** Fraction of calls that fail, in [0, 1]. Default 0. */
  rate?: number;
  /** Seed of the draws. Default 1. */
  seed?: number;
  /** Weights of the kinds drawn by `rate`. Default: 429, 500 and timeouts alike, no malformed bodies. */
  mix?: FaultMix;
  /** Retry-After of injected 429s, in milliseconds. Default 1000. */
  retryAfterMs?: number;
  /** Scripted failures, checked before the rate. */
  script?: FaultScript;
}

/** Decides, per call, whether and how it fails. */
export type FaultPlan = (context: FaultContext) => Fault | undefined;

const KINDS: readonly FaultKind[] = ['rate-limit', 'server-error', 'timeout', 'malformed'];
const DEFAULT_MIX: FaultMix = { 'rate-limit': 1, 'server-error': 1, timeout: 1 };

function normalizeFault(input: FaultInput, retryAfterMs: number, where: string): Fault | undefined {
  if (input === undefined || input === null) return undefined;
  const fault: Fault = typeof input === 'string' ? { kind: input } : input;
  if (!KINDS.includes(fault.kind)) {
    throw new BenchHubError(`${where}: unknown fault kind "${String(fault.kind)}" (use ${KINDS.join(', ')})`);
  }
  if (fault.kind === 'rate-limit' && fault.retryAfterMs === undefined) return { ...fault, retryAfterMs };
  return fault;
}

function checkNonNegative(value: number | undefined, name: string): void {
  if (value !== undefined && (!Number.isFinite(value) || value < 0)) {
    throw new BenchHubError(`fault plan: ${name} must be a finite number >= 0, got ${value}`);
  }
}

/**
 * Builds the per-call fault decision. Seeded draws depend only on (seed, sample key, attempt), not on
 * the order calls arrive in, so a concurrent run fails the same calls every time.
 *
 * @example
 * ```ts
 * const plan = createFaultPlan({ rate: 0.3, seed: 7 });
 * plan({ index: 0, attempt: 1, sampleKey: 's1' }); // undefined, or e.g. { kind: 'rate-limit', retryAfterMs: 1000 }
 * ```
 */
export function createFaultPlan(options: FaultPlanOptions = {}): FaultPlan {
  const rate = options.rate ?? 0;
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) {
    throw new BenchHubError(`fault plan: rate must be in [0, 1], got ${rate}`);
  }
  const retryAfterMs = options.retryAfterMs ?? 1000;
  checkNonNegative(retryAfterMs, 'retryAfterMs');
  const seed = options.seed ?? 1;
  const mix = options.mix ?? DEFAULT_MIX;
  const weighted = KINDS.map((kind) => {
    const weight = mix[kind] ?? 0;
    checkNonNegative(weight, `mix['${kind}']`);
    return { kind, weight };
  }).filter((entry) => entry.weight > 0);
  const totalWeight = weighted.reduce((sum, entry) => sum + entry.weight, 0);
  if (rate > 0 && totalWeight === 0) throw new BenchHubError('fault plan: mix gives every kind weight 0');
  const { script } = options;

  return (context) => {
    if (script !== undefined) {
      const input = typeof script === 'function' ? script(context) : script[context.index];
      const fault = normalizeFault(input, retryAfterMs, 'fault script');
      if (fault !== undefined) return fault;
    }
    if (rate === 0) return undefined;
    const rng = mulberry32(fnv1a32(`${context.sampleKey}\u0000${context.attempt}`, seed));
    if (rng.nextUint32() / 0x1_0000_0000 >= rate) return undefined;
    let pick = (rng.nextUint32() / 0x1_0000_0000) * totalWeight;
    for (const entry of weighted) {
      pick -= entry.weight;
      if (pick < 0) return normalizeFault(entry.kind, retryAfterMs, 'fault plan');
    }
    return normalizeFault(weighted[weighted.length - 1]?.kind, retryAfterMs, 'fault plan');
  };
}

/** Counts attempts per sample key: `next(key)` returns 1 for the first call of a key, then 2, 3... */
export function createAttemptCounter(): { next(key: string): number; reset(): void } {
  const counts = new Map<string, number>();
  return {
    next(key) {
      const attempt = (counts.get(key) ?? 0) + 1;
      counts.set(key, attempt);
      return attempt;
    },
    reset() {
      counts.clear();
    },
  };
}
