import { BenchHubError, type BenchHubErrorOptions, markerGuard } from '../errors/benchhub-error.js';

const UNRECOVERABLE = Symbol.for('benchhub.error.unrecoverable-job');
const RATE_LIMITED = Symbol.for('benchhub.error.rate-limited');

/**
 * Thrown by a job handler to fail the job at once, without the remaining retries
 * (e.g. the plan references a model that does not exist).
 *
 * @example
 * ```ts
 * queue.process(async (job) => { if (!known(job.data.model)) throw new UnrecoverableJobError('unknown model'); });
 * ```
 */
export class UnrecoverableJobError extends BenchHubError {
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by isInstance through Symbol.for
  private readonly [UNRECOVERABLE] = true;
  override readonly isRetryable = false;

  constructor(message: string, options: BenchHubErrorOptions = {}) {
    super(message, options);
    this.name = 'UnrecoverableJobError';
  }

  static override isInstance = markerGuard<UnrecoverableJobError>(UNRECOVERABLE);
}

/** Options of a {@link RateLimitedError}. */
export interface RateLimitedErrorOptions extends BenchHubErrorOptions {
  /** How long to wait before the job is tried again, in milliseconds. */
  retryAfterMs: number;
}

/**
 * Thrown by a job handler when a rate limit was hit: the queue puts the job back to run after
 * `retryAfterMs`, and the attempt does not count towards the job's attempt limit.
 *
 * @example
 * ```ts
 * throw new RateLimitedError('openai 429', { retryAfterMs: 20_000 });
 * ```
 */
export class RateLimitedError extends BenchHubError {
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by isInstance through Symbol.for
  private readonly [RATE_LIMITED] = true;
  override readonly isRetryable = true;
  /** How long to wait before the job is tried again, in milliseconds. */
  readonly retryAfterMs: number;

  constructor(message: string, options: RateLimitedErrorOptions) {
    if (!Number.isFinite(options.retryAfterMs) || options.retryAfterMs < 0) {
      throw new BenchHubError(
        `RateLimitedError: retryAfterMs must be a finite number >= 0, got ${String(options.retryAfterMs)}`,
      );
    }
    super(message, options);
    this.name = 'RateLimitedError';
    this.retryAfterMs = options.retryAfterMs;
  }

  static override isInstance = markerGuard<RateLimitedError>(RATE_LIMITED);
}
