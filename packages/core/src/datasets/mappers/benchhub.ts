import type { Sample } from '../../domain/sample.js';
import type { RawRow } from '../rows.js';
import { resolveAnswerIndex } from './answer.js';
import { fieldError, isAbsent, optionalText, optionalTextList, requiredText, rowId } from './fields.js';
import { buildMetadata } from './labels.js';
import type { RowMapper } from './types.js';

const EXTRA_FIELDS = ['mcqa_meta', 'original_category', 'additional_info', 'split', 'reference'] as const;

let lastSource: string | undefined;
let lastLanguage: string | undefined;

/** Language of a BenchHub source named after its dataset (`BenchHub-Ko`, `BenchHub-En`), if any. */
function languageFromSource(source: string): string | undefined {
  if (source !== lastSource) {
    const match = /benchhub[-_](ko|en)\b/i.exec(source);
    lastLanguage = match ? match[1]!.toLowerCase() : undefined;
    lastSource = source;
  }
  return lastLanguage;
}

/**
 * Maps a BenchHub dataset row (the layout of `BenchHub/BenchHub-Ko` and `-En`: `problem_type`, `context`,
 * `prompt`, `options`, `answer`, `reference`, `subject_type`, `task_type`, `target_type`,
 * `benchmark_name`, `mcqa_meta`, `original_category`, `additional_info`, `split`, optional `language`
 * and `id`).
 *
 * - `options` and `subject_type` may be arrays or strings holding a JSON/Python list.
 * - With options (MCQA, binary), `answer` may be the option text, a letter, or a 0-based index; the
 *   sample gets `choices`, `answerIndex` and `answer` (the option text). An `MCQA` row without options
 *   is malformed.
 * - Without options, `answer` is the gold text and a `reference` string also becomes `references`.
 * - `problem_type` defaults to `MCQA` when there are options. The language comes from `language`, else
 *   `defaults.language`, else the file name (`BenchHub-Ko` → `ko`).
 * - `mcqa_meta`, `original_category`, `additional_info`, `split`, `reference` go to `metadata.extra`.
 * - The id is the row's `id`, else `<file name>#<row>`.
 */
export const mapBenchHubRow: RowMapper = (raw: RawRow, context): Sample => {
  const data = raw.data;
  const question =
    isAbsent(data.prompt) && !isAbsent(data.question)
      ? requiredText(raw, 'question')
      : requiredText(raw, 'prompt');
  const options = optionalTextList(raw, 'options', false);
  const hasOptions = options !== undefined && options.length > 0;
  const problemType = optionalText(raw, 'problem_type') ?? (hasOptions ? 'MCQA' : undefined);
  const extra: Record<string, unknown> = {};
  for (const field of EXTRA_FIELDS) {
    const value = data[field];
    if (!isAbsent(value)) extra[field] = value;
  }
  const metadata = buildMetadata(
    raw,
    {
      language: optionalText(raw, 'language'),
      subjectType: optionalTextList(raw, 'subject_type', true),
      taskType: optionalText(raw, 'task_type'),
      targetType: optionalText(raw, 'target_type'),
      problemType,
      benchmarkName: optionalText(raw, 'benchmark_name'),
    },
    context,
    { language: languageFromSource(raw.source) },
    extra,
  );
  const sample: Sample = { id: rowId(raw), question, metadata };
  const contextText = optionalText(raw, 'context');
  if (contextText !== undefined) sample.context = contextText;
  const reference = optionalText(raw, 'reference');
  if (hasOptions) {
    const index = resolveAnswerIndex(raw, 'answer', options);
    sample.choices = options;
    sample.answerIndex = index;
    sample.answer = options[index]!;
  } else {
    if (problemType !== undefined && problemType.toUpperCase() === 'MCQA') {
      throw fieldError(raw, 'options', 'an MCQA row needs a non-empty "options" list');
    }
    const answers = optionalTextList(raw, 'answer', true);
    if (answers === undefined || answers.length === 0)
      throw fieldError(raw, 'answer', 'missing required field "answer"');
    sample.answer = answers[0]!;
    const references = reference === undefined ? answers.slice(1) : [...answers.slice(1), reference];
    if (references.length > 0) sample.references = references;
  }
  return sample;
};
