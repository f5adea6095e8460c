import { describe, expect, it } from 'vitest';
import {
  anySubjectMatches,
  COARSE_SUBJECTS,
  closestSubject,
  coarseSubject,
  describeSubject,
  isCoarseSubject,
  listSubjects,
  normalizeTaskType,
  resolveSubject,
  SubjectSchema,
  subjectCandidates,
  subjectMatches,
} from '../../src/taxonomy/index.js';
import { editDistance } from '../../src/text/edit-distance.js';

describe('resolveSubject', () => {
  it.each([
    ['HASS/History', 'HASS/History'],
    ['  hass/history ', 'HASS/History'],
    ['Tech. / Coding', 'Tech./Coding'],
    ['Technology', 'Tech.'],
    ['tech', 'Tech.'],
    ['Humanities and Social Science (HASS)', 'HASS'],
    ['Arts and Sports', 'Art & Sports'],
    ['Social intelligence', 'Social Intelligence'],
    ['Technology/Coding', 'Tech./Coding'],
    ['Technology/Programming', 'Tech./Coding'],
    ['Programming', 'Tech./Coding'],
    ['Coding', 'Tech./Coding'],
    ['Mathematics', 'Science/Math'],
    ['Science/Mathematics', 'Science/Math'],
    ['Energy eng.', 'Tech./Energy'],
    ['Social Intelligence/Value', 'Social Intelligence/Value/Alignment'],
    ['Value/Alignment', 'Social Intelligence/Value/Alignment'],
    ['Tech./Civil Engineering', 'Tech./Civil Eng.'],
    ['civil engineering', 'Tech./Civil Eng.'],
    ['History', 'HASS/History'],
    ['Science/History', 'Science/History'],
    ['arts&sports/dog', 'Art & Sports/arts&sports/dog'],
    ['Tech./tech/marine_eng', 'Tech./tech/marine_eng'],
  ])('%j → %j', (name, expected) => {
    expect(resolveSubject(name)).toBe(expected);
  });

  it.each(['', '   ', 'Cooking', 'Technology/Cooking', 'Celebration Holiday', 'Nope/History'])(
    'gives undefined for %j',
    (name) => {
      expect(resolveSubject(name)).toBeUndefined();
    },
  );

  it('keeps a fine name under the coarse subject it was written with', () => {
    // "History" exists under HASS and Science: the coarse prefix decides.
    expect(resolveSubject('Science/history')).toBe('Science/History');
    expect(resolveSubject('Tech./Physics')).toBe('Tech./Physics');
  });

  it('resolves every canonical name to itself', () => {
    for (const name of [...COARSE_SUBJECTS, ...listSubjects()]) expect(resolveSubject(name)).toBe(name);
  });

  it('lists the candidates of an ambiguous bare name', () => {
    expect(subjectCandidates('Celebration Holiday')).toEqual([
      'Culture/Celebration Holiday',
      'HASS/Celebration Holiday',
    ]);
    expect(subjectCandidates('HASS')).toEqual(['HASS']);
    expect(subjectCandidates('Cooking')).toEqual([]);
  });
});

describe('coarse subjects', () => {
  it('finds the coarse subject of a name', () => {
    expect(coarseSubject('Programming')).toBe('Tech.');
    expect(coarseSubject('Social Intelligence/Value/Alignment')).toBe('Social Intelligence');
    expect(coarseSubject('HASS')).toBe('HASS');
    expect(coarseSubject('Cooking')).toBeUndefined();
  });

  it('tells coarse names from fine ones', () => {
    expect(isCoarseSubject('technology')).toBe(true);
    expect(isCoarseSubject('Art & Sports')).toBe(true);
    expect(isCoarseSubject('Tech./Coding')).toBe(false);
    expect(isCoarseSubject('Cooking')).toBe(false);
  });

  it('lists the fine subjects of a coarse subject', () => {
    expect(listSubjects('Technology')).toHaveLength(62);
    expect(listSubjects('Culture')).toContain('Culture/Daily Life');
    expect(listSubjects('Tech./Coding')).toEqual([]);
    expect(listSubjects('Cooking')).toEqual([]);
  });
});

describe('subjectMatches', () => {
  it('matches a coarse filter against its fine subjects only', () => {
    expect(subjectMatches('HASS', 'HASS/History')).toBe(true);
    expect(subjectMatches('technology', 'Tech./Coding')).toBe(true);
    expect(subjectMatches('Culture', 'HASS/Culture')).toBe(false);
    expect(subjectMatches('Science', 'HASS/History')).toBe(false);
  });

  it('matches fine filters case-insensitively and through aliases', () => {
    expect(subjectMatches('hass/history', 'HASS/History')).toBe(true);
    expect(subjectMatches('Technology/Programming', 'tech./coding')).toBe(true);
    expect(subjectMatches('HASS/History', 'Science/History')).toBe(false);
    expect(subjectMatches('Tech./Coding', 'Tech.')).toBe(false);
  });

  it('compares unknown subjects by name and prefix', () => {
    expect(subjectMatches('My Bench', 'my bench/part 1')).toBe(true);
    expect(subjectMatches('My Bench', 'My Benchmark')).toBe(false);
    expect(subjectMatches('', 'HASS')).toBe(false);
  });

  it('considers every subject of a sample', () => {
    expect(anySubjectMatches(['Science'], ['HASS/History', 'Science/Physics'])).toBe(true);
    expect(anySubjectMatches(['Science', 'Culture'], ['HASS/History', 'Tech./AI'])).toBe(false);
  });
});

describe('SubjectSchema', () => {
  it('normalises to the canonical name', () => {
    expect(SubjectSchema.parse('Technology/Programming')).toBe('Tech./Coding');
  });

  it('suggests the closest subject for a typo', () => {
    const result = SubjectSchema.safeParse('HASS/Histroy');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      'unknown subject "HASS/Histroy": did you mean "HASS/History"?',
    );
  });

  it('names the candidates of an ambiguous name and the coarse subjects of a far-off one', () => {
    expect(SubjectSchema.safeParse('Celebration Holiday').error?.issues[0]?.message).toContain(
      '"Culture/Celebration Holiday", "HASS/Celebration Holiday"',
    );
    expect(SubjectSchema.safeParse('Quantum cooking').error?.issues[0]?.message).toContain(
      'Social Intelligence',
    );
  });
});

describe('suggestions and descriptions', () => {
  it('computes edit distances', () => {
    expect(editDistance('histroy', 'history')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests through aliases too', () => {
    expect(closestSubject('Mathematcs')).toBe('Science/Math');
    expect(closestSubject('Quantum cooking')).toBeUndefined();
  });

  it("gives the paper's description of a subject", () => {
    expect(describeSubject('Tech./Coding')).toBe('Computer programming and software development practices.');
    expect(describeSubject('Art & Sports/arts&sports/dog')).toBeUndefined();
  });
});

describe('normalizeTaskType', () => {
  it.each([
    ['knowledge', 'Knowledge'],
    [' REASONING ', 'Reasoning'],
    ['Value', 'Value/alignment'],
    ['Alignment', 'Value/alignment'],
    ['Value / Alignment', 'Value/alignment'],
    ['Coding', 'Coding'],
  ])('%j → %j', (value, expected) => {
    expect(normalizeTaskType(value)).toBe(expected);
  });
});
