import { randomBytes } from 'node:crypto';
import type { StorageV1 } from '@benchhub/core';
import { runStorageConformance } from '@benchhub/core/testing';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { createPostgresStorage } from '../src/index.js';
import { dropSchemas, freshSchemaName, probePostgres, TEST_POSTGRES_URL } from './support/test-database.js';

const probe = await probePostgres();

if (!probe.reachable) {
  describe('StorageV1 conformance: postgres', () => {
    it.skip(probe.reason, () => {});
  });
} else {
  const pool = new pg.Pool({ connectionString: TEST_POSTGRES_URL, max: 12 });
  pool.on('error', () => {});
  const credentialKey = randomBytes(32);
  const schemas = new Set<string>();
  const schemaOf = new WeakMap<StorageV1, string>();
  afterAll(async () => {
    await dropSchemas(pool, schemas);
    await pool.end();
  });

  const open = (schema: string): StorageV1 => {
    const storage = createPostgresStorage({ pool }, { schema, credentialKey });
    schemaOf.set(storage, schema);
    return storage;
  };

  // A fresh schema per case: every case starts from an empty store, and parallel files never collide.
  await runStorageConformance({
    name: 'postgres (shared pool, fresh schema per case)',
    create: async () => {
      const schema = freshSchemaName();
      schemas.add(schema);
      return open(schema);
    },
    reopen: async (storage) => open(schemaOf.get(storage) as string),
    capabilities: { transactions: true, concurrentWriters: true, persistent: true },
  });

  // The storage owning its pool (created from the connection string, ended by close()).
  await runStorageConformance({
    name: 'postgres (own pool from a connection string)',
    create: async () => {
      const schema = freshSchemaName('own_');
      schemas.add(schema);
      const storage = createPostgresStorage(
        { connectionString: TEST_POSTGRES_URL, poolSize: 4 },
        { schema, credentialKey },
      );
      schemaOf.set(storage, schema);
      return storage;
    },
    reopen: async (storage) =>
      createPostgresStorage(
        { connectionString: TEST_POSTGRES_URL, poolSize: 4 },
        { schema: schemaOf.get(storage) as string, credentialKey },
      ),
    capabilities: { transactions: true, concurrentWriters: true, persistent: true },
  });
}
