import { stat } from 'node:fs/promises';
import type { Logger } from '@benchhub/core';
import type { Llama, LlamaContext, LlamaContextSequence, LlamaLogLevel, LlamaModel } from 'node-llama-cpp';
import { lazyPeer } from '../shared/index.js';
import { type LocalIds, localCallError, toLocalCallError } from './errors.js';
import type { LocalSettings } from './options.js';
import { SequencePool } from './sequence-pool.js';

const loadNodeLlamaCpp = lazyPeer(
  { packageName: 'node-llama-cpp', range: '3.21.1', neededBy: '@benchhub/providers/local' },
  () => import('node-llama-cpp'),
);

/** Largest context a model gets when `contextSize` is not given (its training context may be far larger). */
const DEFAULT_MAX_CONTEXT = 4096;

/** A loaded model ready to evaluate: the llama.cpp binding, the model, one context and its sequences. */
export interface LocalRuntime {
  readonly llama: Llama;
  readonly model: LlamaModel;
  readonly context: LlamaContext;
  /** Tokens each sequence holds. */
  readonly contextSize: number;
  /** The context's sequences, one call at a time each. */
  readonly pool: SequencePool<LlamaContextSequence>;
  /** `TokenBias` of node-llama-cpp, for `ignoreEos`. */
  readonly TokenBias: typeof import('node-llama-cpp').TokenBias;
  /** `LlamaGrammarEvaluationState` of node-llama-cpp, for structured output. */
  readonly LlamaGrammarEvaluationState: typeof import('node-llama-cpp').LlamaGrammarEvaluationState;
}

/** node-llama-cpp's log callback writing to a BenchHub logger (never to the console). */
function forwardLogs(logger: Logger, ids: LocalIds): (level: LlamaLogLevel, message: string) => void {
  const fields = { source: 'node-llama-cpp', provider: ids.providerId, model: ids.modelId };
  return (level, message) => {
    const text = message.trimEnd();
    if (text === '') return;
    switch (level as string) {
      case 'fatal':
      case 'error':
        logger.error(text, fields);
        break;
      case 'warn':
        logger.warn(text, fields);
        break;
      case 'info':
        logger.info(text, fields);
        break;
      default:
        logger.debug(text, fields);
    }
  };
}

async function checkModelFile(settings: LocalSettings): Promise<void> {
  let isFile: boolean;
  try {
    isFile = (await stat(settings.modelPath)).isFile();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why = code === 'ENOENT' ? 'not found' : `not readable (${String(code ?? error)})`;
    throw localCallError(settings, `model file ${why}: ${settings.modelPath} — check modelPath`, {
      cause: error,
    });
  }
  if (!isFile) throw localCallError(settings, `modelPath is not a file: ${settings.modelPath}`);
}

/**
 * Loads node-llama-cpp (CPU build only unless `gpu`, never downloading or compiling), the GGUF model and a
 * context with `sequences` sequences. Everything loaded so far is disposed when a later step fails.
 *
 * @throws ProviderCallError (not retryable) when the file is missing, node-llama-cpp is not installed,
 *   or the model cannot be loaded.
 */
export async function loadRuntime(settings: LocalSettings): Promise<LocalRuntime> {
  await checkModelFile(settings);
  const lib = await loadNodeLlamaCpp(settings.providerId, settings.modelId);
  const levels = lib.LlamaLogLevel;
  const logLevel = { error: levels.error, warn: levels.warn, info: levels.info, debug: levels.debug }[
    settings.logLevel
  ];
  let llama: Llama | undefined;
  let model: LlamaModel | undefined;
  try {
    llama = await lib.getLlama({
      gpu: settings.gpu ? 'auto' : false,
      build: 'never',
      skipDownload: true,
      progressLogs: false,
      maxThreads: settings.threads,
      logLevel,
      logger: forwardLogs(settings.logger, settings),
    });
    model = await llama.loadModel({ modelPath: settings.modelPath });
    const contextSize = settings.contextSize ?? Math.min(model.trainContextSize || 2048, DEFAULT_MAX_CONTEXT);
    const kvType = settings.kvCacheType === 'f32' ? 'F32' : 'F16';
    const context = await model.createContext({
      contextSize,
      sequences: settings.sequences,
      threads: settings.threads,
      flashAttention: settings.flashAttention,
      experimentalKvCacheKeyType: kvType,
      experimentalKvCacheValueType: kvType,
      failedCreationRemedy: false,
    });
    const sequences = Array.from({ length: settings.sequences }, () => context.getSequence());
    settings.logger.debug('local model loaded', {
      provider: settings.providerId,
      model: settings.modelId,
      contextSize: context.contextSize,
      sequences: settings.sequences,
      threads: settings.threads,
    });
    return {
      llama,
      model,
      context,
      contextSize: context.contextSize,
      pool: new SequencePool(sequences),
      TokenBias: lib.TokenBias,
      LlamaGrammarEvaluationState: lib.LlamaGrammarEvaluationState,
    };
  } catch (error) {
    await model?.dispose().catch(() => {});
    await llama?.dispose().catch(() => {});
    throw toLocalCallError(settings, error, `loading ${settings.modelPath}`);
  }
}

/** Frees the context, the model and the binding of a runtime. */
export async function disposeRuntime(runtime: LocalRuntime): Promise<void> {
  await runtime.context.dispose();
  await runtime.model.dispose();
  await runtime.llama.dispose();
}
