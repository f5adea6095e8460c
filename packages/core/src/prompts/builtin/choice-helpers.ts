import { normalizeLanguage } from '../../domain/language.js';
import type { Sample } from '../../domain/sample.js';
import { TemplateError } from '../template-error.js';

/** The sample's choices, checked to number between `min` and `max`. */
export function requireChoices(
  sample: Sample,
  template: string,
  min: number,
  max: number,
): readonly string[] {
  const choices = sample.choices;
  if (!choices || choices.length < min || choices.length > max) {
    const expected = min === max ? `exactly ${min}` : `${min} to ${max}`;
    throw new TemplateError(
      `template "${template}" needs ${expected} choices but the sample has ${choices?.length ?? 0}`,
      {
        template,
        sampleId: sample.id,
        field: 'choices',
      },
    );
  }
  return choices;
}

/**
 * The 0-based gold index of a multiple-choice sample: `answerIndex`, or the position of `answer` among
 * the choices; `undefined` when neither is known.
 */
export function goldChoiceIndex(
  sample: Sample,
  choices: readonly string[] | undefined = sample.choices,
): number | undefined {
  if (sample.answerIndex !== undefined) return sample.answerIndex;
  if (sample.answer === undefined || !choices) return undefined;
  const index = choices.indexOf(sample.answer);
  return index === -1 ? undefined : index;
}

/** Whether the sample is in Korean (`ko`, `ko-KR`, or an alias such as `Korean`). */
export function isKorean(sample: Sample): boolean {
  const tag = normalizeLanguage(sample.metadata.language) ?? '';
  return tag === 'ko' || tag.startsWith('ko-');
}
