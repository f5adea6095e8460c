import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractChoice } from '../../src/scoring/index.js';
import { describeWithShared, sharedPath } from '../support/shared.js';
import { fixture } from './helpers.js';

interface Case {
  output: string;
  expected: string;
}

describeWithShared(
  'extractChoice: lm-eval kormedmcqa reference cases',
  ['data/metrics/lm_eval_kormedmcqa_extract_choice_cases.json'],
  () => {
    const { cases } = JSON.parse(
      readFileSync(sharedPath('data/metrics/lm_eval_kormedmcqa_extract_choice_cases.json'), 'utf8'),
    ) as { cases: Case[] };

    it('has cases', () => {
      expect(cases.length).toBeGreaterThan(0);
    });

    it.each(cases)('$output → $expected', ({ output, expected }) => {
      expect(extractChoice(output)).toBe(expected);
    });
  },
);

describe('extractChoice: the upstream test table (tests/test_kormedmcqa.py)', () => {
  const table: [string, string][] = [
    [' B', 'B'],
    ['B', 'B'],
    ['b', 'B'],
    ['정답: B', 'B'],
    ['정답:B', 'B'],
    ['정답 C', 'C'],
    ['**정답: B**', 'B'],
    ['정답은 D 입니다', 'D'],
    ['정답은 D입니다', 'D'],
    ['B.', 'B'],
    ['The answer is (C).', 'C'],
    // last match wins within a pattern
    ['정답: B\n정답: C', 'C'],
    // earlier patterns in the cascade take precedence over later ones
    ['A. foo\nB. bar\n정답: E', 'E'],
    ['잘 모르겠습니다', ''],
    ['', ''],
  ];
  it.each(table)('%j → %j', (output, expected) => {
    expect(extractChoice(output)).toBe(expected);
  });

  it('maps responses like the ExtractChoiceFilter test', () => {
    expect(['정답: C', '정답은 A 입니다', '모르겠어요'].map((r) => extractChoice(r))).toEqual(['C', 'A', '']);
  });
});

describe('extractChoice: agrees with Python re on generated strings', () => {
  const { cases } = fixture<{ cases: Case[] }>('extract-choice-python.json');
  it('matches every case', () => {
    const wrong = cases.filter((c) => extractChoice(c.output) !== c.expected);
    expect(wrong).toEqual([]);
    expect(cases.length).toBe(400);
  });

  it('uses Unicode word boundaries as Python does', () => {
    // Python's \b treats Hangul and accented letters as word characters; JavaScript's \b would not.
    expect(extractChoice('가B가')).toBe('');
    expect(extractChoice('éA')).toBe('');
    expect(extractChoice('정답은 D입니다')).toBe('D');
    expect(extractChoice('(D)는')).toBe('D');
  });
});

describe('extractChoice with options', () => {
  const options = ['서울', '부산', '대구', '인천'];

  it('reads an option named by its text', () => {
    expect(extractChoice('수도는 부산입니다', options)).toBe('B');
    expect(extractChoice('I would say Incheon', ['Seoul', 'Busan', 'Daegu', 'Incheon'])).toBe('D');
  });

  it('prefers marked letters over option text', () => {
    expect(extractChoice('부산은 아닙니다. 정답: A', options)).toBe('A');
  });

  it('prefers option text over a bare letter', () => {
    expect(extractChoice('It is a big city: Busan', ['Seoul', 'Busan'])).toBe('B');
  });

  it('takes the option mentioned last, ignoring one inside a longer option', () => {
    expect(extractChoice('not 서울 but 대구', options)).toBe('C');
    expect(extractChoice('the value is 10', ['1', '10', '100'])).toBe('B');
  });

  it('only accepts the letters of the options', () => {
    expect(extractChoice('정답: E', options)).toBe('');
    expect(extractChoice('정답: H', ['1', '2', '3', '4', '5', '6', '7', '8'])).toBe('H');
  });

  it('returns empty when nothing is found', () => {
    expect(extractChoice('모르겠어요', options)).toBe('');
  });
});
