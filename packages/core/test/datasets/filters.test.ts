import { describe, expect, it } from 'vitest';
import { compileFilters } from '../../src/datasets/filters.js';
import type { SampleMetadata } from '../../src/domain/sample.js';

const history: SampleMetadata = {
  language: 'ko',
  subjectType: ['HASS/History', 'Culture/Tradition'],
  taskType: 'Knowledge',
  targetType: 'Local',
  problemType: 'MCQA',
  benchmarkName: 'CLIcK',
};
const physics: SampleMetadata = {
  language: 'en-US',
  subjectType: ['Science/Physics'],
  taskType: 'Reasoning',
  targetType: 'General',
  problemType: 'MCQA',
  benchmarkName: 'MMLU',
};

describe('subject filters', () => {
  const withSubjects = (...subjectType: string[]): SampleMetadata => ({ language: 'ko', subjectType });
  const keeps = (filter: string, ...subjects: string[]) =>
    compileFilters({ subjectType: [filter] })(withSubjects(...subjects));

  it('matches equal subjects and coarse prefixes, case-insensitively, at a "/" boundary only', () => {
    expect(keeps('HASS/History', 'HASS/History')).toBe(true);
    expect(keeps('hass', 'HASS/History')).toBe(true);
    expect(keeps('art & sports/arts&sports', 'Art & Sports/arts&sports/dance')).toBe(true);
    expect(keeps('HASS/History', 'HASS')).toBe(false);
    expect(keeps('HASS', 'HASSLE/x')).toBe(false);
    expect(keeps('History', 'Science/History')).toBe(false);
  });

  it("accepts the BenchHub paper's names as aliases and considers every subject of a sample", () => {
    expect(keeps('Technology', 'Tech./Coding')).toBe(true);
    expect(keeps('Programming', 'Tech./Coding')).toBe(true);
    expect(keeps('Mathematics', 'HASS/History', 'Science/Math')).toBe(true);
    expect(keeps('Technology', 'Science/Math')).toBe(false);
  });
});

describe('compileFilters', () => {
  it('passes everything without filters', () => {
    expect(compileFilters(undefined)(history)).toBe(true);
    expect(compileFilters({})(physics)).toBe(true);
  });

  it('is case-insensitive', () => {
    const keep = compileFilters({ taskType: ['knowledge'], benchmarkName: ['click'], targetType: ['LOCAL'] });
    expect(keep(history)).toBe(true);
    expect(keep(physics)).toBe(false);
  });

  it('ORs the values of one filter', () => {
    const keep = compileFilters({ benchmarkName: ['KMMLU', 'MMLU'] });
    expect(keep(physics)).toBe(true);
    expect(keep(history)).toBe(false);
  });

  it('ANDs different filters', () => {
    expect(compileFilters({ taskType: ['Knowledge'], language: ['en'] })(history)).toBe(false);
    expect(compileFilters({ taskType: ['Knowledge'], language: ['ko'] })(history)).toBe(true);
  });

  it('matches a coarse subject against fine subjects, any subject of the sample', () => {
    expect(compileFilters({ subjectType: ['Culture'] })(history)).toBe(true);
    expect(compileFilters({ subjectType: ['science', 'Tech.'] })(physics)).toBe(true);
    expect(compileFilters({ subjectType: ['Science/Chemistry'] })(physics)).toBe(false);
  });

  it('compares languages after normalising, and lets a language match its regional tags', () => {
    expect(compileFilters({ language: ['Korean'] })(history)).toBe(true);
    expect(compileFilters({ language: ['KO'] })(history)).toBe(true);
    expect(compileFilters({ language: ['english'] })(physics)).toBe(true);
    expect(compileFilters({ language: ['en-gb'] })(physics)).toBe(false);
    expect(compileFilters({ language: ['en'] })({ ...physics, language: 'eng' })).toBe(true);
  });

  it('does not match a sample missing the filtered label', () => {
    expect(compileFilters({ taskType: ['Knowledge'] })({ language: 'ko', subjectType: [] })).toBe(false);
    expect(compileFilters({ subjectType: ['HASS'] })({ language: 'ko', subjectType: [] })).toBe(false);
  });
});
