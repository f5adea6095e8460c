import type { Sample } from '../../domain/sample.js';
import type { RawRow } from '../rows.js';
import { baseName, fieldError, optionalText, optionalTextList, requiredText } from './fields.js';
import { buildMetadata } from './labels.js';
import type { RowMapper } from './types.js';

/**
 * CLIcK's categories (the directory a file sits in) and the BenchHub subject each maps to. CLIcK keeps
 * its own category in `metadata.extra.clickCategory`.
 */
export const CLICK_SUBJECTS: Readonly<Record<string, string>> = {
  'Korean Economy': 'HASS/Economics',
  'Korean Geography': 'HASS/Geography',
  'Korean History': 'HASS/History',
  'Korean Law': 'HASS/Law',
  'Korean Politics': 'HASS/Politics',
  'Korean Popular': 'Culture/Leisure',
  'Korean Society': 'Culture/Daily Life',
  'Korean Tradition': 'Culture/Tradition',
  Functional: 'HASS/Language',
  Grammar: 'HASS/Language',
  Textual: 'HASS/Language',
};

const CATEGORY_BY_LOWER = new Map(
  Object.entries(CLICK_SUBJECTS).map(([name, subject]) => [name.toLowerCase(), { name, subject }]),
);

/** The directories of a path, last first (either separator). */
function parentDirectories(source: string): string[] {
  return source.split(/[\\/]/).slice(0, -1).reverse();
}

/**
 * Maps a CLIcK row (`Dataset/<Culture|Language>/<category>/<File>.json`; fields `id`, `paragraph`,
 * `question`, `choices`, `answer` = the correct choice's text).
 *
 * The subject comes from the category directory (`Korean History` → `HASS/History`, see
 * {@link CLICK_SUBJECTS}); `metadata.extra` keeps `clickCategory`, `clickGroup` (`Culture`/`Language`),
 * `clickSource` (the exam, from the file name: `History_Kedu.json` → `Kedu`) and `originalId`.
 * Labels: language `ko`, benchmark `CLIcK`, problem `MCQA`, task `Knowledge`, target `Local`.
 *
 * The id is `<file stem>/<id>` (e.g. `History_Kedu/Kedu_history_1`): CLIcK reuses some ids across files
 * (`Kedu_16_1` is in both Functional_Kedu.json and Grammar_Kedu.json), so the bare id is not unique.
 */
export const mapClickRow: RowMapper = (raw: RawRow, context): Sample => {
  const question = requiredText(raw, 'question');
  const choices = optionalTextList(raw, 'choices', false);
  if (choices === undefined || choices.length === 0)
    throw fieldError(raw, 'choices', 'missing required field "choices"');
  const answer = requiredText(raw, 'answer');
  let answerIndex = choices.indexOf(answer);
  if (answerIndex === -1) answerIndex = choices.findIndex((c) => c.trim() === answer.trim());
  if (answerIndex === -1) throw fieldError(raw, 'answer', 'the answer text is not one of the choices');
  const file = baseName(raw.source);
  const stem = file.replace(/\.[^.]+$/, '');
  const ownId = optionalText(raw, 'id');
  const dirs = parentDirectories(raw.source);
  const category = dirs[0] === undefined ? undefined : CATEGORY_BY_LOWER.get(dirs[0].toLowerCase());
  const extra: Record<string, unknown> = {};
  if (category) {
    extra.clickCategory = category.name;
    if (dirs[1] !== undefined) extra.clickGroup = dirs[1];
  }
  const exam = /_([^_]+)$/.exec(stem);
  if (exam) extra.clickSource = exam[1];
  if (ownId !== undefined) extra.originalId = ownId;
  const metadata = buildMetadata(
    raw,
    { subjectType: category ? [category.subject] : undefined },
    context,
    {
      language: 'ko',
      benchmarkName: 'CLIcK',
      problemType: 'MCQA',
      taskType: 'Knowledge',
      targetType: 'Local',
    },
    extra,
  );
  const sample: Sample = {
    id: ownId === undefined ? `${file}#${raw.row}` : `${stem}/${ownId}`,
    question,
    choices,
    answerIndex,
    answer: choices[answerIndex]!,
    metadata,
  };
  const paragraph = optionalText(raw, 'paragraph');
  if (paragraph !== undefined) sample.context = paragraph;
  return sample;
};
