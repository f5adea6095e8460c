import type { Sample } from '../../domain/sample.js';
import type { RawRow } from '../rows.js';
import { fieldError, optionalInteger, optionalNumber, optionalText, requiredText, rowId } from './fields.js';
import { buildMetadata } from './labels.js';
import type { RowMapper } from './types.js';

const CHOICE_FIELDS = ['A', 'B', 'C', 'D'] as const;

/**
 * Maps a KMMLU row (`question`, `A`–`D`, `answer` = 1-based index, optional `Category` and
 * `Human Accuracy`, kept in `metadata.extra` as `category` and `humanAccuracy`).
 * Labels: language `ko`, benchmark `KMMLU`, problem `MCQA`. The id is the row's `id`, else
 * `<file name>#<row>`.
 */
export const mapKmmluRow: RowMapper = (raw: RawRow, context): Sample => {
  const question = requiredText(raw, 'question');
  const choices = CHOICE_FIELDS.map((field) => requiredText(raw, field));
  const answer = optionalInteger(raw, 'answer');
  if (answer === undefined) throw fieldError(raw, 'answer', 'missing required field "answer"');
  if (answer < 1 || answer > choices.length) {
    throw fieldError(
      raw,
      'answer',
      `answer must be a 1-based index from 1 to ${choices.length}, got ${answer}`,
    );
  }
  const extra: Record<string, unknown> = {};
  const category = optionalText(raw, 'Category');
  if (category !== undefined) extra.category = category;
  const humanAccuracy = optionalNumber(raw, 'Human Accuracy');
  if (humanAccuracy !== undefined) extra.humanAccuracy = humanAccuracy;
  const metadata = buildMetadata(
    raw,
    {},
    context,
    { language: 'ko', benchmarkName: 'KMMLU', problemType: 'MCQA' },
    extra,
  );
  return {
    id: rowId(raw),
    question,
    choices,
    answerIndex: answer - 1,
    answer: choices[answer - 1]!,
    metadata,
  };
};
