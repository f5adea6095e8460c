import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StorageV1 } from '@benchhub/core';
import { runStorageConformance } from '@benchhub/core/testing';
import { afterAll } from 'vitest';
import { createSqliteStorage } from '../src/index.js';

const directory = mkdtempSync(join(tmpdir(), 'benchhub-sqlite-conformance-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const credentialKey = randomBytes(32);
const files = new WeakMap<StorageV1, string>();
let counter = 0;

const open = (filename: string): StorageV1 => {
  const storage = createSqliteStorage({ filename, credentialKey });
  files.set(storage, filename);
  return storage;
};

await runStorageConformance({
  name: 'sqlite (temporary file per case)',
  create: async () => open(join(directory, `case-${++counter}.db`)),
  reopen: async (storage) => open(files.get(storage) as string),
  capabilities: { transactions: true, concurrentWriters: false, persistent: true },
});

await runStorageConformance({
  name: 'sqlite (:memory:)',
  create: async () => createSqliteStorage({ filename: ':memory:' }),
  capabilities: { transactions: true, concurrentWriters: false, persistent: false },
});

// SQLite declares one writer at a time, which skips the suite's two-writer case above. Two connections on one
// file still must not lose or duplicate anything (the second waits for the lock, or retries SQLITE_BUSY): run
// the suite once more with handles that claim concurrent writers, so that case runs against SQLite too.
const asConcurrent = (storage: StorageV1): StorageV1 => {
  const handle = { ...storage, capabilities: { ...storage.capabilities, concurrentWriters: true } };
  files.set(handle, files.get(storage) as string);
  return handle;
};

await runStorageConformance({
  name: 'sqlite (two connections on one file)',
  create: async () => asConcurrent(open(join(directory, `shared-${++counter}.db`))),
  reopen: async (storage) => asConcurrent(open(files.get(storage) as string)),
  capabilities: { transactions: true, concurrentWriters: true, persistent: true },
});
