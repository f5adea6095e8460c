/**
 * @packageDocumentation
 * `@benchhub/providers/openai`: models behind the official OpenAI API or any OpenAI-compatible server
 * (vLLM, Ollama, LM Studio, llama.cpp's server, Azure through a prebuilt `AzureOpenAI` client), on the
 * `openai` SDK, an optional peer dependency loaded on the first call.
 */
export type {
  MaxTokensField,
  OpenAIClient,
  OpenAICompatibleProviderOptions,
  OpenAIProviderOptions,
} from './options.js';
export { createOpenAICompatibleProvider, createOpenAIProvider } from './provider.js';
export { NO_API_KEY } from './sdk.js';
