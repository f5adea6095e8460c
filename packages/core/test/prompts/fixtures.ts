import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Sample } from '../../src/domain/sample.js';
import { sharedPath } from '../support/shared.js';

/** A sample with sensible defaults for tests. */
export function makeSample(
  overrides: Partial<Sample> & { language?: string; extra?: Record<string, unknown> },
): Sample {
  const { language, extra, ...rest } = overrides;
  return {
    id: 'sample-1',
    question: 'What is 2 + 2?',
    metadata: { language: language ?? 'en', subjectType: [], ...(extra === undefined ? {} : { extra }) },
    ...rest,
  };
}

function readCsv(relative: string): Record<string, string>[] {
  return parse(readFileSync(sharedPath(relative), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
}

/** Row `index` (0-based, header excluded) of an MMLU dev CSV as a Sample (the CSV's answer is 0-based). */
export function mmluDevSample(file: string, index: number): Sample {
  const row = readCsv(`data/benchmarks/mmlu/dev/${file}`)[index];
  if (!row) throw new Error(`no row ${index} in ${file}`);
  const subject = file.replace(/_dev\.csv$/u, '');
  return makeSample({
    id: `${subject}-dev-${index}`,
    question: row.question!,
    choices: [row.choice0!, row.choice1!, row.choice2!, row.choice3!],
    answerIndex: Number(row.answer),
    extra: { subject },
  });
}

/** The CLIcK row with `id` from a JSON file under `data/benchmarks/click/Dataset/`. */
export function clickSample(file: string, id: string): Sample {
  const rows = JSON.parse(readFileSync(sharedPath(`data/benchmarks/click/Dataset/${file}`), 'utf8')) as {
    id: string;
    paragraph: string;
    question: string;
    choices: string[];
    answer: string;
  }[];
  const row = rows.find((r) => r.id === id);
  if (!row) throw new Error(`no CLIcK row ${id} in ${file}`);
  return makeSample({
    id: row.id,
    question: row.question,
    context: row.paragraph,
    choices: row.choices,
    answerIndex: row.choices.indexOf(row.answer),
    answer: row.answer,
    language: 'ko',
  });
}

/** Row `index` of a HAE-RAE 1.0 CSV (`question,a,b,c,d,e,answer`, answer a letter a–e). */
export function haeraeSample(file: string, index: number): Sample {
  const row = readCsv(`data/benchmarks/haerae/${file}`)[index];
  if (!row) throw new Error(`no row ${index} in ${file}`);
  return makeSample({
    id: `${file}-${index}`,
    question: row.question!,
    choices: [row.a!, row.b!, row.c!, row.d!, row.e!],
    answerIndex: 'abcde'.indexOf(row.answer!.trim().toLowerCase()),
    language: 'ko',
  });
}
