/**
 * @packageDocumentation
 * `@benchhub/core/testing`: test doubles and fixtures for code built on BenchHub's contracts.
 * Importing it does no I/O, reads no environment variable and starts no timer.
 */
export { fixtureSamples } from './testing/fixtures.js';
export {
  createMockProvider,
  type MockEmbedCall,
  type MockGenerateCall,
  type MockLogLikelihoodCall,
  type MockProvider,
  type MockProviderOptions,
  type MockResponse,
} from './testing/mock-provider.js';
