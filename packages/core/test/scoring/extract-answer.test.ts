import { describe, expect, it } from 'vitest';
import { extractAnswer, findAnswer, normalizeAnswer, stripMarkdown } from '../../src/scoring/index.js';

describe('extractAnswer', () => {
  it.each([
    ['Answer: B', 'B'],
    ['answer:B', 'B'],
    ['ANSWER ： 서울', '서울'],
    ['Final Answer: 42', '42'],
    ['The answer is Paris.', 'Paris'],
    ['정답: 3번', '3번'],
    ['정답：서울', '서울'],
    ['정답은 D입니다', 'D'],
    ['정답은: 부산', '부산'],
    ['답: 7', '7'],
    ['답은 7이다.', '7'],
    ['답변: 네', '네'],
    ['최종 정답: C', 'C'],
    ['**정답: B**', 'B'],
    ['## Answer\n**Answer:** `C`', 'C'],
    ['Answer:\n\n  B  \nbecause...', 'B'],
  ])('%j → %j', (output, expected) => {
    expect(extractAnswer(output)).toBe(expected);
  });

  it('reads the last marker by default and the first on request (HRET)', () => {
    const output = 'Answer: A\nWait, let me re-check.\nAnswer: C';
    expect(extractAnswer(output)).toBe('C');
    expect(extractAnswer(output, { occurrence: 'first' })).toBe('A');
  });

  it('skips a marker with nothing after it', () => {
    expect(extractAnswer('Answer: B\nI will write Answer:')).toBe('B');
  });

  it('takes the first non-empty line when there is no marker', () => {
    expect(findAnswer('\n\n  Seoul \nBusan')).toEqual({ answer: 'Seoul', marker: undefined });
    expect(extractAnswer('')).toBe('');
  });

  it('does not mistake a word ending in "answer" for a marker', () => {
    expect(extractAnswer('Reanswer: no\nB')).toBe('Reanswer: no');
  });

  it('reports the marker it used', () => {
    expect(findAnswer('so 정답은 서울입니다.')).toEqual({ answer: '서울', marker: '정답은' });
  });
});

describe('normalizeAnswer and stripMarkdown', () => {
  it('normalises case, width, spacing, markdown and a final period', () => {
    expect(normalizeAnswer('  **Seoul**   City. ')).toBe('seoul city');
    expect(normalizeAnswer('Ｂ')).toBe('b');
    expect(normalizeAnswer('서울\u3000특별시')).toBe('서울 특별시');
    expect(normalizeAnswer('3.14')).toBe('3.14');
  });

  it('strips markdown but leaves arithmetic alone', () => {
    expect(stripMarkdown('# Title\n- *item*\n> quote ~~old~~')).toBe('Title\nitem\nquote old');
    expect(stripMarkdown('2*3*4 and a_b_c')).toBe('2*3*4 and a_b_c');
    expect(stripMarkdown('```python\nx\n```')).toBe('\nx\n');
  });
});
