import type { Sample } from '../domain/sample.js';
import { optionLetter } from './option-letters.js';

/**
 * The fields a user template can name at its top level, taken from a {@link Sample}:
 * `id`, `question`, `context`, `choices`, `answer`, `answerIndex`, `answerLetter` (the letter of
 * `answerIndex`), `references`, `language`, `subjectType`, `taskType`, `benchmarkName`, `metadata` (the
 * whole metadata object) and `extra` (`metadata.extra`, e.g. `extra.subject`).
 */
export const SAMPLE_TEMPLATE_FIELDS = [
  'id',
  'question',
  'context',
  'choices',
  'answer',
  'answerIndex',
  'answerLetter',
  'references',
  'language',
  'subjectType',
  'taskType',
  'benchmarkName',
  'metadata',
  'extra',
] as const;

/** The values of {@link SAMPLE_TEMPLATE_FIELDS} for one sample; absent optional fields are `undefined`. */
export function sampleTemplateScope(sample: Sample): Record<string, unknown> {
  const index = sample.answerIndex;
  return {
    id: sample.id,
    question: sample.question,
    context: sample.context,
    choices: sample.choices,
    answer: sample.answer,
    answerIndex: index,
    answerLetter: index !== undefined && index < 26 ? optionLetter(index) : undefined,
    references: sample.references,
    language: sample.metadata.language,
    subjectType: sample.metadata.subjectType,
    taskType: sample.metadata.taskType,
    benchmarkName: sample.metadata.benchmarkName,
    metadata: sample.metadata,
    extra: sample.metadata.extra ?? {},
  };
}
