/**
 * @packageDocumentation
 * `@benchhub/core`: the contracts, domain model, plan format, datasets and prompts of BenchHub.
 * Importing it does no I/O, reads no environment variable, starts no timer and installs no handler.
 */
export * from './cache/index.js';
export * from './datasets/index.js';
export * from './domain/index.js';
export * from './engine/index.js';
export * from './errors/index.js';
export * from './leaderboard/index.js';
export * from './logger/logger.js';
export * from './metrics/index.js';
export * from './plan/index.js';
export * from './prompts/index.js';
export * from './providers/index.js';
export * from './queue/index.js';
export * from './rate-limit/index.js';
export * from './retry/index.js';
export * from './scoring/index.js';
export * from './spec/index.js';
export * from './statistics/index.js';
export * from './storage/index.js';
export * from './taxonomy/index.js';
export * from './text/index.js';
