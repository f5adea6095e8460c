import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetError } from '../../src/errors/dataset-error.js';
import { loadSeedLeaderboard } from '../../src/leaderboard/load-seed.js';
import {
  type SeedLeaderboardRow,
  seedLeaderboard,
  seedLeaderboardEntries,
} from '../../src/leaderboard/seed.js';
import { createMemoryStorage } from '../../src/storage/memory/create-memory-storage.js';
import { describeWithShared, sharedPath } from '../support/shared.js';

const CSV = 'data/benchhubplus/seed_leaderboard.csv';
const PARQUET = 'data/benchhubplus/seed_leaderboard.parquet';
const AT = new Date('2025-05-06T07:08:09.010Z');

const row = (fields: Partial<SeedLeaderboardRow> = {}): SeedLeaderboardRow => ({
  model_name: 'Qwen_Qwen2.5-72B-Instruct',
  language: 'English',
  subject_type: 'Art & Sports/Architecture',
  task_type: 'Knowledge',
  score: '0.5714285714285714',
  ...fields,
});

describe('seedLeaderboardEntries', () => {
  it('maps a row to a seed entry: model name kept exactly, labels normalised, n 0, no uncertainty', () => {
    const [entry] = seedLeaderboardEntries(
      [row({ model_name: ' meta-llama_Llama-3.1-8B-Instruct', language: 'Korean', task_type: 'value' })],
      { updatedAt: AT },
    );
    expect(entry).toEqual({
      modelName: ' meta-llama_Llama-3.1-8B-Instruct',
      metric: 'accuracy',
      language: 'ko',
      subjectType: 'Art & Sports/Architecture',
      taskType: 'Value/alignment',
      score: 0.5714285714285714,
      n: 0,
      stderr: null,
      ci: null,
      updatedAt: AT,
      source: 'seed',
    });
    expect(seedLeaderboardEntries([row({ score: 1 })], { metric: 'f1' })[0]).toMatchObject({
      metric: 'f1',
      score: 1,
    });
  });

  it('names the row and column of a bad value', () => {
    const bad = (fields: Partial<SeedLeaderboardRow>, at = 2) => {
      const rows = [row({ subject_type: 'HASS/Law' }), row({ subject_type: 'HASS/Media' })];
      rows.splice(at - 1, 0, row(fields));
      return () => seedLeaderboardEntries(rows);
    };
    expect(bad({ subject_type: 'HASS/Histroy' }, 3)).toThrow(
      'seedLeaderboard: row 3, subject_type: unknown subject "HASS/Histroy": did you mean "HASS/History"?',
    );
    expect(bad({ language: 'Klingon' }, 1)).toThrow(
      /^seedLeaderboard: row 1, language: unknown language "Klingon"/,
    );
    expect(bad({ score: 'n/a' })).toThrow(
      'seedLeaderboard: row 2, score: must be a finite number, got "n/a"',
    );
    expect(bad({ score: '' })).toThrow(/row 2, score/);
    expect(bad({ score: Number.NaN })).toThrow(/row 2, score/);
    expect(bad({ model_name: '  ' })).toThrow(
      'seedLeaderboard: row 2, model_name: must be a non-empty string, got "  "',
    );
    expect(bad({ task_type: undefined as never })).toThrow(/row 2, task_type: must be a non-empty string/);
    expect(() => seedLeaderboardEntries([row(), row({ language: 'en' })])).toThrow(
      'seedLeaderboard: row 2 repeats the cell of row 1',
    );
    expect(() => seedLeaderboardEntries([null as never])).toThrow(/row 1 must be an object/);
  });
});

describe('seedLeaderboard', () => {
  it('validates every row before writing: a bad row stores nothing of its call', async () => {
    const storage = createMemoryStorage();
    const rows = [row(), row({ subject_type: 'HASS/Law' }), row({ subject_type: 'Cooking' })];
    await expect(seedLeaderboard(storage, rows)).rejects.toThrow(/row 3, subject_type/);
    expect((await storage.stats()).leaderboard).toEqual({ visible: 0, quarantined: 0, deleted: 0 });
    expect(await seedLeaderboard(storage, rows.slice(0, 2), { batchSize: 1, updatedAt: AT })).toBe(2);
    expect(await seedLeaderboard(storage, rows.slice(0, 2), { updatedAt: AT })).toBe(2);
    const page = await storage.browseLeaderboard({ source: ['seed'] });
    expect(page.total).toBe(2);
    expect(page.items.every((e) => e.source === 'seed' && e.updatedAt.getTime() === AT.getTime())).toBe(true);
    await expect(seedLeaderboard(storage, [], { batchSize: 0 })).rejects.toThrow(/batchSize/);
  });
});

describe('loadSeedLeaderboard: file errors', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bh-seed-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names a missing column with its file and row, and refuses other formats', async () => {
    const file = join(dir, 'seed.csv');
    await writeFile(file, 'model_name,language,subject_type,score\nm,en,HASS/Law,0.5\n');
    const error = await loadSeedLeaderboard(file).catch((e: unknown) => e);
    expect(DatasetError.isInstance(error)).toBe(true);
    expect((error as DatasetError).message).toBe(`no "task_type" column (${file}, row 1, task_type)`);
    await expect(loadSeedLeaderboard(join(dir, 'seed.jsonl'))).rejects.toThrow(
      /reads a .csv or .parquet file/,
    );
  });
});

describeWithShared('the original seed leaderboard', [CSV, PARQUET], () => {
  let csvRows: SeedLeaderboardRow[];
  let parquetRows: SeedLeaderboardRow[];
  beforeAll(async () => {
    csvRows = await loadSeedLeaderboard(sharedPath(CSV));
    parquetRows = await loadSeedLeaderboard(sharedPath(PARQUET));
  });

  it('reads 4,528 rows from both files, giving identical entries', () => {
    expect(csvRows).toHaveLength(4528);
    expect(parquetRows).toHaveLength(4528);
    const fromCsv = seedLeaderboardEntries(csvRows, { updatedAt: AT });
    const fromParquet = seedLeaderboardEntries(parquetRows, { updatedAt: AT });
    expect(fromParquet).toEqual(fromCsv);
    expect(new Set(fromCsv.map((e) => e.modelName))).toEqual(new Set(csvRows.map((r) => r.model_name)));
    expect(fromCsv.some((e) => e.modelName.includes('/'))).toBe(false);
  });

  it('browses the seeded board with exact filters as the original ordered it, ties by model name', async () => {
    const storage = createMemoryStorage();
    expect(await seedLeaderboard(storage, parquetRows, { updatedAt: AT })).toBe(4528);
    expect((await storage.stats()).leaderboard.visible).toBe(4528);
    const cells = new Map<string, SeedLeaderboardRow[]>();
    for (const r of csvRows) {
      const key = JSON.stringify([r.language, r.subject_type, r.task_type]);
      cells.set(key, [...(cells.get(key) ?? []), r]);
    }
    expect(cells.size).toBeGreaterThan(200);
    let tied = 0;
    for (const [key, rows] of cells) {
      const [language, subject, taskType] = JSON.parse(key) as [string, string, string];
      // ORDER BY score DESC, then the documented tie order (model name; the other keys are fixed here).
      const expected = [...rows]
        .sort((a, b) => Number(b.score) - Number(a.score) || (a.model_name < b.model_name ? -1 : 1))
        .map((r) => [r.model_name, Number(r.score)]);
      tied += expected.length - new Set(expected.map((e) => e[1])).size;
      const page = await storage.browseLeaderboard({
        language: [language],
        subjectType: [subject],
        taskType: [taskType],
        sort: { by: 'score', direction: 'desc' },
        limit: 1000,
      });
      expect(
        page.items.map((e) => [e.modelName, e.score]),
        key,
      ).toEqual(expected);
      expect(page.total).toBe(rows.length);
    }
    expect(tied).toBeGreaterThan(100); // the seed has many equal scores: the tie order matters
  });
});
