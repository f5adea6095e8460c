import { BenchHubError, type BenchHubErrorOptions, markerGuard } from './benchhub-error.js';

const MARKER = Symbol.for('benchhub.error.provider-call');

/** Details of a failed model call. */
export interface ProviderCallErrorOptions extends BenchHubErrorOptions {
  /** Provider id, e.g. `openai`. */
  provider: string;
  /** Model name as the provider knows it. */
  model: string;
  /** HTTP status code when the call reached a server. */
  statusCode?: number;
  /** Whether retrying may succeed; by default true for 408, 409, 429, 5xx and network errors. */
  isRetryable?: boolean;
  /** Server-requested wait before the next attempt (from `Retry-After`), in milliseconds. */
  retryAfterMs?: number;
  /** The response body, truncated, with secrets removed. */
  responseBody?: string;
}

/**
 * A model call failed. A failed call is recorded as an error on the sample result, never as a score of 0.
 */
export class ProviderCallError extends BenchHubError {
  override readonly isRetryable: boolean;
  readonly provider: string;
  readonly model: string;
  readonly statusCode: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly responseBody: string | undefined;

  constructor(message: string, options: ProviderCallErrorOptions) {
    super(message, options);
    Object.defineProperty(this, MARKER, { value: true });
    this.name = 'ProviderCallError';
    this.provider = options.provider;
    this.model = options.model;
    this.statusCode = options.statusCode;
    this.retryAfterMs = options.retryAfterMs;
    this.responseBody = options.responseBody;
    this.isRetryable = options.isRetryable ?? isRetryableStatus(options.statusCode);
  }

  static override isInstance = markerGuard<ProviderCallError>(MARKER);
}

/** Whether an HTTP status (or its absence, a network failure) is worth retrying. */
export function isRetryableStatus(statusCode: number | undefined): boolean {
  if (statusCode === undefined) return true;
  return statusCode === 408 || statusCode === 409 || statusCode === 429 || statusCode >= 500;
}
