import { lazyPeer, type PeerDependency } from '../shared/index.js';
import type { OpenAIClient, OpenAIProviderOptions } from './options.js';

/** The `openai` package as the provider loads it (on the first call, never at import). */
export type OpenAIModule = typeof import('openai');

/** Loads the `openai` module: `(providerId, modelId) => Promise<module>`, as `lazyPeer` returns. */
export type OpenAILoader = (providerId: string, modelId: string) => Promise<OpenAIModule>;

/** The optional peer dependency behind `@benchhub/providers/openai`. */
export const OPENAI_PEER: PeerDependency = {
  packageName: 'openai',
  range: '^6.30.0',
  neededBy: '@benchhub/providers/openai',
};

/** Loads `openai` on first use; a missing package fails the call with a message naming it. */
export const loadOpenAI: OpenAILoader = lazyPeer(OPENAI_PEER, () => import('openai'));

/** The official API's base URL, passed explicitly so the SDK never reads `OPENAI_BASE_URL`. */
export const OFFICIAL_BASE_URL = 'https://api.openai.com/v1';

/**
 * The key sent to a server that needs none (`baseURL` given, no `apiKey`): the SDK refuses to build a
 * client without a key, and servers without authentication (Ollama, vLLM, LM Studio, llama.cpp's server
 * without `--api-key`) ignore the `Authorization: Bearer no-key` header.
 */
export const NO_API_KEY = 'no-key';

/** The key the client is built with, or `undefined` when the official API was given none. */
export function resolveApiKey(options: OpenAIProviderOptions): string | undefined {
  if (options.apiKey !== undefined && options.apiKey !== '') return options.apiKey;
  return options.baseURL === undefined ? undefined : NO_API_KEY;
}

/**
 * Builds the SDK client from the options: retries off, every setting explicit (key, base URL,
 * organization, project, log level) so the SDK reads none of its `OPENAI_*` environment variables for
 * them, and `fetchImpl` as its transport. (The SDK still reads `OPENAI_CUSTOM_HEADERS` when it builds
 * a client; no option turns that off.)
 */
export function buildClient(
  sdk: OpenAIModule,
  options: OpenAIProviderOptions,
  apiKey: string,
  fetchImpl: typeof fetch,
): OpenAIClient {
  return new sdk.OpenAI({
    apiKey,
    adminAPIKey: null,
    webhookSecret: null,
    baseURL: options.baseURL ?? OFFICIAL_BASE_URL,
    organization: options.organization ?? null,
    project: options.project ?? null,
    maxRetries: 0,
    logLevel: 'off',
    fetch: fetchImpl,
    ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
    ...(options.headers === undefined ? {} : { defaultHeaders: { ...options.headers } }),
  });
}
