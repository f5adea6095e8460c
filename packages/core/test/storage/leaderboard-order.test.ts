import { describe, expect, it } from 'vitest';
import type { LeaderboardEntry } from '../../src/domain/leaderboard.js';
import { decodeLeaderboardCursor, encodeLeaderboardCursor } from '../../src/storage/leaderboard/cursor.js';
import { resolveLeaderboardFilter } from '../../src/storage/leaderboard/filter.js';
import {
  compareCodePoints,
  compareLeaderboardPositions,
  leaderboardPosition,
  resolveLeaderboardSort,
} from '../../src/storage/leaderboard/order.js';
import { createMemoryStorage } from '../../src/storage/memory/create-memory-storage.js';

const entry = (fields: Partial<LeaderboardEntry> = {}): LeaderboardEntry => ({
  modelName: 'org/a',
  metric: 'accuracy',
  language: 'ko',
  subjectType: 'HASS/History',
  taskType: 'Knowledge',
  score: 0.5,
  n: 10,
  stderr: null,
  ci: null,
  updatedAt: new Date('2025-01-01T00:00:00Z'),
  source: 'evaluation',
  ...fields,
});

describe('compareCodePoints', () => {
  it('orders by code point, as UTF-8 bytes do (PostgreSQL COLLATE "C", SQLite BINARY)', () => {
    const words = ['org/a', 'Org/B', 'org/a-2', '모델', '\u{1F600}', '\uFFFD', '', 'org'];
    const byBytes = [...words].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect([...words].sort(compareCodePoints)).toEqual(byBytes);
    expect(byBytes.indexOf('\uFFFD')).toBeLessThan(byBytes.indexOf('\u{1F600}'));
    expect(compareCodePoints('a', 'a')).toBe(0);
  });
});

describe('leaderboard cursor', () => {
  const sort = { by: 'score', direction: 'desc' } as const;

  it('round-trips a position as base64url text', () => {
    const position = leaderboardPosition(entry({ modelName: 'Qwen/Qwen2.5 "72B"', score: 1 / 3 }), 'score');
    const cursor = encodeLeaderboardCursor(sort, position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeLeaderboardCursor(cursor, sort, 'browse')).toEqual(position);
    const byTime = leaderboardPosition(entry(), 'updatedAt');
    expect(byTime.value).toBe(Date.parse('2025-01-01T00:00:00Z'));
  });

  it('rejects what it did not make, naming why', () => {
    const cursor = encodeLeaderboardCursor(sort, leaderboardPosition(entry(), 'score'));
    const encode = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64url');
    expect(() => decodeLeaderboardCursor('', sort, 'browse')).toThrow(
      'browse: cursor is malformed (expected a non-empty string)',
    );
    expect(() => decodeLeaderboardCursor('a+b/c=', sort, 'browse')).toThrow(/not base64url/);
    expect(() => decodeLeaderboardCursor('bm9wZQ', sort, 'browse')).toThrow(/not an encoded position/);
    expect(() => decodeLeaderboardCursor(encode([2, 'score']), sort, 'browse')).toThrow(/unknown layout/);
    expect(() =>
      decodeLeaderboardCursor(
        encode([1, 'score', 'desc', 'high', 'm', 'a', 'ko', 'HASS', 'K']),
        sort,
        'browse',
      ),
    ).toThrow(/its score value is not valid/);
    expect(() =>
      decodeLeaderboardCursor(encode([1, 'score', 'desc', 0.5, 'm', 'a', 'ko', 'HASS', 7]), sort, 'browse'),
    ).toThrow(/its entry key is not valid/);
    expect(() => decodeLeaderboardCursor(cursor, { by: 'score', direction: 'asc' }, 'browse')).toThrow(
      /cursor was made for sort \{ by: score, direction: desc \}/,
    );
  });

  it('orders positions by value in the sort direction, then by the tie fields ascending', () => {
    const desc = resolveLeaderboardSort({}, 'browse');
    const a = leaderboardPosition(entry({ modelName: 'b', score: 0.9 }), 'score');
    const b = leaderboardPosition(entry({ modelName: 'a', score: 0.5 }), 'score');
    const c = leaderboardPosition(entry({ modelName: 'c', score: 0.5 }), 'score');
    expect([c, b, a].sort((x, y) => compareLeaderboardPositions(x, y, desc))).toEqual([a, b, c]);
    const asc = { by: 'score', direction: 'asc' } as const;
    expect([c, b, a].sort((x, y) => compareLeaderboardPositions(x, y, asc))).toEqual([b, c, a]);
    expect(() =>
      resolveLeaderboardSort({ sort: { by: 'score', direction: 'up' as never } }, 'browse'),
    ).toThrow(/sort must be/);
  });
});

describe('resolveLeaderboardFilter', () => {
  it('normalises labels and turns maxAgeMs into an instant', () => {
    expect(
      resolveLeaderboardFilter(
        {
          language: ['Korean'],
          subjectType: ['technology/coding'],
          taskType: ['reasoning'],
          modelName: [],
          maxAgeMs: 5,
        },
        1000,
        'browse',
      ),
    ).toEqual({ languages: ['ko'], subjects: ['Tech./Coding'], taskTypes: ['Reasoning'], updatedSince: 995 });
  });

  it('rejects a list given as a string, an unknown source and a bad maxAgeMs', () => {
    expect(() => resolveLeaderboardFilter({ language: 'ko' as never }, 0, 'browse')).toThrow(
      'browse: language must be an array of strings, got "ko"',
    );
    expect(() => resolveLeaderboardFilter({ source: ['import' as never] }, 0, 'browse')).toThrow(
      'browse: source must list evaluation or seed, got "import"',
    );
    expect(() => resolveLeaderboardFilter({ maxAgeMs: -1 }, 0, 'browse')).toThrow(
      /maxAgeMs must be a number >= 0/,
    );
  });
});

describe('memory leaderboard', () => {
  it('rejects bad quarantine and browse options by name', async () => {
    const storage = createMemoryStorage();
    await expect(storage.quarantineLeaderboard({}, 'yes' as never)).rejects.toThrow(
      'quarantineLeaderboard: quarantined must be a boolean',
    );
    await expect(storage.browseLeaderboard({ includeQuarantined: 1 as never })).rejects.toThrow(
      'browseLeaderboard: includeQuarantined must be a boolean',
    );
    await expect(storage.deleteLeaderboard({ modelName: 'org/a' as never })).rejects.toThrow(
      'deleteLeaderboard: modelName must be an array of strings',
    );
    await expect(storage.browseLeaderboard({ cursor: 'x', offset: 2 })).rejects.toThrow(
      'browseLeaderboard: a cursor continues after its page, so offset must be 0 or absent (got 2)',
    );
  });

  it('gives no nextCursor for an empty page or the last page', async () => {
    const storage = createMemoryStorage();
    expect(await storage.browseLeaderboard()).toEqual({ items: [], total: 0 });
    await storage.upsertLeaderboard([entry(), entry({ modelName: 'org/b' })]);
    expect((await storage.browseLeaderboard({ limit: 2 })).nextCursor).toBeUndefined();
    expect((await storage.browseLeaderboard({ limit: 0 })).nextCursor).toBeUndefined();
    const first = await storage.browseLeaderboard({ limit: 1 });
    const last = await storage.browseLeaderboard({ limit: 1, cursor: first.nextCursor as string });
    expect(last.items.map((e) => e.modelName)).toEqual(['org/b']);
    expect(last.nextCursor).toBeUndefined();
  });
});
