import { BenchHubError, type ModelSpecInput } from '@benchhub/core';

/** Short provider names accepted in model references and plans, and the provider id each stands for. */
export const PROVIDER_ALIASES: Readonly<Record<string, string>> = {
  hf: 'huggingface',
  'hugging-face': 'huggingface',
  local: 'local-gguf',
  gguf: 'local-gguf',
  'llama-cpp': 'local-gguf',
  compatible: 'openai-compatible',
  ollama: 'openai-compatible',
  vllm: 'openai-compatible',
  'lm-studio': 'openai-compatible',
};

/**
 * Default endpoints of the OpenAI-compatible servers that have a well-known one (Ollama, LM Studio and
 * vLLM serve on these ports unless told otherwise); any of them can be overridden with a base URL.
 */
export const COMPATIBLE_SERVER_DEFAULTS: Readonly<Record<string, string>> = {
  ollama: 'http://localhost:11434/v1',
  'lm-studio': 'http://localhost:1234/v1',
  vllm: 'http://localhost:8000/v1',
};

/** The provider id an alias stands for (`hf` → `huggingface`); other ids are returned as they are. */
export function canonicalProviderId(provider: string): string {
  return PROVIDER_ALIASES[provider] ?? provider;
}

/**
 * Reads a model reference written as one string, as the CLI's `--model` and scripts take it:
 * `provider:model`, with `@<base URL>` at the end for an OpenAI-compatible server. The model part keeps
 * every character (`/`, `:` and `@` inside it included).
 *
 * @example
 * ```ts
 * parseModelRef('openai:gpt-4o-mini');              // { provider: 'openai', model: 'gpt-4o-mini' }
 * parseModelRef('hf:Qwen/Qwen2.5-72B-Instruct');    // { provider: 'huggingface', model: 'Qwen/Qwen2.5-72B-Instruct' }
 * parseModelRef('ollama:llama3.1:8b');              // openai-compatible at Ollama's default endpoint
 * parseModelRef('openai-compatible:Qwen/Qwen2.5-7B@http://localhost:8000/v1');
 * parseModelRef('local:./models/tiny.gguf');        // { provider: 'local-gguf', model: './models/tiny.gguf' }
 * ```
 * @throws BenchHubError when the reference has no `provider:` prefix or no model.
 */
export function parseModelRef(ref: string): ModelSpecInput & { provider: string; model: string } {
  const colon = ref.indexOf(':');
  if (colon <= 0 || colon === ref.length - 1) {
    throw new BenchHubError(
      `model reference "${ref}" must be provider:model, e.g. openai:gpt-4o-mini, anthropic:claude-haiku-4-5, hf:Qwen/Qwen2.5-7B-Instruct, local:./model.gguf or openai-compatible:NAME@http://host:port/v1`,
    );
  }
  const written = ref.slice(0, colon);
  let model = ref.slice(colon + 1);
  let baseUrl: string | undefined;
  const at = model.search(/@https?:\/\//);
  if (at > 0) {
    baseUrl = model.slice(at + 1);
    model = model.slice(0, at);
  }
  baseUrl ??= COMPATIBLE_SERVER_DEFAULTS[written];
  return { provider: canonicalProviderId(written), model, ...(baseUrl === undefined ? {} : { baseUrl }) };
}
