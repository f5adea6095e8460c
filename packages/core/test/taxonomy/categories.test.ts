import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COARSE_SUBJECTS, FINE_SUBJECTS, listSubjects } from '../../src/taxonomy/index.js';
import { describeWithShared, sharedPath } from '../support/shared.js';

const CATEGORIES = 'data/benchhubplus/benchhubplus_categories.json';

describe('taxonomy data', () => {
  it('has 6 coarse and 250 fine subjects, each fine one under its coarse prefix', () => {
    expect(COARSE_SUBJECTS).toHaveLength(6);
    expect(listSubjects()).toHaveLength(250);
    expect(new Set(listSubjects()).size).toBe(250);
    for (const coarse of COARSE_SUBJECTS) {
      for (const fine of FINE_SUBJECTS[coarse]) expect(fine.startsWith(`${coarse}/`)).toBe(true);
    }
  });
});

describeWithShared('taxonomy data matches BenchHub Plus categories', [CATEGORIES], () => {
  it('holds exactly the coarse and fine names of benchhubplus_categories.json', () => {
    const source = JSON.parse(readFileSync(sharedPath(CATEGORIES), 'utf8')) as {
      BENCHHUB_COARSE_CATEGORIES: string[];
      BENCHHUB_FINE_CATEGORIES: Record<string, string[]>;
    };
    expect([...COARSE_SUBJECTS]).toEqual(source.BENCHHUB_COARSE_CATEGORIES);
    expect(FINE_SUBJECTS).toEqual(source.BENCHHUB_FINE_CATEGORIES);
  });
});
