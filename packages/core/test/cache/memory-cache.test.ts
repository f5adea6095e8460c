import { describe, expect, it } from 'vitest';
import { createMemoryCache } from '../../src/cache/memory-cache.js';
import type { GenerateResult } from '../../src/spec/model-provider.js';

const result = (text: string): GenerateResult => ({
  text,
  finishReason: 'stop',
  usage: { inputTokens: 1, outputTokens: 1 },
});

describe('createMemoryCache', () => {
  it('stores, replaces and deletes', async () => {
    const cache = createMemoryCache();
    expect(cache.specificationVersion).toBe('v1');
    expect(await cache.get('k')).toBeUndefined();
    await cache.set('k', result('a'));
    expect((await cache.get('k'))?.text).toBe('a');
    await cache.set('k', result('b'));
    expect((await cache.get('k'))?.text).toBe('b');
    expect(cache.size).toBe(1);
    await cache.delete('k');
    await cache.delete('missing');
    expect(await cache.get('k')).toBeUndefined();
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const cache = createMemoryCache({ maxEntries: 2 });
    await cache.set('a', result('a'));
    await cache.set('b', result('b'));
    await cache.get('a'); // a is now the most recent
    await cache.set('c', result('c'));
    expect(await cache.get('b')).toBeUndefined();
    expect((await cache.get('a'))?.text).toBe('a');
    expect((await cache.get('c'))?.text).toBe('c');
    expect(cache.size).toBe(2);
  });

  it('never returns an expired entry (default and per-entry TTL)', async () => {
    let t = 1_000;
    const cache = createMemoryCache({ ttlMs: 100, now: () => t });
    await cache.set('default', result('d'));
    await cache.set('long', result('l'), { ttlMs: 1_000 });
    t += 99;
    expect((await cache.get('default'))?.text).toBe('d');
    t += 1;
    expect(await cache.get('default')).toBeUndefined();
    expect(cache.size).toBe(1); // dropped when read
    expect((await cache.get('long'))?.text).toBe('l');
    t += 900;
    expect(await cache.get('long')).toBeUndefined();
  });

  it('keeps entries forever without a TTL, and clear empties it', async () => {
    let t = 0;
    const cache = createMemoryCache({ now: () => t });
    await cache.set('k', result('x'));
    t = 1e15;
    expect((await cache.get('k'))?.text).toBe('x');
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('rejects bad options', async () => {
    expect(() => createMemoryCache({ maxEntries: 0 })).toThrow(/maxEntries/);
    expect(() => createMemoryCache({ ttlMs: -1 })).toThrow(/ttlMs/);
    await expect(createMemoryCache().set('k', result('x'), { ttlMs: 0 })).rejects.toThrow(/ttlMs/);
  });
});
