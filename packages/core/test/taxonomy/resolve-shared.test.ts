import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { coarseSubject, isCoarseSubject, listSubjects, resolveSubject } from '../../src/taxonomy/index.js';
import { describeWithShared, sharedPath } from '../support/shared.js';

const SEED = 'data/benchhubplus/seed_leaderboard.csv';
const PAPER = 'data/benchhubplus/benchhub_subject_hierarchy_with_descriptions.json';

describeWithShared('every subject of the seed leaderboard resolves', [SEED], () => {
  it('resolves each subject_type to itself (they are canonical)', () => {
    const rows = parse(readFileSync(sharedPath(SEED), 'utf8'), { columns: true }) as Array<
      Record<string, string>
    >;
    const subjects = new Set(rows.map((r) => r.subject_type ?? ''));
    expect(subjects.size).toBeGreaterThan(50);
    const unresolved = [...subjects].filter((s) => resolveSubject(s) !== s);
    expect(unresolved).toEqual([]);
    // and in other letter cases too
    const lower = [...subjects].filter((s) => resolveSubject(s.toLowerCase()) !== s);
    const upper = [...subjects].filter((s) => resolveSubject(` ${s.toUpperCase()} `) !== s);
    expect([...lower, ...upper]).toEqual([]);
  });
});

describeWithShared('every subject of the BenchHub paper hierarchy resolves', [PAPER], () => {
  const hierarchy = (
    JSON.parse(readFileSync(sharedPath(PAPER), 'utf8')) as {
      SUBJECT_HIERARCHY_WITH_DESCRIPTION: Record<string, Record<string, string>>;
    }
  ).SUBJECT_HIERARCHY_WITH_DESCRIPTION;
  const canonicalFine = new Set(listSubjects());

  it('maps each paper coarse name to a coarse subject', () => {
    const coarse = Object.keys(hierarchy);
    expect(coarse).toHaveLength(6);
    const resolved = coarse.map((c) => resolveSubject(c));
    expect(resolved.every((r) => r !== undefined && isCoarseSubject(r))).toBe(true);
    expect(new Set(resolved).size).toBe(6);
  });

  it('maps each paper fine name, bare and as Coarse/Fine, to a canonical fine subject under its coarse', () => {
    const failures: string[] = [];
    let count = 0;
    for (const [paperCoarse, fines] of Object.entries(hierarchy)) {
      const coarse = resolveSubject(paperCoarse);
      for (const paperFine of Object.keys(fines)) {
        count++;
        const bare = resolveSubject(paperFine);
        const qualified = resolveSubject(`${paperCoarse}/${paperFine}`);
        const viaCanonicalCoarse = resolveSubject(`${coarse}/${paperFine}`);
        const ok =
          bare !== undefined &&
          canonicalFine.has(bare) &&
          coarseSubject(bare) === coarse &&
          qualified === bare &&
          viaCanonicalCoarse === bare;
        if (!ok)
          failures.push(`${paperCoarse} / ${paperFine} → ${bare}, ${qualified}, ${viaCanonicalCoarse}`);
      }
    }
    expect(count).toBe(64);
    expect(failures).toEqual([]);
  });
});
