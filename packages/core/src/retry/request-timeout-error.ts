import { BenchHubError, type BenchHubErrorOptions, markerGuard } from '../errors/benchhub-error.js';

const MARKER = Symbol.for('benchhub.error.request-timeout');

/**
 * A request took longer than its timeout. Retryable, with no HTTP status, like a network failure:
 * `toProviderCallError` turns it into a `ProviderCallError` with `isRetryable: true` and no `statusCode`.
 *
 * @example
 * ```ts
 * if (RequestTimeoutError.isInstance(error)) console.warn(`gave up after ${error.timeoutMs} ms`);
 * ```
 */
export class RequestTimeoutError extends BenchHubError {
  override readonly isRetryable = true;
  /** Always `undefined`: the request got no HTTP answer. */
  readonly statusCode: number | undefined = undefined;
  /** The timeout that elapsed, in milliseconds. */
  readonly timeoutMs: number;

  constructor(timeoutMs: number, options: BenchHubErrorOptions = {}) {
    super(`Request timed out after ${timeoutMs} ms`, options);
    Object.defineProperty(this, MARKER, { value: true });
    this.name = 'RequestTimeoutError';
    this.timeoutMs = timeoutMs;
  }

  static override isInstance = markerGuard<RequestTimeoutError>(MARKER);
}
