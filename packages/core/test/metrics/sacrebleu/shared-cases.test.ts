// The public reference cases in ../shared/data/metrics/sacrebleu_cases.json, within their tolerances.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import {
  type BleuOptions,
  computeBleu,
  corpusBleu,
  corpusChrf,
  sentenceBleu,
  sentenceChrf,
} from '../../../src/metrics/sacrebleu/index.js';
import { describeWithShared, sharedPath } from '../../support/shared.js';
import { bleuOptions, expectWithin, type PyBleuKwargs } from './fixture.js';

const FILE = 'data/metrics/sacrebleu_cases.json';

interface SharedCase {
  id: string;
  fn: string;
  source_file: string;
  settings?: PyBleuKwargs | null;
  hypotheses?: string[];
  hypothesis?: string;
  references?: (string | null)[][] | string[];
  inputs?: { correct: number[]; total: number[]; sys_len: number; ref_len: number; smooth_value: number };
  expected: number | Record<string, number> | { counts: number[]; totals: number[] };
  expected_scale?: string;
  tolerance?: number;
}

const RAW: BleuOptions = {
  tokenize: 'none',
  smoothMethod: 'floor',
  smoothValue: 0.01,
  force: true,
  useEffectiveOrder: true,
};

/** Runs one case; returns the number of values checked. */
function check(c: SharedCase): number {
  const scale = c.expected_scale === '0-1' ? 100 : 1;
  const tolerance = c.tolerance ?? 0;
  const close = (actual: number, expected: number): void => {
    if (tolerance === 0) expect(actual).toBe(expected * scale);
    else expectWithin(actual / scale, expected, tolerance, c.id);
  };
  const [kind] = c.source_file.split(':').slice(1);
  const hyps = c.hypotheses ?? [];
  const streams = (c.references ?? []) as (string | null)[][];
  switch (kind) {
    case 'test_raw_bleu_cases':
    case 'test_case_effective_order':
      close(corpusBleu(hyps, streams, RAW).score, c.expected as number);
      return 1;
    case 'test_corpus_bleu_cases':
      close(corpusBleu(hyps, streams, bleuOptions(c.settings ?? {})).score, c.expected as number);
      return 1;
    case 'test_case_statistics': {
      const result = corpusBleu(hyps, streams, RAW);
      const expected = c.expected as { counts: number[]; totals: number[] };
      expect(result.counts).toEqual(expected.counts);
      expect(result.totals).toEqual(expected.totals);
      return 2;
    }
    case 'test_case_offset': {
      const expected = c.expected as Record<string, number>;
      close(corpusBleu(hyps, streams, { ...RAW, smoothValue: 0 }).score, expected['smooth_value_0.0']!);
      close(
        corpusBleu(hyps, streams, { ...RAW, smoothValue: null }).score,
        expected['smooth_value_default_0.1']!,
      );
      return 2;
    }
    case 'test_case_degenerate_stats': {
      const { correct, total, sys_len, ref_len, smooth_value } = c.inputs!;
      const score = computeBleu(
        { correct, total, sysLen: sys_len, refLen: ref_len },
        { smoothMethod: 'floor', smoothValue: smooth_value },
      ).score;
      close(score, c.expected as number);
      return 1;
    }
    case 'test_bleu_max_order': {
      const order = Number(/max_ngram_order=(\d+)/.exec(c.fn)![1]);
      close(corpusBleu(hyps, streams, { maxNgramOrder: order }).score, c.expected as number);
      return 1;
    }
    case 'test_cases':
    case 'test_cases_zero_bleu':
      if (c.source_file.startsWith('test/test_sentence_bleu.py')) {
        close(
          sentenceBleu(c.hypothesis!, c.references as string[], bleuOptions(c.settings ?? {})).score,
          c.expected as number,
        );
      } else {
        close(corpusChrf(hyps, streams, { beta: 3, epsSmoothing: true }).score, c.expected as number);
      }
      return 1;
    case 'test_cases_effective_order':
      close(corpusChrf(hyps, streams, { beta: 3, epsSmoothing: false }).score, c.expected as number);
      return 1;
    case 'test_sentence_level_chrf':
      close(
        sentenceChrf(c.hypothesis!, c.references as string[], { epsSmoothing: true }).score,
        c.expected as number,
      );
      return 1;
    default:
      throw new Error(`case ${c.id}: no runner for ${c.source_file}`);
  }
}

describeWithShared('sacrebleu_cases.json (sacrebleu 2.6.0 reference values)', [FILE], () => {
  const data = JSON.parse(readFileSync(sharedPath(FILE), 'utf8')) as { cases: SharedCase[] };

  it('has cases', () => {
    expect(data.cases.length).toBeGreaterThan(30);
  });

  for (const c of data.cases) {
    it(`${c.source_file} ${c.id}`, () => {
      expect(check(c)).toBeGreaterThan(0);
    });
  }
});
