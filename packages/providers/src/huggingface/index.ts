/**
 * @packageDocumentation
 * `@benchhub/providers/huggingface`: models on Hugging Face Inference Providers or a dedicated endpoint
 * (Inference Endpoints, TGI, vLLM) through `@huggingface/inference`.
 */
export type {
  HuggingFaceCallOptions,
  HuggingFaceInferenceClient,
  HuggingFaceProviderOptions,
  HuggingFaceTask,
} from './options.js';
export { meanPool, toPooledVectors } from './pooling.js';
export { createHuggingFaceProvider } from './provider.js';
