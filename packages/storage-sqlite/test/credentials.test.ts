import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStorage } from '../src/index.js';
import { temporaryDirectory } from './support/fixtures.js';

const files = temporaryDirectory('benchhub-sqlite-credentials-');
afterAll(() => files.remove());

describe('SQLite credentials', () => {
  it('stores secrets encrypted: the file never holds the value', async () => {
    const filename = files.path('at-rest.db');
    const secret = `sk-${randomBytes(16).toString('hex')}`;
    const storage = createSqliteStorage({ filename, credentialKey: randomBytes(32) });
    await storage.storeCredential('openai', secret);
    expect(await storage.getCredential('openai')).toBe(secret);
    await storage.close();
    for (const file of [filename, `${filename}-wal`]) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        continue;
      }
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
      expect(bytes.includes(Buffer.from('openai'))).toBe(true);
    }
  });

  it('refuses to seal secrets in a file without a credentialKey, saying which option to pass', async () => {
    const storage = createSqliteStorage({ filename: files.path('no-key.db') });
    await expect(storage.storeCredential('openai', 'sk-x')).rejects.toThrow(/credentialKey/);
    await expect(storage.getCredential('openai')).rejects.toThrow(/credentialKey/);
    expect(await storage.listCredentials()).toEqual([]);
    expect(await storage.deleteCredential('openai')).toBe(false);
    await storage.close();
  });

  it('an in-memory database seals with a key of its own', async () => {
    const storage = createSqliteStorage({ filename: ':memory:' });
    await storage.storeCredential('openai', 'sk-memory');
    expect(await storage.getCredential('openai')).toBe('sk-memory');
    await storage.close();
  });

  it('a wrong key cannot open a stored secret', async () => {
    const filename = files.path('wrong-key.db');
    const writer = createSqliteStorage({ filename, credentialKey: randomBytes(32) });
    await writer.storeCredential('openai', 'sk-right');
    await writer.close();
    const reader = createSqliteStorage({ filename, credentialKey: randomBytes(32) });
    await expect(reader.getCredential('openai')).rejects.toThrow(/cannot be decrypted/);
    expect((await reader.listCredentials()).map((c) => c.name)).toEqual(['openai']);
    await reader.close();
  });
});
