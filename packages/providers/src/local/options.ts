import { basename } from 'node:path';
import { type Logger, silentLogger } from '@benchhub/core';

/** How much of node-llama-cpp's own log output reaches the logger. */
export type LocalLogLevel = 'error' | 'warn' | 'info' | 'debug';

/** Precision of the attention key/value cache. */
export type KvCacheType = 'f32' | 'f16';

/**
 * Options of {@link createLocalProvider}: a GGUF model file run on the CPU (or a GPU) by node-llama-cpp.
 *
 * @example
 * ```ts
 * const options: LocalProviderOptions = { modelPath: './models/stories260K.gguf', threads: 1, contextSize: 2048 };
 * ```
 */
export interface LocalProviderOptions {
  /** Path of the `.gguf` model file. */
  modelPath: string;
  /** The model's name in results. Default: the file name of `modelPath` (`stories260K.gguf`). */
  modelId?: string;
  /** Provider id in results and errors. Default `local-gguf`. */
  providerId?: string;
  /**
   * CPU threads for evaluation. Default 1: on small machines more threads than free cores make decoding
   * collapse (2 threads on a busy 2-core machine fell to a few tokens/s). Raise it on larger machines.
   */
  threads?: number;
  /** Tokens each sequence can hold (prompt + generation). Default: the model's training context, at most 4096. */
  contextSize?: number;
  /**
   * Use a GPU when node-llama-cpp finds one (`true`: its `auto` detection). Default `false`: CPU only,
   * so nothing is downloaded or compiled.
   */
  gpu?: boolean;
  /**
   * Independent sequences in the context, i.e. calls that can run at once (`capabilities.maxConcurrency`).
   * Each one holds `contextSize` tokens of cache. Default 1.
   */
  sequences?: number;
  /** Alias of `sequences`, as in the other providers' options. */
  maxConcurrency?: number;
  /**
   * Precision of the key/value cache. Default `f32`: log-likelihoods then do not depend on how the tokens
   * were batched (with `f16` they drift by about 1e-3 between a cached prefix and a fresh evaluation), and
   * on the CPU it is also faster for small models. `f16` halves the cache memory of large models.
   */
  kvCacheType?: KvCacheType;
  /** Flash attention. Default `false` (on the CPU it slowed small models down by a third). */
  flashAttention?: boolean;
  /**
   * Keep generating past the end-of-generation token, until `maxTokens` or the context is full (llama.cpp's
   * `ignore_eos`, for throughput measurements). Also per call with `extra: { ignoreEos: true }`. Default false.
   */
  ignoreEos?: boolean;
  /**
   * Receives node-llama-cpp's log lines instead of the console. Default: silent. llama.cpp's log hook is
   * process-wide: with several models loaded in one process, lines go to the most recently loaded one's logger.
   */
  logger?: Logger;
  /** Least severe node-llama-cpp log level forwarded to `logger`. Default `warn`. */
  logLevel?: LocalLogLevel;
  /** Put a small `raw` record (token ids, stop reason, resolved settings) on generate results. Default false. */
  includeRaw?: boolean;
}

/** The options with every default filled in. */
export interface LocalSettings {
  modelPath: string;
  modelId: string;
  providerId: string;
  threads: number;
  contextSize: number | undefined;
  gpu: boolean;
  sequences: number;
  kvCacheType: KvCacheType;
  flashAttention: boolean;
  ignoreEos: boolean;
  logger: Logger;
  logLevel: LocalLogLevel;
  includeRaw: boolean;
}

function positiveInteger(
  value: number | undefined,
  name: string,
  fallback: number | undefined,
): number | undefined {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`createLocalProvider: ${name} must be a positive integer, got ${value}`);
  }
  return value;
}

/**
 * Fills in the defaults of {@link LocalProviderOptions} and checks the numbers.
 *
 * @throws RangeError when `threads`, `contextSize` or `sequences` is not a positive integer, or `modelPath` is empty.
 */
export function resolveLocalSettings(options: LocalProviderOptions): LocalSettings {
  if (typeof options.modelPath !== 'string' || options.modelPath.trim() === '') {
    throw new RangeError('createLocalProvider: modelPath must name a .gguf file');
  }
  return {
    modelPath: options.modelPath,
    modelId: options.modelId ?? basename(options.modelPath),
    providerId: options.providerId ?? 'local-gguf',
    threads: positiveInteger(options.threads, 'threads', 1) as number,
    contextSize: positiveInteger(options.contextSize, 'contextSize', undefined),
    gpu: options.gpu ?? false,
    sequences: positiveInteger(options.sequences ?? options.maxConcurrency, 'sequences', 1) as number,
    kvCacheType: options.kvCacheType ?? 'f32',
    flashAttention: options.flashAttention ?? false,
    ignoreEos: options.ignoreEos ?? false,
    logger: options.logger ?? silentLogger,
    logLevel: options.logLevel ?? 'warn',
    includeRaw: options.includeRaw ?? false,
  };
}
