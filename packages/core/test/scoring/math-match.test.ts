import { describe, expect, it } from 'vitest';
import {
  cleanLatex,
  createMathMatchScorer,
  evaluateExpression,
  lastBoxed,
  mathValuesEqual,
  parseMathValue,
  readMathAnswer,
  ScoringError,
  scoreMathMatch,
} from '../../src/scoring/index.js';
import { sample } from './helpers.js';

describe('evaluateExpression (no eval)', () => {
  it.each([
    ['42', 42],
    ['-3.5', -3.5],
    ['+7', 7],
    ['1.5e3', 1500],
    ['2.5E-2', 0.025],
    ['3/4', 0.75],
    ['\\frac{3}{4}', 0.75],
    ['\\frac34', 0.75],
    ['\\frac{\\sqrt{2}}{2}', Math.SQRT1_2],
    ['2^{10} - 3*(4+1)', 1009],
    ['-2^2', -4],
    ['2^3^2', 512],
    ['2^-1', 0.5],
    ['(1+2)(3+4)', 21],
    ['2\\sqrt{2}', 2 * Math.SQRT2],
    ['\\sqrt[3]{27}', 3],
    ['sqrt(16) + 1', 5],
    ['2\\pi', 2 * Math.PI],
    ['3\\frac{1}{2}', 3.5],
    ['-3\\frac{1}{2}', -3.5],
    ['{1+1}*3', 6],
  ])('%s = %d', (text, value) => {
    expect(evaluateExpression(text)).toBeCloseTo(value, 12);
  });

  it.each(['x+1', '2 3', '1/0', '', '3 +', '(1', 'alert(1)', 'constructor'])('refuses %j', (text) => {
    expect(evaluateExpression(text)).toBeUndefined();
  });
});

describe('LaTeX cleanup and boxed answers', () => {
  it('cleans the usual LaTeX decorations', () => {
    expect(cleanLatex('$\\left( \\dfrac{3}{4} \\right)$')).toBe('( \\frac{3}{4} )');
    expect(cleanLatex('90^\\circ')).toBe('90');
    expect(cleanLatex('90^{\\circ}')).toBe('90');
    expect(cleanLatex('5\\text{ cm}')).toBe('5 cm');
    expect(cleanLatex('3 \\times 4 \\cdot 2 \\div 6')).toBe('3 * 4 * 2 / 6');
    expect(cleanLatex('50\\%.')).toBe('50%');
    expect(cleanLatex('\\!1{,}000')).toBe('1,000');
  });

  it('finds the last box, with nested braces', () => {
    expect(lastBoxed('first \\boxed{1}, then \\boxed{\\frac{1}{\\sqrt{4}}} done')).toBe(
      '\\frac{1}{\\sqrt{4}}',
    );
    expect(lastBoxed('\\boxed 7$')).toBe('7');
    expect(lastBoxed('\\fbox{9}')).toBe('9');
    expect(lastBoxed('no box')).toBeUndefined();
    expect(lastBoxed('\\boxed{12')).toBe('12');
  });
});

describe('parseMathValue and equality', () => {
  const eq = (a: string, b: string): boolean => mathValuesEqual(parseMathValue(a)!, parseMathValue(b)!);

  it.each([
    ['1,234,567', '1234567'],
    ['1\\,000', '1000'],
    ['0.5', '\\frac{1}{2}'],
    ['50%', '50'],
    ['50\\%', '0.5'],
    ['x = 5', '5'],
    ['y=\\dfrac{3}{4}', '0.75'],
    ['(1, 2)', '(1,2)'],
    ['\\{2, 1\\}', '\\{1,2\\}'],
    ['0.3333333', '1/3'],
    ['1.0', '1'],
    ['-0', '0'],
  ])('%s equals %s', (a, b) => {
    expect(eq(a, b)).toBe(true);
  });

  it.each([
    ['0.333', '1/3'],
    ['1000001', '1000000'],
    ['(1, 2)', '(2, 1)'],
    ['(1, 2)', '(1, 2, 3)'],
    ['50%', '5'],
    ['2', '-2'],
  ])('%s differs from %s', (a, b) => {
    expect(eq(a, b)).toBe(false);
  });

  it('keeps the percent mark and tells lists from sets', () => {
    expect(parseMathValue('12.5%')).toEqual({ kind: 'number', value: 12.5, percent: true });
    expect(parseMathValue('\\{1, 2\\}')).toMatchObject({ kind: 'list', set: true });
    expect(parseMathValue('x^2 + 1')).toBeUndefined();
  });

  it('honours a custom tolerance', () => {
    expect(mathValuesEqual(parseMathValue('3.14')!, parseMathValue('\\pi')!, { absTol: 0.01 })).toBe(true);
    expect(mathValuesEqual(parseMathValue('3.14')!, parseMathValue('\\pi')!)).toBe(false);
  });
});

describe('readMathAnswer', () => {
  it.each([
    ['so the answer is \\boxed{\\frac{3}{4}}.', 'boxed', 0.75],
    ['Natalia sold 48/2 = 24 clips.\n#### 72', 'hashes', 72],
    ['Answer: 42 apples', 'marker', 42],
    ['정답: 1,000원', 'marker', 1000],
    ['Answer: 5 cm^2', 'marker', 5],
    ['The answer is 42 because 6*7=42 and 7', 'marker', 42],
    ['6 * 7\nSo the total is 42 dollars.', 'last-line', 42],
    ['풀이 과정...\n따라서 답은 15입니다.', 'marker', 15],
  ])('%j', (output, source, value) => {
    const answer = readMathAnswer(output);
    expect(answer.source).toBe(source);
    expect(answer.value).toMatchObject({ kind: 'number', value });
  });
});

describe('math_match scorer', () => {
  it('compares by value', () => {
    expect(scoreMathMatch(sample({ answer: '0.75' }), 'Thus \\boxed{\\dfrac{3}{4}}.').correct).toBe(true);
    expect(
      scoreMathMatch(sample({ answer: 'Janet makes 9 * 2 = $18.\n#### 18' }), 'She earns $18.').correct,
    ).toBe(true);
    expect(scoreMathMatch(sample({ answer: '18' }), 'The answer is 17').correct).toBe(false);
    expect(scoreMathMatch(sample({ answer: '50%' }), 'Answer: 0.5')).toMatchObject({
      correct: true,
      details: { method: 'numeric' },
    });
  });

  it('falls back to comparing cleaned text for symbolic answers', () => {
    const r = scoreMathMatch(sample({ answer: '2x + 1' }), 'Answer: $2x+1$');
    expect(r).toMatchObject({ correct: true, details: { method: 'string' } });
    expect(scoreMathMatch(sample({ answer: '2x + 1' }), 'Answer: 2x-1').correct).toBe(false);
  });

  it('accepts any of the references', () => {
    expect(
      scoreMathMatch(sample({ answer: '1/2', references: ['0.5', 'half'] }), 'Answer: half').correct,
    ).toBe(true);
  });

  it('refuses a sample without reference', async () => {
    await expect(createMathMatchScorer().score(sample({ id: 'm-9' }), '42')).rejects.toThrow(ScoringError);
  });
});
