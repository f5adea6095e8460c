import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BenchHubError } from '../../../src/errors/benchhub-error.js';
import {
  normalizeSquadAnswer,
  squadCorpus,
  squadExactMatch,
  squadF1,
} from '../../../src/metrics/squad/index.js';
import { splitPythonWhitespace } from '../../../src/text/index.js';
import { describeWithShared, sharedPath } from '../../support/shared.js';

interface SquadCase {
  id: string;
  prediction: string;
  ground_truths: string[];
  normalized_prediction: string;
  normalized_ground_truths?: string[];
  exact_match: number;
  f1: number;
}

function readJson<T>(path: string | URL): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function checkCase(c: SquadCase): void {
  expect(normalizeSquadAnswer(c.prediction)).toBe(c.normalized_prediction);
  if (c.normalized_ground_truths !== undefined) {
    expect(c.ground_truths.map(normalizeSquadAnswer)).toEqual(c.normalized_ground_truths);
  }
  expect(squadExactMatch(c.prediction, c.ground_truths)).toBe(c.exact_match);
  // The official script's arithmetic, in the same order: equal to the last bit.
  expect(squadF1(c.prediction, c.ground_truths)).toBe(c.f1);
}

const SHARED_CASES = 'data/metrics/squad_v1_1_cases.json';

describeWithShared('SQuAD v1.1: shared reference cases', [SHARED_CASES], () => {
  const file = readJson<{ cases: SquadCase[] }>(sharedPath(SHARED_CASES));
  it('has cases', () => expect(file.cases.length).toBeGreaterThan(0));
  it.each(file.cases.map((c) => [c.id, c] as const))('%s', (_, c) => checkCase(c));
});

describe('SQuAD v1.1: more cases computed by the official functions', () => {
  const file = readJson<{
    cases: SquadCase[];
    corpus: { predictions: (string | null)[]; ground_truths: string[][]; exact_match: number; f1: number };
  }>(new URL('./squad-v1-1-more-cases.json', import.meta.url));

  it.each(file.cases.map((c) => [c.id, c] as const))('%s', (_, c) => checkCase(c));

  it('squadCorpus reports 0–100 and counts unanswered questions as 0', () => {
    const { predictions, ground_truths, exact_match, f1 } = file.corpus;
    const score = squadCorpus(predictions, ground_truths);
    expect(score.exactMatch).toBe(exact_match);
    expect(score.f1).toBe(f1);
    expect(score.total).toBe(predictions.length);
  });
});

describe('SQuAD details', () => {
  it('the evaluate squad docstring example scores 100 / 100', () => {
    expect(squadCorpus(['1976'], [['1976']])).toEqual({ exactMatch: 100, f1: 100, total: 1 });
  });

  it('a single string is one ground truth', () => {
    expect(squadExactMatch('The Broncos', 'broncos')).toBe(1);
    expect(squadF1('Denver Broncos won', 'Denver Broncos')).toBeCloseTo(0.8, 15);
  });

  it('article removal uses Unicode word boundaries, unlike JavaScript \\b', () => {
    expect(normalizeSquadAnswer('éthe')).toBe('éthe');
    expect(normalizeSquadAnswer('the éte')).toBe('éte');
    expect(normalizeSquadAnswer('an apple a day')).toBe('apple day');
    expect(normalizeSquadAnswer('A')).toBe('');
  });

  it("splits like Python's str.split()", () => {
    expect(splitPythonWhitespace(' a\u2028b\x1fc\ufeffd ')).toEqual(['a', 'b', 'c\ufeffd']);
    expect(splitPythonWhitespace('')).toEqual([]);
  });

  it('rejects malformed input with a clear error', () => {
    expect(() => squadF1('x', [])).toThrow(BenchHubError);
    expect(() => squadF1('x', [])).toThrow(/no ground truth/);
    expect(() => squadExactMatch(undefined as never, ['x'])).toThrow(/prediction is undefined/);
    expect(() => squadF1('x', [1 as never])).toThrow(/ground truth \[0\] is number/);
    expect(() => squadCorpus(['a'], [])).toThrow(/1 predictions for 0 questions/);
    expect(() => squadCorpus([], [])).toThrow(/no question/);
    expect(() => squadCorpus(['a'], [[]])).toThrow(/question \[0\]: no ground truth/);
  });
});
