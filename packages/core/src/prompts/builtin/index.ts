import type { PromptTemplate } from '../prompt-template.js';
import type { BuiltinTemplateName } from '../spec.js';
import { BUILTIN_TEMPLATES } from '../spec.js';
import { clickTemplate } from './click.js';
import { haeraeTemplate } from './haerae.js';
import { kmmluTemplate } from './kmmlu.js';
import { mcqaTemplate } from './mcqa.js';
import { mmluTemplate } from './mmlu.js';
import { openTemplate } from './open.js';

/** Every built-in template by name. */
export const BUILTIN_PROMPT_TEMPLATES: Readonly<Record<BuiltinTemplateName, PromptTemplate>> = {
  mcqa: mcqaTemplate,
  kmmlu: kmmluTemplate,
  mmlu: mmluTemplate,
  click: clickTemplate,
  haerae: haeraeTemplate,
  open: openTemplate,
};

/** Whether `name` is a built-in template name. */
export function isBuiltinTemplateName(name: string): name is BuiltinTemplateName {
  return (BUILTIN_TEMPLATES as readonly string[]).includes(name);
}

/**
 * The built-in template called `name`.
 *
 * @example
 * ```ts
 * renderSample(sample, getBuiltinTemplate('kmmlu')).prompt.endsWith('정답：'); // true
 * ```
 */
export function getBuiltinTemplate(name: BuiltinTemplateName): PromptTemplate {
  return BUILTIN_PROMPT_TEMPLATES[name];
}

export { MCQA_CHOICE_RANGE } from './mcqa.js';
export { clickTemplate, haeraeTemplate, kmmluTemplate, mcqaTemplate, mmluTemplate, openTemplate };
