// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${VAR} placeholders are plan syntax, not templates.
import { describe, expect, it } from 'vitest';
import { closestMatch } from '../../src/text/closest-match.js';
import { editDistance } from '../../src/text/edit-distance.js';

describe('closestMatch', () => {
  it('computes edit distances', () => {
    expect(editDistance('modle', 'model')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('finds typos, case/underscore variants and abbreviations, and nothing for unrelated names', () => {
    expect(closestMatch('modle', ['id', 'provider', 'model'])).toBe('model');
    expect(closestMatch('top_p', ['temperature', 'topP'])).toBe('topP');
    expect(closestMatch('fmt', ['type', 'path', 'format'])).toBe('format');
    expect(closestMatch('zzzzzz', ['type', 'path', 'format'])).toBeUndefined();
  });
});
