export {
  type CachedCallOptions,
  type CachedCallResult,
  type CachedCallSource,
  cachedCall,
} from './cached-call.js';
export { createMemoryCache, type MemoryCache, type MemoryCacheOptions } from './memory-cache.js';
export { createSingleFlight, type SingleFlight, type SingleFlightResult } from './single-flight.js';
