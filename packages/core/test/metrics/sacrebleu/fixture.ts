import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { BleuOptions, ChrfOptions } from '../../../src/metrics/sacrebleu/index.js';

/** Reference values computed offline with sacrebleu 2.6.0 (see the file's `generator` field). */
export const reference = JSON.parse(
  readFileSync(fileURLToPath(new URL('./fixtures/sacrebleu-2.6.0-reference.json', import.meta.url)), 'utf8'),
) as ReferenceFixture;

/** Python keyword arguments of sacrebleu's BLEU, as the fixture records them. */
export interface PyBleuKwargs {
  tokenize?: string;
  smooth_method?: string;
  smooth_value?: number | null;
  lowercase?: boolean;
  effective_order?: boolean;
  use_effective_order?: boolean;
  max_ngram_order?: number;
  force?: boolean;
}

/** Python keyword arguments of sacrebleu's CHRF. */
export interface PyChrfKwargs {
  char_order?: number;
  word_order?: number;
  beta?: number;
  lowercase?: boolean;
  whitespace?: boolean;
  remove_whitespace?: boolean;
  eps_smoothing?: boolean;
}

/** sacrebleu's BLEUScore fields. */
export interface PyBleuResult {
  score: number;
  counts: number[];
  totals: number[];
  precisions: number[];
  bp: number;
  sys_len: number;
  ref_len: number;
  ratio: number;
}

type Refs = (string | null)[][];

export interface ReferenceFixture {
  generator: string;
  upstream: {
    raw_bleu: { hypotheses: string[]; references: Refs; expected: number }[];
    corpus_bleu: { hypotheses: string[]; references: Refs; kwargs: PyBleuKwargs; expected: number }[];
    effective_order: { hypotheses: string[]; references: Refs; expected: number }[];
    statistics: { hypotheses: string[]; references: Refs; counts: number[]; totals: number[] };
    offset: { hypotheses: string[]; references: Refs; with_default_offset: number; with_zero_offset: number };
    scoring: { correct: number[]; total: number[]; sys_len: number; ref_len: number; expected: number };
    degenerate: {
      correct: number[];
      total: number[];
      sys_len: number;
      ref_len: number;
      offset: number;
      expected: number;
    }[];
    max_order: { order: number; expected: string }[];
    max_order_data: { hypotheses: string[]; references: Refs };
    sentence_bleu: {
      hypothesis: string;
      references: string[];
      cases: {
        smooth_method: string;
        smooth_value: number | null;
        lowercase: boolean;
        tokenize: string;
        expected: number;
      }[];
    };
    sentence_bleu_zero: {
      hypothesis: string;
      references: string[];
      cases: { smooth_method: string; smooth_value: number | null }[];
    };
    chrf_eps: { hypotheses: string[]; references: string[]; expected: number }[];
    chrf_effective_order: { hypotheses: string[]; references: string[]; expected: number }[];
    chrf_keep_whitespace: { hypotheses: string[]; references: string[]; expected: number }[];
    chrf_sentence: { hypothesis: string; references: string[]; expected: number }[];
  };
  extra: {
    tokenizers: { line: string; '13a': string; intl: string; zh: string; char: string; none: string }[];
    zh_chinese_ranges: [number, number][];
    corpus_bleu: { hypotheses: string[]; references: Refs; kwargs: PyBleuKwargs; result: PyBleuResult }[];
    corpus_bleu_high_order: {
      hypotheses: string[];
      references: Refs;
      kwargs: PyBleuKwargs;
      result: PyBleuResult;
    }[];
    sentence_bleu: { hypothesis: string; references: string[]; kwargs: PyBleuKwargs; result: PyBleuResult }[];
    compute_bleu: {
      correct: number[];
      total: number[];
      sys_len: number;
      ref_len: number;
      kwargs: PyBleuKwargs;
      result: PyBleuResult;
    }[];
    corpus_chrf: {
      hypotheses: string[];
      references: Refs;
      kwargs: PyChrfKwargs;
      score: number;
      name: string;
    }[];
    sentence_chrf: { hypothesis: string; references: string[]; kwargs: PyChrfKwargs; score: number }[];
    chrf_words: { line: string; words: string[] }[];
  };
}

/** sacrebleu's BLEU keyword arguments as BenchHub options. */
export function bleuOptions(kwargs: PyBleuKwargs): BleuOptions {
  const options: BleuOptions = {};
  if (kwargs.tokenize !== undefined) options.tokenize = kwargs.tokenize as BleuOptions['tokenize'];
  if (kwargs.smooth_method !== undefined)
    options.smoothMethod = kwargs.smooth_method as BleuOptions['smoothMethod'];
  if (kwargs.smooth_value !== undefined) options.smoothValue = kwargs.smooth_value;
  if (kwargs.lowercase !== undefined) options.lowercase = kwargs.lowercase;
  if (kwargs.effective_order !== undefined) options.effectiveOrder = kwargs.effective_order;
  if (kwargs.use_effective_order !== undefined) options.useEffectiveOrder = kwargs.use_effective_order;
  if (kwargs.max_ngram_order !== undefined) options.maxNgramOrder = kwargs.max_ngram_order;
  if (kwargs.force !== undefined) options.force = kwargs.force;
  return options;
}

/** sacrebleu's CHRF keyword arguments as BenchHub options. */
export function chrfOptions(kwargs: PyChrfKwargs): ChrfOptions {
  const options: ChrfOptions = {};
  if (kwargs.char_order !== undefined) options.charOrder = kwargs.char_order;
  if (kwargs.word_order !== undefined) options.wordOrder = kwargs.word_order;
  if (kwargs.beta !== undefined) options.beta = kwargs.beta;
  if (kwargs.lowercase !== undefined) options.lowercase = kwargs.lowercase;
  if (kwargs.whitespace !== undefined) options.whitespace = kwargs.whitespace;
  if (kwargs.remove_whitespace !== undefined) options.removeWhitespace = kwargs.remove_whitespace;
  if (kwargs.eps_smoothing !== undefined) options.epsSmoothing = kwargs.eps_smoothing;
  return options;
}

/** `|actual - expected| < tolerance`, with a message that shows both. */
export function expectWithin(actual: number, expected: number, tolerance: number, label = ''): void {
  expect(
    Math.abs(actual - expected),
    `${label} actual ${actual}, expected ${expected} ± ${tolerance}`,
  ).toBeLessThan(tolerance);
}

/** Relative closeness for values computed by the same formulas (tiny libm differences only). */
export function expectSame(actual: number, expected: number, label = ''): void {
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  expectWithin(actual, expected, tolerance, label);
}
