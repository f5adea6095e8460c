import type { Sample } from '../../domain/sample.js';
import type { RawRow } from '../rows.js';
import { fallbackId, fieldError, letterIndex, optionalText, requiredText } from './fields.js';
import { buildMetadata } from './labels.js';
import type { RowMapper } from './types.js';

const OPTION_FIELDS = ['a', 'b', 'c', 'd', 'e'] as const;

/** HAE-RAE 1.0 splits and the BenchHub subject each maps to (when the dataset sets none). */
const SPLIT_SUBJECTS: Readonly<Record<string, string>> = {
  KGK: 'Culture',
  RC: 'HASS/Language',
};

/**
 * Maps a HAE-RAE Bench 1.0 CSV row (`question`, `a`–`e`, `answer` = a letter, `split`): the choices
 * are the non-empty `a`..`e` in order, and `answerIndex` the letter's position among them.
 * Labels: language `ko`, benchmark `HAE-RAE Bench`, problem `MCQA`; subject from the split
 * (`KGK` general knowledge → `Culture`, `RC` reading comprehension → `HASS/Language`), kept in
 * `metadata.extra.split`. The id is `<file name>#<row>`.
 */
export const mapHaeraeRow: RowMapper = (raw: RawRow, context): Sample => {
  const question = requiredText(raw, 'question');
  const choices: string[] = [];
  const letters: string[] = [];
  for (const field of OPTION_FIELDS) {
    const text = optionalText(raw, field);
    if (text !== undefined) {
      choices.push(text);
      letters.push(field);
    }
  }
  if (choices.length < 2) throw fieldError(raw, 'a', 'a HAE-RAE row needs at least two options among a–e');
  const letter = requiredText(raw, 'answer')
    .trim()
    .toLowerCase()
    .replace(/^\((.)\)$/, '$1');
  const answerIndex = letters.indexOf(letter);
  if (answerIndex === -1 && letterIndex(letter, OPTION_FIELDS.length) !== -1) {
    throw fieldError(raw, 'answer', `answer "${letter}" names option ${letter}, which is empty`);
  }
  if (answerIndex === -1)
    throw fieldError(raw, 'answer', `answer must be one of the letters a–e, got "${letter}"`);
  const split = optionalText(raw, 'split');
  const subject = split === undefined ? undefined : SPLIT_SUBJECTS[split.toUpperCase()];
  const metadata = buildMetadata(
    raw,
    {},
    context,
    {
      language: 'ko',
      benchmarkName: 'HAE-RAE Bench',
      problemType: 'MCQA',
      subjectType: subject === undefined ? undefined : [subject],
    },
    split === undefined ? undefined : { split },
  );
  return { id: fallbackId(raw), question, choices, answerIndex, answer: choices[answerIndex]!, metadata };
};
