/**
 * @packageDocumentation
 * `@benchhub/providers/ai-sdk`: any Vercel AI SDK language model as a BenchHub provider.
 * Generation needs only the model object; `embed()` loads the optional peer `ai` on first use.
 */
export { createAISdkProvider } from './ai-sdk-provider.js';
export type {
  AISdkEmbeddingModel,
  AISdkLanguageModel,
  AISdkProviderOptions,
  AISdkProviderOptionsRecord,
} from './options.js';
