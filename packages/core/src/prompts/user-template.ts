import type { Sample } from '../domain/sample.js';
import { type CompiledTemplate, compileTemplate } from './compile-template.js';
import { optionLetters } from './option-letters.js';
import type { PromptTemplate } from './prompt-template.js';
import { sampleTemplateScope } from './sample-scope.js';

/** Options of {@link templateFromSource}. */
export interface UserTemplateOptions {
  /** A label for error messages and results; default `custom`. */
  name?: string;
  /** A description prefix, itself a template (e.g. `About {{ extra.subject | replace("_", " ") }}.\n\n`). */
  description?: string;
}

/**
 * Builds a {@link PromptTemplate} from a user template in the safe syntax of {@link compileTemplate}
 * (compiled once here; unknown fields are reported now, with their position).
 * Scoring follows the `mcqa` convention: a sample with choices gets labels `A`, `B`, … (continuations
 * `' A'`, …) and its gold letter as target; a sample without choices is open-ended, with `answer` (or
 * the first reference) as target.
 *
 * @example
 * ```ts
 * const t = templateFromSource('Q: {{ question | trim }}\n{{#each choices}}({{letter}}) {{text}}\n{{/each}}A:');
 * renderSample(sample, t).prompt;
 * ```
 */
export function templateFromSource(source: string, options: UserTemplateOptions = {}): PromptTemplate {
  const name = options.name ?? 'custom';
  const body = compileTemplate(source, { name });
  const description: CompiledTemplate | undefined =
    options.description === undefined
      ? undefined
      : compileTemplate(options.description, { name: `${name} description` });
  const labels = (sample: Sample): string[] => optionLetters(Math.min(sample.choices?.length ?? 0, 26));
  return {
    name,
    targetDelimiter: ' ',
    fewshotDelimiter: '\n\n',
    description: (sample) => (description ? description.render(sampleTemplateScope(sample)) : ''),
    docToText: (sample) => body.render(sampleTemplateScope(sample)),
    docToChoice: labels,
    docToTarget: (sample) => {
      if (sample.choices && sample.choices.length > 0) {
        if (sample.answerIndex !== undefined) return sample.answerIndex;
        const index = sample.answer === undefined ? -1 : sample.choices.indexOf(sample.answer);
        return index === -1 ? undefined : index;
      }
      return sample.answer ?? sample.references?.[0];
    },
  };
}
