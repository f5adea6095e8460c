import { isAbsolute, resolve } from 'node:path';
import {
  BenchHubError,
  createBaselineProvider,
  envPlaceholderName,
  type Logger,
  type ModelProviderV1,
  type ModelSpecInput,
  secretRefVariable,
} from '@benchhub/core';
import { createAnthropicProvider } from '../anthropic/index.js';
import { createHuggingFaceProvider } from '../huggingface/index.js';
import { createLocalProvider } from '../local/index.js';
import { createOpenAICompatibleProvider, createOpenAIProvider } from '../openai/index.js';
import { checkAdapterOptions } from './adapter-options.js';
import { COMPATIBLE_SERVER_DEFAULTS, canonicalProviderId, parseModelRef } from './model-ref.js';

/** The environment variables the providers read their API key from when the plan names none. */
export const DEFAULT_API_KEY_ENV: Readonly<Record<string, readonly string[]>> = {
  openai: ['OPENAI_API_KEY'],
  anthropic: ['ANTHROPIC_API_KEY'],
  huggingface: ['HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN'],
};

/** A model as the resolver takes it: a plan's model entry, or a `provider:model` reference. */
export type ModelRef = string | ModelSpecInput;

/** Builds the provider of a model entry whose provider id is not built in. */
export type CustomProviderFactory = (
  model: ModelSpecInput & { provider: string },
) => ModelProviderV1 | Promise<ModelProviderV1>;

/** Options of {@link createProviderResolver}. */
export interface ProviderResolverOptions {
  /**
   * Where API keys are read from: a model's `${VAR}` / `{ env: VAR }` reference, else the provider's
   * default variable (`OPENAI_API_KEY`, `ANTHROPIC_API_KEY`, `HF_TOKEN`). Pass `process.env` in an
   * application; the default is empty (the package never reads the environment itself).
   */
  env?: Readonly<Record<string, string | undefined>>;
  /** Base folder of relative GGUF paths. Default: the process's working directory at call time. */
  cwd?: string;
  /** Receives the local runtime's log lines. Default: silent. */
  logger?: Logger;
  /** Adapter options per provider id, under the model's own `options` (e.g. `{ 'local-gguf': { threads: 1 } }`). */
  defaults?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Providers for the plan's `function` models, by model name or id (`provider: function, model: echo`). */
  functions?: Readonly<Record<string, ModelProviderV1>>;
  /** Factories for provider ids BenchHub does not ship (`provider: my-gateway`). */
  custom?: Readonly<Record<string, CustomProviderFactory>>;
}

/**
 * Turns plan model entries (or `provider:model` strings) into providers. Pass it to `evaluate` as
 * `providers`; call `close()` when the run is over to release local models.
 */
export interface ProviderResolver {
  (model: ModelRef): Promise<ModelProviderV1>;
  /** Closes every provider this resolver built (local models are unloaded). */
  close(): Promise<void>;
}

function apiKeyOf(
  model: ModelSpecInput,
  provider: string,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  if (model.apiKey !== undefined) {
    // A key already resolved by the engine (`evaluate(plan, { env })`) arrives as the value itself.
    const variable = secretRefVariable(model.apiKey);
    if (variable === undefined) return typeof model.apiKey === 'string' ? model.apiKey : undefined;
    const value = env[variable];
    if (value === undefined || value === '')
      throw new BenchHubError(
        `environment variable ${variable} (the apiKey of ${provider}:${model.model}) is not set`,
      );
    return value;
  }
  for (const name of DEFAULT_API_KEY_ENV[provider] ?? []) {
    const value = env[name];
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

function baseUrlOf(
  model: ModelSpecInput,
  written: string,
  env: Readonly<Record<string, string | undefined>>,
) {
  const url = model.baseUrl ?? COMPATIBLE_SERVER_DEFAULTS[written];
  const variable = url === undefined ? undefined : envPlaceholderName(url);
  if (variable === undefined) return url;
  const value = env[variable];
  if (value === undefined || value === '')
    throw new BenchHubError(
      `environment variable ${variable} (the baseUrl of ${model.provider}:${model.model}) is not set`,
    );
  return value;
}

function requireKey(key: string | undefined, provider: string, model: string): string {
  if (key !== undefined) return key;
  const names = DEFAULT_API_KEY_ENV[provider] ?? [];
  throw new BenchHubError(
    `${provider}:${model} needs an API key: set ${names.join(' or ')} or give the model apiKey: '\${VAR}' in the plan`,
  );
}

function cacheKey(
  model: ModelSpecInput,
  options: Readonly<Record<string, unknown>>,
  key: string | undefined,
): string {
  return JSON.stringify([model.provider, model.model, model.baseUrl ?? null, options, key ?? null]);
}

/**
 * Creates the resolver that builds providers from plan model entries: `openai`, `anthropic`,
 * `huggingface` (alias `hf`), `openai-compatible` (aliases `ollama`, `vllm`, `lm-studio` with their default
 * endpoints), `local-gguf` (alias `local`; the model is the GGUF path), `baseline`, `function` models given
 * in `functions`, and any id in `custom`. Keys come from the model's `${VAR}` reference or the provider's
 * default variable in `env`, are handed to the vendor SDK only, and never appear in errors or results.
 * One provider is built per distinct model entry and reused (a local model is loaded once).
 *
 * @example
 * ```ts
 * const providers = createProviderResolver({ env: process.env, defaults: { 'local-gguf': { threads: 1 } } });
 * try {
 *   const result = await evaluate(plan, { providers, env: process.env });
 *   const judge = await providers('openai:gpt-4o-mini'); // a model of its own, outside any plan
 * } finally {
 *   await providers.close();
 * }
 * ```
 */
export function createProviderResolver(options: ProviderResolverOptions = {}): ProviderResolver {
  const env = options.env ?? {};
  const built = new Map<string, Promise<ModelProviderV1>>();

  const build = async (
    model: ModelSpecInput & { provider: string },
    written: string,
    adapter: Readonly<Record<string, unknown>>,
    key: string | undefined,
  ): Promise<ModelProviderV1> => {
    const provider = model.provider;
    const custom = options.custom?.[written] ?? options.custom?.[provider];
    if (custom !== undefined) return custom(model);
    const common = {
      model: model.model,
      ...(model.concurrency === undefined ? {} : { maxConcurrency: model.concurrency }),
    };
    const baseURL = baseUrlOf(model, written, env);
    switch (provider) {
      case 'openai':
        return createOpenAIProvider({
          ...adapter,
          ...common,
          apiKey: requireKey(key, provider, model.model),
          ...(baseURL === undefined ? {} : { baseURL }),
        });
      case 'openai-compatible':
        if (baseURL === undefined)
          throw new BenchHubError(
            `openai-compatible:${model.model} needs a baseUrl, e.g. http://localhost:8000/v1 (vLLM) or http://localhost:11434/v1 (Ollama)`,
          );
        return createOpenAICompatibleProvider({
          ...adapter,
          ...common,
          baseURL,
          ...(key === undefined ? {} : { apiKey: key }),
        });
      case 'anthropic':
        return createAnthropicProvider({
          ...adapter,
          ...common,
          apiKey: requireKey(key, provider, model.model),
          ...(baseURL === undefined ? {} : { baseURL }),
        });
      case 'huggingface':
        return createHuggingFaceProvider({
          ...adapter,
          ...common,
          ...(baseURL === undefined
            ? { apiKey: requireKey(key, provider, model.model) }
            : { endpointUrl: baseURL, ...(key === undefined ? {} : { apiKey: key }) }),
        });
      case 'local-gguf': {
        const modelPath = isAbsolute(model.model)
          ? model.model
          : resolve(options.cwd ?? process.cwd(), model.model);
        return createLocalProvider({
          ...adapter,
          modelPath,
          ...(options.logger === undefined ? {} : { logger: options.logger }),
        });
      }
      case 'baseline':
        return createBaselineProvider(model.model, { seed: 0 });
      case 'function': {
        const found = options.functions?.[model.id ?? ''] ?? options.functions?.[model.model];
        if (found !== undefined) return found;
        throw new BenchHubError(
          `function model "${model.model}" exists only in code: pass it in createProviderResolver({ functions: { '${model.model}': provider } })`,
        );
      }
      default:
        throw new BenchHubError(
          `unknown provider "${written}": use openai, anthropic, huggingface (hf), openai-compatible (ollama, vllm, lm-studio), local-gguf (local), baseline, function, or register it in createProviderResolver({ custom })`,
        );
    }
  };

  const resolver = (async (ref: ModelRef): Promise<ModelProviderV1> => {
    const written = typeof ref === 'string' ? ref.slice(0, Math.max(0, ref.indexOf(':'))) : ref.provider;
    const parsed =
      typeof ref === 'string' ? parseModelRef(ref) : { ...ref, provider: canonicalProviderId(ref.provider) };
    const where =
      typeof ref === 'string' ? `model "${ref}"` : `model "${ref.id ?? `${ref.provider}:${ref.model}`}"`;
    const adapter = checkAdapterOptions(
      parsed.provider,
      { ...options.defaults?.[parsed.provider], ...parsed.options },
      where,
    );
    const key = apiKeyOf(parsed, parsed.provider, env);
    const id = cacheKey(parsed, adapter, key);
    let provider = built.get(id);
    if (provider === undefined) {
      provider = build(parsed, written, adapter, key);
      built.set(id, provider);
      provider.catch(() => built.delete(id));
    }
    return provider;
  }) as ProviderResolver;

  resolver.close = async () => {
    const providers = await Promise.allSettled(built.values());
    built.clear();
    await Promise.all(providers.map((p) => (p.status === 'fulfilled' ? p.value.close?.() : undefined)));
  };
  return resolver;
}
