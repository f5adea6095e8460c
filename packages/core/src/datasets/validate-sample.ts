import type { Sample } from '../domain/sample.js';
import { DatasetError } from '../errors/dataset-error.js';
import type { RawRow } from './rows.js';

/**
 * Checks the invariants of a mapped sample that the Sample schema states, by hand (a zod parse per row
 * costs more than the rest of the pipeline): a non-empty id and question, string choices, an
 * `answerIndex` inside `choices`, and a language. Throws a DatasetError naming the row otherwise.
 */
export function validateSample(sample: Sample, raw: RawRow): void {
  const problem = findProblem(sample);
  if (problem !== undefined) {
    throw new DatasetError(problem[1], { source: raw.source, row: raw.row, field: problem[0] });
  }
}

/** The first broken invariant as `[field, message]`, or undefined. */
function findProblem(sample: Sample): [string, string] | undefined {
  if (typeof sample.id !== 'string' || sample.id.length === 0) return ['id', 'the sample id is empty'];
  if (typeof sample.question !== 'string' || sample.question.trim().length === 0) {
    return ['question', 'the question is empty'];
  }
  const { choices, answerIndex } = sample;
  if (choices !== undefined) {
    for (let i = 0; i < choices.length; i++) {
      if (typeof choices[i] !== 'string') return [`choices[${i}]`, 'a choice is not text'];
    }
  }
  if (answerIndex !== undefined) {
    if (choices === undefined) return ['answer', 'an answer index without choices'];
    if (!Number.isInteger(answerIndex) || answerIndex < 0 || answerIndex >= choices.length) {
      return ['answer', `answer index ${answerIndex} is outside the ${choices.length} choices`];
    }
  }
  if (typeof sample.metadata.language !== 'string' || sample.metadata.language.length === 0) {
    return ['language', 'the sample has no language'];
  }
  if (!Array.isArray(sample.metadata.subjectType)) return ['subject_type', 'subjects are not a list'];
  return undefined;
}
