import { describe, expect, it } from 'vitest';
import * as core from '../../src/index.js';
import {
  collapsePythonWhitespace,
  isPythonWhitespace,
  isPythonWhitespaceCode,
  PYTHON_WHITESPACE_CLASS,
  PYTHON_WHITESPACE_CODE_POINTS,
  pythonRstrip,
  pythonSplit,
  pythonStrip,
  removePythonWhitespace,
  splitPythonWhitespace,
} from '../../src/text/python-text.js';

// `[c for c in range(0x110000) if chr(c).isspace()]`, printed by CPython 3.11 (Unicode 14).
const PYTHON_ISSPACE = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002,
  0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];

// [text, text.strip(), text.rstrip(), text.split(), ' '.join(text.split()), ''.join(text.split())],
// each computed by CPython 3.11.
const PYTHON_RESULTS: [string, string, string, string[], string, string][] = [
  [
    ' a\u00a0b\u001fc\u0085d\u3000e\ufefff  ',
    'a\u00a0b\u001fc\u0085d\u3000e\ufefff',
    ' a\u00a0b\u001fc\u0085d\u3000e\ufefff',
    ['a', 'b', 'c', 'd', 'e\ufefff'],
    'a b c d e\ufefff',
    'abcde\ufefff',
  ],
  ['', '', '', [], '', ''],
  ['   ', '', '', [], '', ''],
  ['x-\n \u2003', 'x-', 'x-', ['x-'], 'x-', 'x-'],
  ['\u001c x y \u001d', 'x y', '\u001c x y', ['x', 'y'], 'x y', 'xy'],
  [' a b\tc\u00a0', 'a b\tc', ' a b\tc', ['a', 'b', 'c'], 'a b c', 'abc'],
  ['\u3000\u0085 질문\t\n', '질문', '\u3000\u0085 질문', ['질문'], '질문', '질문'],
  ['\ufeffx\ufeff', '\ufeffx\ufeff', '\ufeffx\ufeff', ['\ufeffx\ufeff'], '\ufeffx\ufeff', '\ufeffx\ufeff'],
  [
    '\u200bzero\u200bwidth\u200b',
    '\u200bzero\u200bwidth\u200b',
    '\u200bzero\u200bwidth\u200b',
    ['\u200bzero\u200bwidth\u200b'],
    '\u200bzero\u200bwidth\u200b',
    '\u200bzero\u200bwidth\u200b',
  ],
  [
    'mongolian\u180evowel',
    'mongolian\u180evowel',
    'mongolian\u180evowel',
    ['mongolian\u180evowel'],
    'mongolian\u180evowel',
    'mongolian\u180evowel',
  ],
  ['😀 😀\u2028', '😀 😀', '😀 😀', ['😀', '😀'], '😀 😀', '😀😀'],
  [
    'line\u2029para\u000bvt\fff\rcr',
    'line\u2029para\u000bvt\fff\rcr',
    'line\u2029para\u000bvt\fff\rcr',
    ['line', 'para', 'vt', 'ff', 'cr'],
    'line para vt ff cr',
    'lineparavtffcr',
  ],
  ['no-space', 'no-space', 'no-space', ['no-space'], 'no-space', 'no-space'],
  [
    '\u1680ogham\u202fnarrow\u205fmath ',
    'ogham\u202fnarrow\u205fmath',
    '\u1680ogham\u202fnarrow\u205fmath',
    ['ogham', 'narrow', 'math'],
    'ogham narrow math',
    'oghamnarrowmath',
  ],
];

describe('Python whitespace set', () => {
  it("is exactly the code points of CPython's str.isspace()", () => {
    expect([...PYTHON_WHITESPACE_CODE_POINTS]).toEqual(PYTHON_ISSPACE);
  });

  it('agrees in every form (code, character, regex class) on every UTF-16 code unit', () => {
    const members = new Set(PYTHON_ISSPACE);
    const unicodeClass = new RegExp(`^[${PYTHON_WHITESPACE_CLASS}]$`, 'u');
    const plainClass = new RegExp(`^[${PYTHON_WHITESPACE_CLASS}]$`);
    const wrong: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      const expected = members.has(code);
      if (
        isPythonWhitespaceCode(code) !== expected ||
        isPythonWhitespace(char) !== expected ||
        unicodeClass.test(char) !== expected ||
        plainClass.test(char) !== expected
      ) {
        wrong.push(code);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("differs from JavaScript's \\s where Python does", () => {
    expect(isPythonWhitespace('\x85')).toBe(true);
    expect(isPythonWhitespace('\x1c')).toBe(true);
    expect(isPythonWhitespace('\ufeff')).toBe(false);
    expect(/\s/.test('\ufeff')).toBe(true);
    expect(isPythonWhitespace('\u180e')).toBe(false);
    expect(isPythonWhitespace('\u200b')).toBe(false);
  });

  it('rejects anything but a single code unit, and out-of-range codes', () => {
    expect(isPythonWhitespace('')).toBe(false);
    expect(isPythonWhitespace('  ')).toBe(false);
    expect(isPythonWhitespaceCode(Number.NaN)).toBe(false);
    expect(isPythonWhitespaceCode(-1)).toBe(false);
    expect(isPythonWhitespaceCode(0x3001)).toBe(false);
    expect(isPythonWhitespaceCode(0x1_0000 + 0x20)).toBe(false);
  });
});

describe('Python str methods', () => {
  it.each(PYTHON_RESULTS)('matches CPython on %j', (text, strip, rstrip, split, collapsed, removed) => {
    expect(pythonStrip(text)).toBe(strip);
    expect(pythonRstrip(text)).toBe(rstrip);
    expect(pythonSplit(text)).toEqual(split);
    expect(collapsePythonWhitespace(text)).toBe(collapsed);
    expect(removePythonWhitespace(text)).toBe(removed);
  });

  it('returns the input itself when there is nothing to remove', () => {
    const text = 'a b';
    expect(pythonStrip(text)).toBe(text);
    expect(pythonRstrip(text)).toBe(text);
    expect(removePythonWhitespace('ab')).toBe('ab');
  });

  it('keeps splitPythonWhitespace as the public name of pythonSplit', () => {
    expect(splitPythonWhitespace).toBe(pythonSplit);
    expect(splitPythonWhitespace(' a\u2028b\x1fc\ufeffd ')).toEqual(['a', 'b', 'c\ufeffd']);
  });
});

describe('public exports', () => {
  it('exports the Python whitespace helpers from the core entry point, once', () => {
    expect(core.isPythonWhitespace).toBe(isPythonWhitespace);
    expect(core.pythonStrip).toBe(pythonStrip);
    expect(core.splitPythonWhitespace).toBe(pythonSplit);
  });
});
