/**
 * @packageDocumentation
 * `@benchhub/core/testing`: test doubles and fixtures for code built on BenchHub's contracts.
 * Importing it does no I/O, reads no environment variable and starts no timer.
 */

export {
  checkProviderConformance,
  type ProviderConformanceCapabilities,
  type ProviderConformanceCase,
  type ProviderConformanceFaults,
  type ProviderConformanceOptions,
  type ProviderConformanceOutcome,
  type ProviderConformanceTestApi,
  providerConformanceCases,
  runProviderConformance,
} from './testing/conformance/provider.js';
export { type QueueConformanceOptions, runQueueConformance } from './testing/conformance/queue.js';
export { runStorageConformance, type StorageConformanceOptions } from './testing/conformance/storage.js';
export { fixtureSamples } from './testing/fixtures.js';
export * from './testing/http/index.js';
export {
  createMockProvider,
  type MockCallOutcome,
  type MockCallRecord,
  type MockEmbedCall,
  type MockFaultOptions,
  type MockGenerateCall,
  type MockLogLikelihoodCall,
  type MockProvider,
  type MockProviderOptions,
  type MockResponse,
} from './testing/mock-provider.js';
