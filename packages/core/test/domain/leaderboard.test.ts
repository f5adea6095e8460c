import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  type LeaderboardEntryInput,
  LeaderboardEntrySchema,
  leaderboardKey,
} from '../../src/domain/leaderboard.js';
import { describeWithShared, sharedPath } from '../support/shared.js';

const entry: LeaderboardEntryInput = {
  modelName: 'Qwen/Qwen2.5-72B-Instruct',
  language: 'Korean',
  subjectType: 'Technology/Programming',
  taskType: 'knowledge',
  score: 0.71,
  n: 120,
  stderr: 0.041,
  ci: { lower: 0.63, upper: 0.79, level: 0.95 },
  updatedAt: '2025-01-02T03:04:05Z',
};

describe('LeaderboardEntrySchema', () => {
  it('normalises language, subject and task type and keeps the model name with its slash', () => {
    const parsed = LeaderboardEntrySchema.parse(entry);
    expect(parsed).toMatchObject({
      modelName: 'Qwen/Qwen2.5-72B-Instruct',
      language: 'ko',
      subjectType: 'Tech./Coding',
      taskType: 'Knowledge',
      metric: 'accuracy',
    });
    expect(parsed.updatedAt.toISOString()).toBe('2025-01-02T03:04:05.000Z');
  });

  it.each([
    ['Ko', 'ko'],
    ['ko', 'ko'],
    ['KOREAN', 'ko'],
    ['English', 'en'],
    ['en_us', 'en-US'],
  ])('normalises language %j to %j', (language, expected) => {
    expect(LeaderboardEntrySchema.parse({ ...entry, language }).language).toBe(expected);
  });

  it('accepts unknown uncertainty as null', () => {
    const parsed = LeaderboardEntrySchema.parse({ ...entry, n: 0, stderr: null, ci: null });
    expect(parsed.stderr).toBeNull();
    expect(parsed.ci).toBeNull();
  });

  it('names what is wrong', () => {
    const bad = LeaderboardEntrySchema.safeParse({
      ...entry,
      language: 'Klingonish',
      subjectType: 'HASS/Histroy',
      ci: { lower: 0.9, upper: 0.1, level: 0.95 },
    });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries((bad.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(messages.language).toContain('unknown language "Klingonish"');
    expect(messages.subjectType).toBe('unknown subject "HASS/Histroy": did you mean "HASS/History"?');
    expect(messages.ci).toBe('ci.lower exceeds ci.upper');
  });
});

describe('leaderboardKey', () => {
  it('gives the same key for aliases of the same cell', () => {
    const a = leaderboardKey({
      modelName: 'openai/gpt-4o',
      language: 'Korean',
      subjectType: 'Technology/Coding',
      taskType: 'knowledge',
    });
    const b = leaderboardKey({
      modelName: 'openai/gpt-4o',
      language: 'ko',
      subjectType: 'Tech./Coding',
      taskType: 'Knowledge',
    });
    expect(a).toBe(b);
    expect(a).toBe('["openai/gpt-4o","accuracy","ko","Tech./Coding","Knowledge"]');
    expect(
      leaderboardKey({
        modelName: 'openai/gpt-4o',
        metric: 'f1',
        language: 'ko',
        subjectType: 'Tech./Coding',
        taskType: 'Knowledge',
      }),
    ).not.toBe(b);
  });

  it('separates models whose names differ only by the slash the original lost', () => {
    const withSlash = leaderboardKey({
      modelName: 'Qwen/Qwen3-8B',
      language: 'en',
      subjectType: 'HASS',
      taskType: 'Reasoning',
    });
    const flattened = leaderboardKey({
      modelName: 'Qwen_Qwen3-8B',
      language: 'en',
      subjectType: 'HASS',
      taskType: 'Reasoning',
    });
    expect(withSlash).not.toBe(flattened);
  });
});

const SEED = 'data/benchhubplus/seed_leaderboard.csv';

describeWithShared('the seed leaderboard parses into entries', [SEED], () => {
  it('normalises every row (languages to BCP-47, subjects canonical) with unique keys', () => {
    const rows = parse(readFileSync(sharedPath(SEED), 'utf8'), { columns: true }) as Array<
      Record<string, string>
    >;
    const keys = new Set<string>();
    const languages = new Set<string>();
    for (const row of rows) {
      const parsed = LeaderboardEntrySchema.parse({
        modelName: row.model_name,
        language: row.language,
        subjectType: row.subject_type,
        taskType: row.task_type,
        score: Number(row.score),
        n: 0,
        stderr: null,
        ci: null,
        updatedAt: new Date(0),
      });
      expect(parsed.subjectType).toBe(row.subject_type);
      languages.add(parsed.language);
      keys.add(leaderboardKey(parsed));
    }
    expect([...languages].sort()).toEqual(['en', 'ko']);
    expect(keys.size).toBe(rows.length);
  });
});
