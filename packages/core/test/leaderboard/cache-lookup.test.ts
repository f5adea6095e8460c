import { describe, expect, it } from 'vitest';
import type { LeaderboardEntry } from '../../src/domain/leaderboard.js';
import { lookupLeaderboardCache } from '../../src/leaderboard/cache-lookup.js';
import { createMemoryStorage } from '../../src/storage/memory/create-memory-storage.js';

const NOW = new Date('2025-06-01T12:00:00Z');
const HOUR = 3_600_000;

function entry(fields: Partial<LeaderboardEntry> = {}): LeaderboardEntry {
  return {
    modelName: 'openai/gpt-4o-mini',
    metric: 'accuracy',
    language: 'ko',
    subjectType: 'HASS/History',
    taskType: 'Knowledge',
    score: 0.7,
    n: 100,
    stderr: 0.04,
    ci: { lower: 0.62, upper: 0.78, level: 0.95 },
    updatedAt: new Date(NOW.getTime() - HOUR),
    source: 'evaluation',
    ...fields,
  };
}

const MODELS = ['openai/gpt-4o-mini', 'anthropic/claude'];

describe('lookupLeaderboardCache', () => {
  it('hits when every model has a fresh entry for every requested subject', async () => {
    const storage = createMemoryStorage({ now: () => NOW });
    const cached = MODELS.flatMap((modelName) => [
      entry({ modelName, subjectType: 'HASS/History' }),
      entry({ modelName, subjectType: 'HASS/Economics', score: 0.5 }),
    ]);
    await storage.upsertLeaderboard([
      ...cached,
      entry({ subjectType: 'HASS/Law' }),
      entry({ language: 'en' }),
    ]);
    const answer = await lookupLeaderboardCache(storage, {
      models: MODELS,
      language: ['Korean'],
      subjectType: ['hass/history', 'HASS/Economics'],
      taskType: ['knowledge'],
      ttlMs: 2 * HOUR,
      now: NOW,
    });
    expect(answer.hit).toBe(true);
    if (!answer.hit) return;
    expect(answer.entries).toHaveLength(4);
    expect(answer.entries.map((e) => e.subjectType).sort()).toEqual([
      'HASS/Economics',
      'HASS/Economics',
      'HASS/History',
      'HASS/History',
    ]);
  });

  it('misses on an expired entry, naming it and when it was updated', async () => {
    const storage = createMemoryStorage();
    const stale = new Date(NOW.getTime() - 3 * HOUR);
    await storage.upsertLeaderboard([
      entry({ modelName: MODELS[0] as string }),
      entry({ modelName: MODELS[1] as string, updatedAt: stale }),
    ]);
    const request = { models: MODELS, subjectType: ['HASS/History'], ttlMs: 2 * HOUR, now: NOW };
    expect(await lookupLeaderboardCache(storage, request)).toEqual({
      hit: false,
      missing: [{ modelName: MODELS[1], subjectType: 'HASS/History', reason: 'expired', updatedAt: stale }],
    });
    // The TTL bound is inclusive; a longer TTL accepts the entry.
    expect((await lookupLeaderboardCache(storage, { ...request, ttlMs: 3 * HOUR })).hit).toBe(true);
  });

  it('misses a two-subject request when only one subject is cached, naming the other for each model', async () => {
    const storage = createMemoryStorage();
    await storage.upsertLeaderboard(
      MODELS.map((modelName) => entry({ modelName, subjectType: 'HASS/History' })),
    );
    const answer = await lookupLeaderboardCache(storage, {
      models: MODELS,
      language: ['ko'],
      subjectType: ['HASS/History', 'Technology/Coding'],
      ttlMs: 2 * HOUR,
      now: NOW,
    });
    expect(answer).toEqual({
      hit: false,
      missing: MODELS.map((modelName) => ({
        modelName,
        language: 'ko',
        subjectType: 'Tech./Coding',
        reason: 'missing',
      })),
    });
  });

  it('needs the coarse roll-up for a coarse subject, every requested language, and visible entries', async () => {
    const storage = createMemoryStorage();
    await storage.upsertLeaderboard([entry({ subjectType: 'HASS/History' })]);
    const coarse = { models: [MODELS[0] as string], subjectType: ['HASS'], ttlMs: 2 * HOUR, now: NOW };
    expect(await lookupLeaderboardCache(storage, coarse)).toEqual({
      hit: false,
      missing: [{ modelName: MODELS[0], subjectType: 'HASS', reason: 'missing' }],
    });
    await storage.upsertLeaderboard([entry({ subjectType: 'HASS', score: 0.65 })]);
    const hit = await lookupLeaderboardCache(storage, coarse);
    expect(hit.hit && hit.entries.map((e) => [e.subjectType, e.score])).toEqual([['HASS', 0.65]]);

    const bilingual = { ...coarse, language: ['ko', 'English'] };
    expect(await lookupLeaderboardCache(storage, bilingual)).toMatchObject({
      hit: false,
      missing: [{ language: 'en', subjectType: 'HASS', reason: 'missing' }],
    });

    await storage.quarantineLeaderboard({ subjectType: ['HASS'] });
    expect((await lookupLeaderboardCache(storage, coarse)).hit).toBe(false);
  });

  it('without a subject filter, any fresh entry of the model answers; other metrics do not', async () => {
    const storage = createMemoryStorage();
    await storage.upsertLeaderboard([entry({ subjectType: 'Science/Math', metric: 'f1' })]);
    const request = { models: [MODELS[0] as string], ttlMs: HOUR, now: NOW };
    expect(await lookupLeaderboardCache(storage, request)).toEqual({
      hit: false,
      missing: [{ modelName: MODELS[0], reason: 'missing' }],
    });
    expect((await lookupLeaderboardCache(storage, { ...request, metric: 'f1' })).hit).toBe(true);
  });

  it('walks every page of a large answer', async () => {
    const storage = createMemoryStorage();
    const models = Array.from({ length: 1100 }, (_, i) => `org/model-${i}`);
    await storage.upsertLeaderboard(models.map((modelName) => entry({ modelName })));
    const answer = await lookupLeaderboardCache(storage, {
      models,
      subjectType: ['HASS/History'],
      ttlMs: HOUR,
      now: NOW,
    });
    expect(answer.hit && answer.entries.length).toBe(1100);
  });

  it('rejects a request it cannot check', async () => {
    const storage = createMemoryStorage();
    const base = { models: ['m'], ttlMs: HOUR };
    await expect(lookupLeaderboardCache(storage, { ...base, models: [] })).rejects.toThrow(
      /at least one model/,
    );
    await expect(lookupLeaderboardCache(storage, { ...base, ttlMs: -1 })).rejects.toThrow(/ttlMs must be/);
    await expect(lookupLeaderboardCache(storage, { ...base, subjectType: ['HASS/Histroy'] })).rejects.toThrow(
      /did you mean "HASS\/History"/,
    );
    await expect(lookupLeaderboardCache(storage, { ...base, language: ['Klingon'] })).rejects.toThrow(
      /unknown language "Klingon"/,
    );
    await expect(lookupLeaderboardCache(storage, { ...base, models: 'm' as never })).rejects.toThrow(
      /models must be an array/,
    );
  });
});
