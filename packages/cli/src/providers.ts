import {
  BASELINE_MODELS,
  BenchHubError,
  createBaselineProvider,
  type ModelProviderV1,
  type ModelSpec,
} from '@benchhub/core';

/**
 * Builds the provider of one plan model. Today the CLI knows the `baseline` models (no key needed); the
 * vendor providers (OpenAI, Anthropic, Hugging Face, OpenAI-compatible, local GGUF) plug in here when the
 * providers package lands. A `function` model only exists in code: use `evaluate()` from a script.
 */
export function resolveCliProvider(model: ModelSpec): ModelProviderV1 {
  if (model.provider === 'baseline') return createBaselineProvider(model.model, { seed: 0 });
  const hint =
    model.provider === 'function'
      ? 'a function model exists only in code: call evaluate(plan, { providers }) from a script'
      : `use provider "baseline" (models: ${BASELINE_MODELS.join(', ')}) until the providers package is installed`;
  throw new BenchHubError(
    `model "${model.id ?? model.model}": provider "${model.provider}" is not available in the CLI; ${hint}`,
  );
}
