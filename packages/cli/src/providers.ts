import { availableParallelism } from 'node:os';
import { BenchHubError, type ModelSpecInput, type Plan } from '@benchhub/core';
import { createProviderResolver, type ProviderResolver, parseModelRef } from '@benchhub/providers';
import type { CliContext } from './context.js';

/** The models `--model auto` finds in the environment, and the note to print when it finds none. */
export interface DetectedModels {
  models: ModelSpecInput[];
  /** What was found, or what to set; printed to stderr. */
  note: string;
}

/** Default models `--model auto` evaluates for each key; each can be overridden by its `*_MODEL` variable. */
export const AUTO_MODEL_DEFAULTS = {
  openai: 'gpt-4o-mini',
  anthropic: 'claude-haiku-4-5',
  huggingface: 'Qwen/Qwen2.5-7B-Instruct',
} as const;

/**
 * The real models the environment makes available, for `--model auto`: `OPENAI_API_KEY` (model
 * `OPENAI_MODEL`, endpoint `OPENAI_BASE_URL`), `ANTHROPIC_API_KEY` (`ANTHROPIC_MODEL`), `HF_TOKEN`
 * (`HF_MODEL`), an OpenAI-compatible server at `BENCHHUB_BASE_URL` serving `BENCHHUB_MODEL` (key
 * `BENCHHUB_API_KEY` if it needs one), and a GGUF file at `BENCHHUB_GGUF`. Keys stay `${VAR}` references.
 */
export function detectModels(env: CliContext['env']): DetectedModels {
  const set = (name: string): string | undefined =>
    env[name] === undefined || env[name] === '' ? undefined : env[name];
  const models: ModelSpecInput[] = [];
  if (set('OPENAI_API_KEY'))
    models.push({
      provider: 'openai',
      model: set('OPENAI_MODEL') ?? AUTO_MODEL_DEFAULTS.openai,
      apiKey: '${OPENAI_API_KEY}',
      ...(set('OPENAI_BASE_URL') ? { baseUrl: '${OPENAI_BASE_URL}' } : {}),
    });
  if (set('ANTHROPIC_API_KEY'))
    models.push({
      provider: 'anthropic',
      model: set('ANTHROPIC_MODEL') ?? AUTO_MODEL_DEFAULTS.anthropic,
      apiKey: '${ANTHROPIC_API_KEY}',
    });
  if (set('HF_TOKEN'))
    models.push({
      provider: 'huggingface',
      model: set('HF_MODEL') ?? AUTO_MODEL_DEFAULTS.huggingface,
      apiKey: '${HF_TOKEN}',
    });
  const baseUrl = set('BENCHHUB_BASE_URL');
  if (baseUrl) {
    const model = set('BENCHHUB_MODEL');
    if (model === undefined)
      throw new BenchHubError(
        'BENCHHUB_BASE_URL is set: also set BENCHHUB_MODEL to the model the server serves',
      );
    models.push({
      provider: 'openai-compatible',
      model,
      baseUrl: '${BENCHHUB_BASE_URL}',
      ...(set('BENCHHUB_API_KEY') ? { apiKey: '${BENCHHUB_API_KEY}' } : {}),
    });
  }
  const gguf = set('BENCHHUB_GGUF');
  if (gguf) models.push({ provider: 'local-gguf', model: gguf });
  const note =
    models.length > 0
      ? `--model auto: evaluating ${models.map((m) => `${m.provider}:${m.model}`).join(', ')}`
      : '--model auto: no real model found (set OPENAI_API_KEY, ANTHROPIC_API_KEY or HF_TOKEN, BENCHHUB_BASE_URL with BENCHHUB_MODEL for an OpenAI-compatible server such as Ollama or vLLM, or BENCHHUB_GGUF to a GGUF file); the plan runs with its own models only';
  return { models, note };
}

/**
 * The plan with the `--model` references added after its own models: `provider:model` strings
 * (`openai:gpt-4o-mini`, `local:./model.gguf`, `ollama:llama3.1:8b`) or `auto` for what
 * {@link detectModels} finds. A model already in the plan is not added twice.
 */
export function withExtraModels(plan: Plan, refs: readonly string[], ctx: CliContext): Plan {
  const added: ModelSpecInput[] = [];
  for (const ref of refs) {
    if (ref === 'auto') {
      const detected = detectModels(ctx.env);
      ctx.logger.info(detected.note);
      added.push(...detected.models);
    } else {
      added.push(parseModelRef(ref));
    }
  }
  const ids = new Set(plan.models.map((m) => m.id));
  const models = [...plan.models];
  for (const model of added) {
    const id = model.id ?? `${model.provider}:${model.model}`;
    if (ids.has(id)) continue;
    ids.add(id);
    models.push({ ...model, id } as Plan['models'][number]);
  }
  return { ...plan, models };
}

/** Threads for local GGUF models: one core left for the rest of the process (1 on a 2-core machine). */
export function defaultLocalThreads(): number {
  return Math.max(1, Math.min(8, availableParallelism() - 1));
}

/**
 * The CLI's provider resolver: every provider of `@benchhub/providers`, keys from the environment,
 * local GGUF paths relative to the working directory, local runtime logs through the CLI's logger.
 */
export function createCliProviders(ctx: CliContext, options: { threads?: number } = {}): ProviderResolver {
  return createProviderResolver({
    env: ctx.env,
    cwd: ctx.cwd,
    logger: ctx.logger,
    defaults: { 'local-gguf': { threads: options.threads ?? defaultLocalThreads() } },
  });
}
