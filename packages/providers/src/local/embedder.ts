import type { LlamaEmbeddingContext } from 'node-llama-cpp';
import { type LocalIds, localCallError, toLocalCallError } from './errors.js';
import type { LocalRuntime } from './runtime.js';
import { SequencePool } from './sequence-pool.js';

/** Embeds texts with a llama.cpp embedding context created on first use, one call at a time. */
export interface LocalEmbedder {
  /** One vector per text, in order; checks `signal` between texts. */
  embed(texts: readonly string[], signal: AbortSignal | undefined): Promise<number[][]>;
  /** Frees the embedding context, if it was created. */
  dispose(): Promise<void>;
}

/**
 * An embedder over the runtime's model. The vectors are what llama.cpp's embedding mode returns for the
 * model (pooled as the GGUF declares); a generative model's vectors are weaker than a dedicated embedding
 * model's, but equal texts get equal vectors.
 */
export function createEmbedder(runtime: LocalRuntime, threads: number, ids: LocalIds): LocalEmbedder {
  let pool: Promise<SequencePool<LlamaEmbeddingContext>> | undefined;
  let created: LlamaEmbeddingContext | undefined;

  const ready = (): Promise<SequencePool<LlamaEmbeddingContext>> => {
    pool ??= runtime.model.createEmbeddingContext({ contextSize: runtime.contextSize, threads }).then(
      (context) => {
        created = context;
        return new SequencePool([context]);
      },
      (error: unknown) => {
        pool = undefined;
        throw toLocalCallError(ids, error, 'creating the embedding context');
      },
    );
    return pool;
  };

  return {
    async embed(texts, signal) {
      const contexts = await ready();
      return contexts.use(
        signal,
        () => 0,
        async (context) => {
          const vectors: number[][] = [];
          for (const text of texts) {
            if (signal?.aborted) break;
            if (text === '') throw localCallError(ids, 'cannot embed an empty text');
            try {
              vectors.push(Array.from((await context.getEmbeddingFor(text)).vector));
            } catch (error) {
              throw toLocalCallError(ids, error, 'embedding');
            }
          }
          if (signal?.aborted) throw signal.reason;
          return vectors;
        },
      );
    },
    async dispose() {
      await pool?.catch(() => undefined);
      await created?.dispose();
    },
  };
}
