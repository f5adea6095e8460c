import type { z } from 'zod';
import { uniformRandom } from '../datasets/sampling/prng.js';
import type { ChatMessage, Sample } from '../domain/sample.js';
import { BenchHubError } from '../errors/benchhub-error.js';
import { fnv1a32 } from '../text/fnv1a.js';
import { BUILTIN_PROMPT_TEMPLATES, isBuiltinTemplateName } from './builtin/index.js';
import { toChatMessages, toCompletionPrompt } from './chat.js';
import { selectFewShot } from './few-shot.js';
import { type PromptTemplate, type RenderedPrompt, renderWithExamples } from './prompt-template.js';
import { BUILTIN_TEMPLATES, type PromptSpecSchema } from './spec.js';
import { templateFromSource } from './user-template.js';

/** A prompt spec as written (defaults not yet applied): `template` defaults to `mcqa`, `style` to `chat`. */
export type PromptSpecInput = z.input<typeof PromptSpecSchema>;

/** Options of {@link createPromptRenderer} and {@link renderPrompt}. */
export interface PromptRendererOptions {
  /** Samples to draw few-shot examples from (the dataset named by `fewShot.dataset`, resolved by the caller). */
  fewShotPool?: readonly Sample[];
  /**
   * Makes a uniform [0, 1) random source from a seed, used when `fewShot.seed` is set; default
   * `uniformRandom` (mulberry32). Each sample gets its own source, seeded from `fewShot.seed` and the
   * sample id, so its examples do not depend on the order samples are rendered in (a resumed run renders
   * the same prompts).
   */
  createRandom?: (seed: number) => () => number;
  /** Few-shot examples as alternating chat turns (default) or inside one user message. */
  fewShotAs?: 'turns' | 'single';
  /** Extra named templates, looked up before the built-ins. */
  templates?: Readonly<Record<string, PromptTemplate>>;
}

/** A sample rendered per a {@link PromptSpecInput}. */
export interface PromptRendering {
  /** The rendered parts, continuations and target. */
  rendered: RenderedPrompt;
  /** The spec's style. */
  style: 'chat' | 'completion';
  /** The completion prompt, with the system instruction in front when there is one. */
  prompt: string;
  /** The chat messages (style `chat`), else `undefined`. */
  messages: ChatMessage[] | undefined;
}

/**
 * Finds the template a spec names: an extra or built-in name, or else a user template when the text
 * contains `{{`. Any other text is an error listing the built-in names.
 */
export function resolvePromptTemplate(
  template: string,
  templates: Readonly<Record<string, PromptTemplate>> = {},
): PromptTemplate {
  if (Object.hasOwn(templates, template)) return templates[template]!;
  if (isBuiltinTemplateName(template)) return BUILTIN_PROMPT_TEMPLATES[template];
  if (template.includes('{{')) return templateFromSource(template);
  throw new BenchHubError(
    `unknown prompt template "${template}": use a built-in (${BUILTIN_TEMPLATES.join(', ')}) or a template with {{ field }} tags`,
  );
}

/**
 * Resolves and compiles the spec's template once and returns a function rendering any sample with it
 * (with few-shot examples, system message and chat/completion style as the spec says).
 *
 * @example
 * ```ts
 * const render = createPromptRenderer({ template: 'mmlu', style: 'completion', fewShot: { k: 5, dataset: 'dev' } },
 *   { fewShotPool: devSamples });
 * for (const sample of testSamples) send(render(sample).prompt);
 * ```
 */
export function createPromptRenderer(
  spec: PromptSpecInput,
  options: PromptRendererOptions = {},
): (sample: Sample) => PromptRendering {
  const template = resolvePromptTemplate(spec.template ?? 'mcqa', options.templates);
  const style = spec.style ?? 'chat';
  const fewShot = spec.fewShot;
  if (fewShot && fewShot.k > 0 && options.fewShotPool === undefined) {
    throw new BenchHubError(
      `the prompt asks for ${fewShot.k} few-shot examples from dataset "${fewShot.dataset}" but no fewShotPool was given`,
    );
  }
  const createRandom = options.createRandom ?? uniformRandom;
  return (sample) => {
    let examples: Sample[] = [];
    if (fewShot && fewShot.k > 0) {
      const seed = fewShot.seed;
      const random = seed === undefined ? undefined : createRandom(fnv1a32(`${seed}\u0000${sample.id}`));
      examples = selectFewShot(
        options.fewShotPool ?? [],
        sample,
        random ? { k: fewShot.k, random } : { k: fewShot.k },
      );
    }
    const rendered = renderWithExamples(template, sample, examples);
    const chatOptions = {
      ...(spec.system === undefined ? {} : { system: spec.system }),
      ...(options.fewShotAs === undefined ? {} : { fewShotAs: options.fewShotAs }),
    };
    return {
      rendered,
      style,
      prompt: toCompletionPrompt(rendered, spec.system),
      messages: style === 'chat' ? toChatMessages(rendered, chatOptions) : undefined,
    };
  };
}

/**
 * Renders one sample per a prompt spec. For many samples, {@link createPromptRenderer} compiles a user
 * template only once.
 *
 * @example
 * ```ts
 * const { messages } = renderPrompt(sample, { template: 'kmmlu', system: '정답 알파벳만 답하시오.' });
 * ```
 */
export function renderPrompt(
  sample: Sample,
  spec: PromptSpecInput,
  options: PromptRendererOptions = {},
): PromptRendering {
  return createPromptRenderer(spec, options)(sample);
}
