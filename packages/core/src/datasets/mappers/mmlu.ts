import type { Sample } from '../../domain/sample.js';
import type { RawRow } from '../rows.js';
import { baseName, fallbackId, fieldError, optionalInteger, requiredText } from './fields.js';
import { buildMetadata } from './labels.js';
import type { RowMapper } from './types.js';

const CHOICE_FIELDS = ['choice0', 'choice1', 'choice2', 'choice3'] as const;

/** The MMLU subject a file name names: `anatomy_dev.csv` → `anatomy`. */
export function mmluSubjectFromFile(source: string): string {
  return baseName(source)
    .replace(/\.[^.]+$/, '')
    .replace(/_(dev|val|validation|test|train|auxiliary_train)$/i, '');
}

/**
 * Maps an MMLU CSV row (`question`, `choice0`..`choice3`, `answer` = 0-based index). The subject is
 * taken from the file name into `metadata.extra.subject` (`anatomy_dev.csv` → `anatomy`).
 * Labels: language `en` (unless `defaults.language`), benchmark `MMLU`, problem `MCQA`.
 * The id is `<file name>#<row>`.
 */
export const mapMmluRow: RowMapper = (raw: RawRow, context): Sample => {
  const question = requiredText(raw, 'question');
  const choices = CHOICE_FIELDS.map((field) => requiredText(raw, field));
  const answerIndex = optionalInteger(raw, 'answer');
  if (answerIndex === undefined) throw fieldError(raw, 'answer', 'missing required field "answer"');
  if (answerIndex < 0 || answerIndex >= choices.length) {
    throw fieldError(
      raw,
      'answer',
      `answer must be a 0-based index from 0 to ${choices.length - 1}, got ${answerIndex}`,
    );
  }
  const metadata = buildMetadata(
    raw,
    {},
    context,
    { language: 'en', benchmarkName: 'MMLU', problemType: 'MCQA' },
    { subject: mmluSubjectFromFile(raw.source) },
  );
  return { id: fallbackId(raw), question, choices, answerIndex, answer: choices[answerIndex]!, metadata };
};
