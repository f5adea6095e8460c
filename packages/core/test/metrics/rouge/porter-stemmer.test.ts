import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type PorterStemmerMode, porterStem } from '../../../src/metrics/rouge/porter-stemmer.js';
import { describeWithShared, sharedPath } from '../../support/shared.js';

const STEMS_FILE = 'data/metrics/porter_stems_nltk.json';

describeWithShared('porterStem against NLTK PorterStemmer() stems', [STEMS_FILE], () => {
  it('gives NLTK’s stem for all 3,000 reference words', () => {
    const { pairs } = JSON.parse(readFileSync(sharedPath(STEMS_FILE), 'utf8')) as {
      pairs: [string, string][];
    };
    expect(pairs.length).toBe(3000);
    const wrong = pairs.filter(([word, stem]) => porterStem(word) !== stem);
    expect(wrong).toEqual([]);
  });
});

describe('porterStem against more NLTK output (all three modes, with and without lower-casing)', () => {
  const fixture = JSON.parse(
    readFileSync(new URL('./fixtures/porter_nltk_extra.json', import.meta.url), 'utf8'),
  ) as {
    rows: [string, PorterStemmerMode, boolean, string][];
  };

  it('matches every row', () => {
    expect(fixture.rows.length).toBeGreaterThan(2000);
    const wrong = fixture.rows
      .map(([word, mode, toLowercase, stem]) => ({
        word,
        mode,
        toLowercase,
        stem,
        got: porterStem(word, { mode, toLowercase }),
      }))
      .filter((row) => row.got !== row.stem);
    expect(wrong).toEqual([]);
  });
});

describe('porterStem: NLTK’s own unit tests and documented examples', () => {
  it('stems "oed" without failing (nltk issue 1581)', () => {
    expect(porterStem('oed')).toBe('o');
  });

  it('lower-cases unless toLowercase is false (nltk issue 2507)', () => {
    expect(porterStem('On')).toBe('on');
    expect(porterStem('I')).toBe('i');
    expect(porterStem('I', { toLowercase: false })).toBe('I');
    expect(porterStem('Github')).toBe('github');
    expect(porterStem('Github', { toLowercase: false })).toBe('Github');
  });

  it('follows the paper’s examples in the original algorithm', () => {
    const paper: [string, string][] = [
      ['caresses', 'caress'],
      ['ponies', 'poni'],
      ['ties', 'ti'],
      ['cats', 'cat'],
      ['feed', 'feed'],
      ['agreed', 'agre'],
      ['plastered', 'plaster'],
      ['bled', 'bled'],
      ['motoring', 'motor'],
      ['sing', 'sing'],
      ['conflated', 'conflat'],
      ['hopping', 'hop'],
      ['falling', 'fall'],
      ['filing', 'file'],
      ['happy', 'happi'],
      ['relational', 'relat'],
      ['triplicate', 'triplic'],
      ['revival', 'reviv'],
      ['adoption', 'adopt'],
      ['controll', 'control'],
      ['roll', 'roll'],
    ];
    for (const [word, stem] of paper) expect(porterStem(word, { mode: 'original' }), word).toBe(stem);
  });

  it('applies the NLTK extensions that other Porter stemmers lack', () => {
    expect(porterStem('dying')).toBe('die'); // irregular forms
    expect(porterStem('skies')).toBe('sky');
    expect(porterStem('Dying')).toBe('dy'); // the table is consulted before lower-casing
    expect(porterStem('dies')).toBe('die'); // 4-letter -ies
    expect(porterStem('flies')).toBe('fli');
    expect(porterStem('died')).toBe('die');
    expect(porterStem('spied')).toBe('spi');
    expect(porterStem('enjoy')).toBe('enjoy'); // y -> i only after a consonant
    expect(porterStem('enjoy', { mode: 'martin' })).toBe('enjoi');
    expect(porterStem('generously')).toBe('gener'); // alli/ousli handling
    expect(porterStem('geology')).toBe('geolog'); // logi keeps its l for the measure
    expect(porterStem('geology', { mode: 'martin' })).toBe('geologi');
    expect(porterStem('hopefully')).toBe('hope'); // fulli
    expect(porterStem('hopefully', { mode: 'martin' })).toBe('hopefulli');
    expect(porterStem('sky', { mode: 'martin' })).toBe('sky');
    expect(porterStem('by', { mode: 'original' })).toBe('by');
    expect(porterStem('as', { mode: 'original' })).toBe('a');
    expect(porterStem('as')).toBe('as'); // two letters are left alone outside the original algorithm
  });

  it('counts characters outside the BMP as one character, as Python does', () => {
    expect(porterStem('caf𝐛𝐛ing')).toBe('caf𝐛'); // a doubled astral consonant is undoubled
    expect(porterStem('a𝐚')).toBe('a𝐚'); // two characters: not stemmed
    expect(porterStem('𐐀𐐀ing')).toBe('𐐨𐐨ing');
    expect(porterStem('𝒶𝒷𝒸ational')).toBe('𝒶𝒷𝒸ation');
  });

  it('lower-cases like Python for non-ASCII words', () => {
    expect(porterStem('ÉCOLES')).toBe('école');
    expect(porterStem('İİed')).toBe('i̇i̇');
    expect(porterStem('정답은')).toBe('정답은');
  });
});
