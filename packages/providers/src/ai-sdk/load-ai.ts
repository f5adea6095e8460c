import { lazyPeer } from '../shared/index.js';
import type { AISdkEmbeddingModel } from './options.js';

/** The options of the `ai` package's `embedMany` that the bridge sets. */
export interface EmbedManyCall {
  model: AISdkEmbeddingModel;
  values: string[];
  maxRetries: number;
  abortSignal?: AbortSignal;
  headers?: Record<string, string>;
}

/** The part of the `ai` package the bridge uses. */
export interface AIModule {
  embedMany(options: EmbedManyCall): PromiseLike<{ embeddings: readonly (readonly number[])[] }>;
}

/**
 * Loads the `ai` package on the first `embed()` call (its `embedMany` splits texts by the model's
 * limits). Generation needs no runtime package: it calls the model object directly.
 */
export const loadAI: (providerId: string, modelId: string) => Promise<AIModule> = lazyPeer<AIModule>(
  { packageName: 'ai', range: '^6.0.0', neededBy: '@benchhub/providers/ai-sdk (embed)' },
  () => import('ai'),
);
