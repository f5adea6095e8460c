import type { Sample } from '../domain/sample.js';
import type { ScoringContext } from './scorer.js';
import { ScoringError } from './scoring-error.js';

/**
 * The gold answer text of a sample: `answer`, else the choice at `answerIndex`.
 *
 * @example
 * ```ts
 * goldAnswerText({ ...sample, choices: ['서울', '부산'], answerIndex: 1 }); // '부산'
 * ```
 */
export function goldAnswerText(sample: Sample): string | undefined {
  if (sample.answer !== undefined) return sample.answer;
  if (sample.answerIndex !== undefined) return sample.choices?.[sample.answerIndex];
  return undefined;
}

/** Every acceptable answer: the gold answer, then `references`, without duplicates. */
export function acceptableAnswers(sample: Sample): string[] {
  const answers: string[] = [];
  const gold = goldAnswerText(sample);
  if (gold !== undefined) answers.push(gold);
  for (const ref of sample.references ?? []) if (!answers.includes(ref)) answers.push(ref);
  return answers;
}

/**
 * The 0-based gold choice of a multiple-choice sample: the rendered prompt's `targetIndex`, else the
 * sample's `answerIndex`, else the position of `answer` among the choices. Throws a {@link ScoringError}
 * naming the sample when there is none or it is out of range.
 */
export function goldChoiceIndexOf(
  sample: Sample,
  choiceCount: number,
  method: string,
  context: ScoringContext = {},
): number {
  const index =
    context.prompt?.targetIndex ??
    sample.answerIndex ??
    (sample.answer === undefined ? undefined : sample.choices?.indexOf(sample.answer));
  if (index === undefined || index === -1) {
    throw new ScoringError(
      sample.answer === undefined
        ? 'the sample has no gold choice (answerIndex or answer)'
        : `the sample's answer ${JSON.stringify(sample.answer)} is not one of its choices`,
      { method, sampleId: sample.id },
    );
  }
  if (!Number.isInteger(index) || index < 0 || index >= choiceCount) {
    throw new ScoringError(`the gold choice index ${index} is outside the ${choiceCount} choices`, {
      method,
      sampleId: sample.id,
    });
  }
  return index;
}
