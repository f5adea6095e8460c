import { normalizeLanguage } from '../../domain/language.js';
import type { SampleMetadata } from '../../domain/sample.js';
import { DatasetError } from '../../errors/dataset-error.js';
import type { RawRow } from '../rows.js';
import { fieldError } from './fields.js';
import type { RowMapperContext } from './types.js';

/** Labels as a row (or its format) gives them; any may be missing. */
export interface PartialLabels {
  language?: string | undefined;
  subjectType?: readonly string[] | undefined;
  taskType?: string | undefined;
  targetType?: string | undefined;
  problemType?: string | undefined;
  benchmarkName?: string | undefined;
}

const languageCache = new Map<string, string | undefined>();

/** `normalizeLanguage`, memoised (a dataset has few distinct language values). */
function cachedLanguage(value: string): string | undefined {
  if (languageCache.has(value)) return languageCache.get(value);
  const tag = normalizeLanguage(value);
  if (languageCache.size < 1024) languageCache.set(value, tag);
  return tag;
}

/**
 * Builds a sample's metadata. Each label comes from the row (`own`) when it has it, else from the
 * dataset's `defaults`, else from the format's built-in value (`fallback`). The language is normalised
 * to BCP-47; a row without any language is an error that says to set `defaults.language`.
 */
export function buildMetadata(
  raw: RawRow,
  own: PartialLabels,
  context: RowMapperContext,
  fallback: PartialLabels,
  extra?: Record<string, unknown>,
): SampleMetadata {
  const defaults = context.defaults;
  let language: string | undefined;
  if (own.language !== undefined) {
    language = cachedLanguage(own.language);
    if (language === undefined) {
      throw fieldError(
        raw,
        'language',
        `unknown language "${own.language}": use a BCP-47 code such as "ko" or "en"`,
      );
    }
  } else if (defaults?.language !== undefined) {
    language = cachedLanguage(defaults.language);
    if (language === undefined) {
      throw new DatasetError(`defaults.language "${defaults.language}" is not a known language`, {
        source: raw.source,
      });
    }
  } else if (fallback.language !== undefined) {
    language = fallback.language;
  } else {
    throw fieldError(raw, 'language', 'the row has no language and the dataset sets no `defaults.language`');
  }
  const subjects = own.subjectType ?? defaults?.subjectType ?? fallback.subjectType ?? [];
  const metadata: SampleMetadata = { language, subjectType: [...subjects] };
  const taskType = own.taskType ?? defaults?.taskType ?? fallback.taskType;
  if (taskType !== undefined) metadata.taskType = taskType;
  const targetType = own.targetType ?? defaults?.targetType ?? fallback.targetType;
  if (targetType !== undefined) metadata.targetType = targetType;
  const problemType = own.problemType ?? fallback.problemType;
  if (problemType !== undefined) metadata.problemType = problemType;
  const benchmarkName = own.benchmarkName ?? defaults?.benchmarkName ?? fallback.benchmarkName;
  if (benchmarkName !== undefined) metadata.benchmarkName = benchmarkName;
  if (extra !== undefined && Object.keys(extra).length > 0) metadata.extra = extra;
  return metadata;
}
