import { BenchHubError } from '../errors/benchhub-error.js';
import type { GenerateRequest, ModelProviderV1 } from '../spec/model-provider.js';
import { fnv1a32 } from '../text/fnv1a.js';
import { createFunctionProvider } from './function-provider.js';

/** The baseline models BenchHub ships: reference points that need no key, never real models. */
export const BASELINE_MODELS = ['random-choice', 'first-choice'] as const;
/** A baseline model name. */
export type BaselineModel = (typeof BASELINE_MODELS)[number];

/** Options of {@link createBaselineProvider}. */
export interface BaselineProviderOptions {
  /** Seed of `random-choice`: the same seed and prompt give the same answer on every machine. Default 0. */
  seed?: number;
}

/** Option letters of a rendered MCQA prompt: lines such as `A. …`, `(B) …` or `C) …`. */
const OPTION_LINE = /^\s*\(?([A-Z])[.)]\s/gm;

function promptText(prompt: GenerateRequest['prompt']): string {
  return typeof prompt === 'string' ? prompt : prompt.map((m) => m.content).join('\n');
}

/**
 * A clearly labelled baseline "model" for MCQA prompts, useful as a floor on a leaderboard and for runs
 * without an API key: `random-choice` answers one of the option letters it finds in the prompt, picked by
 * a hash of the prompt and the seed (so chance accuracy, reproducible); `first-choice` always answers the
 * first option. The provider id is `baseline`. A prompt without lettered options gets an empty answer.
 *
 * @example
 * ```ts
 * const baseline = createBaselineProvider('random-choice', { seed: 7 });
 * (await baseline.generate({ prompt: 'Q?\nA. x\nB. y\nAnswer:' })).text; // 'A' or 'B'
 * ```
 */
export function createBaselineProvider(
  model: string,
  options: BaselineProviderOptions = {},
): ModelProviderV1 {
  if (!(BASELINE_MODELS as readonly string[]).includes(model)) {
    throw new BenchHubError(`unknown baseline model "${model}": use one of ${BASELINE_MODELS.join(', ')}`);
  }
  const seed = options.seed ?? 0;
  return createFunctionProvider(
    (request) => {
      const text = promptText(request.prompt);
      const letters = [...text.matchAll(OPTION_LINE)].map((m) => m[1]!);
      const options = [...new Set(letters)];
      if (options.length === 0) return '';
      return model === 'first-choice' ? options[0]! : options[fnv1a32(text, seed) % options.length]!;
    },
    { providerId: 'baseline', modelId: model, countTokens: (t) => Math.ceil(t.length / 4) },
  );
}
