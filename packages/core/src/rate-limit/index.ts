export {
  type AdaptiveConcurrency,
  type AdaptiveConcurrencyOptions,
  type ConcurrencyLimitChange,
  createAdaptiveConcurrency,
} from './adaptive-concurrency.js';
export { type ConcurrencyLimiter, createConcurrencyLimiter } from './concurrency-limiter.js';
export {
  createInProcessRateLimiter,
  type InProcessRateLimiter,
  type InProcessRateLimiterOptions,
} from './in-process-rate-limiter.js';
export { isOverloadError } from './overload.js';
export { TokenBucket } from './token-bucket.js';
