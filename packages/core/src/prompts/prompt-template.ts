import type { Sample } from '../domain/sample.js';
import { TemplateError } from './template-error.js';

/**
 * A prompt format, stated in lm-evaluation-harness's terms so built-ins can reproduce its tasks exactly.
 * A multiple-choice prompt is scored by appending each continuation `targetDelimiter + label` to the
 * prompt (log-likelihood) or by asking the model to produce the gold label (generation).
 */
export interface PromptTemplate {
  /** A built-in name (`mmlu`) or a user label. */
  readonly name: string;
  /** lm-eval `target_delimiter`: put between the prompt and an answer (`' '` → continuation `' A'`). */
  readonly targetDelimiter: string;
  /** lm-eval `fewshot_delimiter`: put after each few-shot example (`'\n\n'`). */
  readonly fewshotDelimiter: string;
  /** lm-eval `description`: text before the few-shot examples and the query, `''` for none. */
  description(sample: Sample): string;
  /** lm-eval `doc_to_text`: the query text of one sample. */
  docToText(sample: Sample): string;
  /** lm-eval `doc_to_choice`: the answer labels (e.g. `['A','B','C','D']`), `[]` for open-ended. */
  docToChoice(sample: Sample): readonly string[];
  /**
   * lm-eval `doc_to_target`: a 0-based index into {@link PromptTemplate.docToChoice} for multiple choice,
   * the gold text for open-ended, `undefined` when the sample has no gold answer.
   */
  docToTarget(sample: Sample): number | string | undefined;
}

/** One few-shot example as rendered: its query text and gold answer. */
export interface FewShotTurn {
  /** Id of the example sample. */
  sampleId: string;
  /** `docToText` of the example. */
  text: string;
  /** The example's gold answer label or text (no delimiter). */
  target: string;
}

/** A sample rendered with a template: the completion prompt, its parts, and what scoring needs. */
export interface RenderedPrompt {
  /** The template's name. */
  template: string;
  /** The rendered sample's id. */
  sampleId: string;
  /** The description prefix (`''` for none). */
  description: string;
  /** Few-shot examples, in order (empty for zero-shot). */
  examples: readonly FewShotTurn[];
  /** The query text of the sample (lm-eval `doc_to_text`). */
  text: string;
  /**
   * The completion prompt, as lm-eval builds its context: `description`, then each example as
   * `text + targetDelimiter + target + fewshotDelimiter`, then `text`.
   */
  prompt: string;
  /** The answer labels (`['A','B','C','D']`), `[]` for open-ended. */
  labels: readonly string[];
  /**
   * Continuations for log-likelihood scoring: `targetDelimiter + label` for each label (`[' A',' B',…]`).
   * The model's log-probability of each continuation after `prompt` is compared.
   */
  choices: readonly string[];
  /** The gold label (`'B'`) or, open-ended, the gold text; `undefined` when the sample has none. */
  target: string | undefined;
  /** Index of the gold label in `labels`/`choices`, for multiple choice. */
  targetIndex: number | undefined;
  /** The template's target delimiter. */
  targetDelimiter: string;
  /** The template's few-shot delimiter. */
  fewshotDelimiter: string;
}

/** The gold label or text of a sample under a template, with its index for multiple choice. */
export function resolveTarget(
  template: PromptTemplate,
  sample: Sample,
  labels: readonly string[] = template.docToChoice(sample),
): { target: string | undefined; targetIndex: number | undefined } {
  const gold = template.docToTarget(sample);
  if (gold === undefined) return { target: undefined, targetIndex: undefined };
  if (typeof gold === 'number') {
    const label = labels[gold];
    if (label === undefined) {
      throw new TemplateError(`answer index ${gold} is outside the ${labels.length} options`, {
        template: template.name,
        sampleId: sample.id,
        field: 'answerIndex',
      });
    }
    return { target: label, targetIndex: gold };
  }
  const index = labels.indexOf(gold);
  return { target: gold, targetIndex: index === -1 ? undefined : index };
}

function withSampleContext<T>(template: PromptTemplate, sample: Sample, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (TemplateError.isInstance(error))
      throw error.withContext({ sampleId: sample.id, template: template.name });
    throw error;
  }
}

/**
 * Renders `sample` with `template`, preceded by already chosen few-shot `examples` (see
 * {@link renderFewShot} to choose them). Throws {@link TemplateError} naming the sample when a field
 * the template needs is missing, or when an example has no gold answer.
 */
export function renderWithExamples(
  template: PromptTemplate,
  sample: Sample,
  examples: readonly Sample[] = [],
): RenderedPrompt {
  return withSampleContext(template, sample, () => {
    const turns = examples.map((example): FewShotTurn => {
      const { target } = withSampleContext(template, example, () => resolveTarget(template, example));
      if (target === undefined) {
        throw new TemplateError('a few-shot example needs a gold answer (answerIndex or answer)', {
          template: template.name,
          sampleId: example.id,
        });
      }
      const text = withSampleContext(template, example, () => template.docToText(example));
      return { sampleId: example.id, text, target };
    });
    const description = template.description(sample);
    const text = template.docToText(sample);
    const labels = template.docToChoice(sample);
    const { target, targetIndex } = resolveTarget(template, sample, labels);
    const { targetDelimiter, fewshotDelimiter } = template;
    const shots = turns
      .map((turn) => `${turn.text}${targetDelimiter}${turn.target}${fewshotDelimiter}`)
      .join('');
    return {
      template: template.name,
      sampleId: sample.id,
      description,
      examples: turns,
      text,
      prompt: `${description}${shots}${text}`,
      labels,
      choices: labels.map((label) => `${targetDelimiter}${label}`),
      target,
      targetIndex,
      targetDelimiter,
      fewshotDelimiter,
    };
  });
}

/**
 * Renders one sample zero-shot.
 *
 * @example
 * ```ts
 * const r = renderSample(sample, getBuiltinTemplate('mmlu'));
 * r.prompt;  // 'The following are multiple choice questions … about anatomy.\n\nWhat …?\nA. …\nAnswer:'
 * r.choices; // [' A', ' B', ' C', ' D'];  r.target: 'B'
 * ```
 */
export function renderSample(sample: Sample, template: PromptTemplate): RenderedPrompt {
  return renderWithExamples(template, sample, []);
}
