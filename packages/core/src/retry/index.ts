export { type BackoffOptions, backoffDelay, type JitterMode } from './backoff.js';
export { RequestTimeoutError } from './request-timeout-error.js';
export { abortableSleep, type SleepFunction } from './sleep.js';
export {
  errorIsRetryable,
  errorRetryAfterMs,
  type RetryGiveUpReason,
  type RetryInfo,
  type RetryOptions,
  type RetryOutcome,
  withRetry,
} from './with-retry.js';
export { withTimeout } from './with-timeout.js';
