import { PLAN_PROVIDERS } from '../plan/draft.js';
import { LOCAL_SERVER_URLS } from './local-servers.js';

const PROVIDER_ALIASES: Readonly<Record<string, string>> = {
  hf: 'huggingface',
  local: 'local-gguf',
  gguf: 'local-gguf',
  compatible: 'openai-compatible',
  ollama: 'openai-compatible',
  vllm: 'openai-compatible',
  'lm-studio': 'openai-compatible',
};

/**
 * A `provider:model` reference from `PlanContext.models` as a draft model: `openai:gpt-4o-mini`,
 * `hf:Qwen/Qwen2.5-7B-Instruct`, `ollama:llama3.1:8b` (Ollama's default endpoint),
 * `openai-compatible:NAME@http://host:port/v1`. Returns undefined for a reference without a provider BenchHub
 * ships.
 */
export function parseContextModel(
  ref: string,
): { provider: string; model: string; baseUrl?: string } | undefined {
  const colon = ref.indexOf(':');
  if (colon <= 0) return undefined;
  const written = ref.slice(0, colon).trim().toLowerCase();
  const provider = PROVIDER_ALIASES[written] ?? written;
  if (!(PLAN_PROVIDERS as readonly string[]).includes(provider)) return undefined;
  let model = ref.slice(colon + 1).trim();
  let baseUrl: string | undefined;
  const at = model.lastIndexOf('@http');
  if (at > 0) {
    baseUrl = model.slice(at + 1);
    model = model.slice(0, at);
  }
  baseUrl ??= LOCAL_SERVER_URLS[written as keyof typeof LOCAL_SERVER_URLS];
  if (model === '') return undefined;
  return { provider, model, ...(baseUrl === undefined ? {} : { baseUrl }) };
}
