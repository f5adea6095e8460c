import { describe, expect, it } from 'vitest';
import { BenchHubError } from '../../src/errors/index.js';
import { pythonFindAll, pythonRegex, regexExtract } from '../../src/scoring/index.js';
import { fixture } from './helpers.js';

interface Row {
  pattern: string;
  text: string;
  group: number;
  expected: string;
}

describe('regexExtract: lm-eval RegexFilter semantics', () => {
  const { rows } = fixture<{ rows: Row[] }>('regex-filter-python.json');

  it('agrees with Python re.findall + RegexFilter on every row', () => {
    const got = rows.map((row) => {
      try {
        return regexExtract(row.text, row.pattern, { group: row.group });
      } catch (error) {
        if (BenchHubError.isInstance(error) && error.message.includes('selects no match'))
          return '<<IndexError>>';
        throw error;
      }
    });
    const wrong = rows.filter((row, i) => got[i] !== row.expected);
    expect(wrong).toEqual([]);
    expect(rows.length).toBeGreaterThan(600);
  });

  it('uses the GSM8K default pattern and fallback', () => {
    expect(regexExtract('6 * 7 = 42\n#### 42')).toBe('42');
    expect(regexExtract('no marker')).toBe('[invalid]');
    expect(regexExtract('no marker', undefined, { fallback: '' })).toBe('');
  });

  it('selects a match with Python indexing and the first non-empty group', () => {
    expect(regexExtract('(A) then (C)', String.raw`\(([A-D])\)`, { group: -1 })).toBe('C');
    expect(regexExtract('B) x', String.raw`([A-Z])\)|\(([A-Z])`)).toBe('B');
    expect(regexExtract('(C x', String.raw`([A-Z])\)|\(([A-Z])`)).toBe('C');
    expect(regexExtract('x', '()()', { fallback: 'none' })).toBe('none');
  });

  it('accepts flags and JavaScript RegExp objects', () => {
    expect(regexExtract('ANSWER: b', String.raw`answer:\s*([a-d])`, { ignoreCase: true })).toBe('b');
    expect(regexExtract('x 12 y 34', /(\d+)/g, { group: 1 })).toBe('34');
  });
});

describe('pythonRegex', () => {
  it('translates Python-only syntax', () => {
    expect(pythonRegex('(?P<d>\\d)(?P=d)').test('77')).toBe(true);
    expect(pythonFindAll(pythonRegex('(?i)ab'), 'AB ab')).toEqual(['AB', 'ab']);
    expect(pythonFindAll(pythonRegex('\\d$'), '7\n')).toEqual(['7']);
    expect(pythonFindAll(pythonRegex('.'), 'a\r\nb')).toEqual(['a', '\r', 'b']);
    expect(pythonFindAll(pythonRegex('\\w+'), '정답 é_1 ٣')).toEqual(['정답', 'é_1', '٣']);
    expect(pythonFindAll(pythonRegex('x{,2}'), 'xxx')).toEqual(['xx', 'x', '']);
    expect(pythonFindAll(pythonRegex('{x}'), '{x}')).toEqual(['{x}']);
  });

  it('refuses what it cannot translate, naming the pattern', () => {
    expect(() => pythonRegex('(?i:a)b')).toThrow(/\(\?i:a\)b/);
    expect(() => pythonRegex('(?x) a b')).toThrow(/inline flag/);
    expect(() => pythonRegex('\\q')).toThrow(/escape \\q/);
    expect(() => pythonRegex('[abc')).toThrow(/not closed/);
    expect(() => pythonRegex('abc\\')).toThrow(/lone backslash/);
  });

  it('returns tuples for several groups, as re.findall', () => {
    expect(pythonFindAll(/(\d)-(\d)?/gu, '1-2 3-')).toEqual([
      ['1', '2'],
      ['3', ''],
    ]);
  });
});
