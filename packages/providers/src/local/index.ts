/**
 * @packageDocumentation
 * `@benchhub/providers/local`: GGUF models run in-process by node-llama-cpp (an optional peer dependency),
 * with generation and lm-evaluation-harness log-likelihoods for offline multiple-choice scoring.
 */
export { createLocalProvider, type LocalProvider, loadLocalProvider } from './local-provider.js';
export type { KvCacheType, LocalLogLevel, LocalProviderOptions } from './options.js';
