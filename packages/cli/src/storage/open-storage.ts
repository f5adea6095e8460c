import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { BenchHubError, type StorageV1 } from '@benchhub/core';
import { describeStorage, type StorageLocation } from './storage-url.js';

/**
 * Opens the storage a `--db` URL names and runs its migrations. The adapter package is loaded only
 * here, so commands that store nothing (`validate`, `run --dry-run`) never load a database driver.
 * A SQLite file is created when missing, but not its folder. Failures reject with a `BenchHubError`
 * naming the location (without its password).
 *
 * @example
 * ```ts
 * const storage = await openStorage(parseStorageUrl('sqlite:./benchhub.db', process.cwd()));
 * try { ... } finally { await storage.close(); }
 * ```
 */
export async function openStorage(location: StorageLocation): Promise<StorageV1> {
  const where = describeStorage(location);
  if (location.kind === 'sqlite' && location.filename !== ':memory:') {
    const folder = dirname(location.filename);
    if (!existsSync(folder))
      throw new BenchHubError(`--db ${where}: the folder ${folder} does not exist; create it first`);
  }
  let storage: StorageV1 | undefined;
  try {
    let opened: StorageV1;
    if (location.kind === 'sqlite') {
      const { createSqliteStorage } = await import('@benchhub/storage-sqlite');
      opened = createSqliteStorage({ filename: location.filename });
    } else {
      const { createPostgresStorage } = await import('@benchhub/storage-postgres');
      opened = createPostgresStorage(
        { connectionString: location.connectionString },
        location.schema === undefined ? {} : { schema: location.schema },
      );
    }
    storage = opened;
    await opened.migrate();
    return opened;
  } catch (error) {
    await storage?.close().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new BenchHubError(`could not open the storage ${where}: ${reason}`, { cause: error });
  }
}
