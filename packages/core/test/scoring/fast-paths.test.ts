/**
 * Differential tests of the scoring fast paths (pre-checks that skip regular expressions, the fused
 * "already normal" scan, match loops without `matchAll`): on generated outputs they must give exactly
 * what the original implementations in `reference/original-scoring.ts` give.
 */
import { describe, expect, it } from 'vitest';
import { extractChoice, findAnswer, normalizeAnswer, stripMarkdown } from '../../src/scoring/index.js';
import { lastGroup, nextMatch } from '../../src/scoring/text/regex-matches.js';
import {
  extractChoiceReference,
  findAnswerReference,
  normalizeAnswerReference,
  stripMarkdownReference,
} from './reference/original-scoring.js';

/** A small seeded generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MARKERS = [
  'Answer:',
  'answer :',
  'ANSWER：',
  'Final Answer:',
  'final \u3000answer:',
  'The answer is',
  'the answer is:',
  'answer is',
  'anſwer:',
  'ANſWER is',
  'Reanswer:',
  'answers:',
  'answer\nis',
  'answered:',
  '정답:',
  '정답 :',
  '정답：',
  '정답은',
  '정답은:',
  '정답 은 ：',
  '답:',
  '답은',
  '답변:',
  '답안：',
  '최종 정답:',
  '최종답:',
  '정답',
  '답',
];
const ANSWERS = [
  'A',
  'b',
  'C.',
  '(D)',
  'E)',
  'c:',
  'F',
  'Z.',
  '서울',
  '서울입니다',
  '서울입니다.',
  '7이다.',
  '3이에요!',
  '부산임',
  'Ｂ',
  '３',
  'ｂ。',
  'Seoul City.',
  'option 1 a',
  'option 10',
  '1.',
  '3.14',
  '2*3*4',
  'a_b_c',
  '**B**',
  '*C*',
  '_d_',
  '`B`',
  '~~A~~',
  'ǅ',
  'İ',
  'ß',
  'ﬁ',
  'Å',
  'e\u0301',
  '가\u11a8',
  '①',
  '½',
  '😀',
  '\ud800',
  '.',
  '。',
];
const SPACES = [
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\u3000',
  '\u00a0',
  '\u2003',
  '\v',
  '\f',
  '\x1c',
  '\x1d',
  '\x1e',
  '\x1f',
  '\x85',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u200b',
];
const MARKDOWN = [
  '# ',
  '## ',
  '####### ',
  '> ',
  '- ',
  '* ',
  '+ ',
  '```',
  '~~~',
  '**',
  '__',
  '~~',
  '`',
  '*',
  '_',
  '\\',
];
const FILLER = [
  'Let me think.',
  'because',
  '보기',
  'well-known',
  'x',
  'answer',
  'w',
  'W',
  'ans',
  'wer',
  'The',
  '입니다',
  '!',
  'A.',
  'B)',
  'c',
  '1+1',
  'a>b',
  '#1',
  '정',
  '최종',
  'is',
];
const KINDS = [MARKERS, ANSWERS, SPACES, MARKDOWN, FILLER, SPACES, ANSWERS];

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

/** `count` outputs of 1 to 9 fragments: markers, answers, whitespace, markdown and filler mixed. */
function generatedOutputs(count: number, seed: number): string[] {
  const next = random(seed);
  const outputs: string[] = [];
  for (let n = 0; n < count; n++) {
    let text = '';
    const parts = 1 + Math.floor(next() * 9);
    for (let p = 0; p < parts; p++) text += pick(next, pick(next, KINDS));
    outputs.push(text);
  }
  return outputs;
}

/** Every fragment alone, and every marker or markdown followed by each answer, spacing in between. */
function fragmentOutputs(): string[] {
  const all = [...MARKERS, ...ANSWERS, ...SPACES, ...MARKDOWN, ...FILLER];
  const outputs = [...all];
  for (const head of [...MARKERS, ...MARKDOWN]) {
    for (const answer of ANSWERS) outputs.push(`${head}${answer}`, `${head} ${answer}`, `${head}\n${answer}`);
  }
  return outputs;
}

const OUTPUTS = [...fragmentOutputs(), ...generatedOutputs(3000, 20240531)];
const OPTION_SETS: readonly (readonly string[])[] = [
  ['서울', '부산', '대구', '인천'],
  ['B', 'A'],
  ['1', '10', '100'],
  ['option 1 a', 'option 1 b', 'Option 1 C.', '**option** 1 d'],
  ['Seoul City', 'seoul', 'Ｂ', '서울입니다'],
  Array.from({ length: 30 }, (_, i) => `choice ${i}`),
  [],
];

/** Every UTF-16 code unit, alone and around ASCII and Hangul. */
function everyCodeUnitInContext(): string[] {
  const texts: string[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    const c = String.fromCharCode(code);
    texts.push(c, `가${c}`, `A ${c}.`, `${c}b c`);
  }
  return texts;
}

describe('scoring fast paths agree with the original implementations', () => {
  it(`has a few thousand generated outputs (${OUTPUTS.length})`, () => {
    expect(OUTPUTS.length).toBeGreaterThan(3000);
    expect(OUTPUTS.filter((o) => findAnswerReference(o).marker !== undefined).length).toBeGreaterThan(1000);
  });

  it('stripMarkdown', () => {
    for (const output of OUTPUTS)
      expect([output, stripMarkdown(output)]).toEqual([output, stripMarkdownReference(output)]);
  });

  it('findAnswer, last and first occurrence', () => {
    for (const output of OUTPUTS) {
      expect([output, findAnswer(output)]).toEqual([output, findAnswerReference(output)]);
      expect([output, findAnswer(output, { occurrence: 'first' })]).toEqual([
        output,
        findAnswerReference(output, 'first'),
      ]);
    }
  });

  it('normalizeAnswer of whole outputs and of the answers found in them', () => {
    for (const output of OUTPUTS) {
      expect([output, normalizeAnswer(output)]).toEqual([output, normalizeAnswerReference(output)]);
      const { answer } = findAnswerReference(output);
      expect([answer, normalizeAnswer(answer)]).toEqual([answer, normalizeAnswerReference(answer)]);
    }
  });

  it('extractChoice without options and with several option sets', () => {
    for (const output of OUTPUTS) {
      expect([output, extractChoice(output)]).toEqual([output, extractChoiceReference(output)]);
      for (const options of OPTION_SETS) {
        expect([output, options, extractChoice(output, options)]).toEqual([
          output,
          options,
          extractChoiceReference(output, options),
        ]);
      }
    }
  });

  it('normalizeAnswer and stripMarkdown on every UTF-16 code unit in context', () => {
    const mismatches: string[] = [];
    for (const text of everyCodeUnitInContext()) {
      if (normalizeAnswer(text) !== normalizeAnswerReference(text)) mismatches.push(text);
      if (stripMarkdown(text) !== stripMarkdownReference(text)) mismatches.push(text);
    }
    expect(mismatches).toEqual([]);
  });

  it('every spelling of "answer" the case-insensitive marker accepts is seen by the pre-check', () => {
    const letters = 'answer';
    const mismatches: string[] = [];
    for (let at = 0; at < letters.length; at++) {
      for (let code = 0; code <= 0xffff; code++) {
        const word = letters.slice(0, at) + String.fromCharCode(code) + letters.slice(at + 1);
        const text = at % 2 === 0 ? `${word}: B` : `x ${word} is C`;
        const fast = findAnswer(text);
        const slow = findAnswerReference(text);
        if (fast.answer !== slow.answer || fast.marker !== slow.marker) mismatches.push(text);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('only ASCII letters and ſ fold to the letters of "answer" (the pre-check relies on it)', () => {
    const folding: string[] = [];
    const letter = /^[answer]$/iu;
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if (letter.test(char)) folding.push(char);
    }
    expect(folding.sort().join('')).toBe('AENRSWaenrswſ');
  });
});

describe('nextMatch and lastGroup', () => {
  const all = (regex: RegExp, text: string): [number, string][] => {
    const out: [number, string][] = [];
    regex.lastIndex = 0;
    for (let m = nextMatch(regex, text); m !== null; m = nextMatch(regex, text)) out.push([m.index, m[0]]);
    return out;
  };
  const viaMatchAll = (regex: RegExp, text: string): [number, string][] =>
    [...text.matchAll(regex)].map((m) => [m.index, m[0]]);

  it.each([
    [/x*/g, 'axxb😀x'],
    [/x*/gu, 'axxb😀x'],
    [/(?:)/gu, '😀a\ud800'],
    [/(?:)/g, '😀a'],
    [/\p{L}+|/gu, '가 나😀다'],
  ])('yields what matchAll yields, empty matches included: %s on %j', (regex, text) => {
    expect(all(regex, text)).toEqual(viaMatchAll(regex, text));
    expect(regex.lastIndex).toBe(0);
  });

  it('lastGroup reads the group of the last match', () => {
    expect(lastGroup(/([A-E])\./g, 'A. or B.', 1)).toBe('B');
    expect(lastGroup(/([A-E])\./g, 'none', 1)).toBeUndefined();
  });
});
