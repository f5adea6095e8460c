import { isAbsolute, resolve } from 'node:path';
import { BenchHubError } from '@benchhub/core';

/** The storage `benchhub run` uses when `--db` is not given: a SQLite file in the working directory. */
export const DEFAULT_STORAGE_URL = 'sqlite:./benchhub.db';

/** Where the CLI keeps tasks, results and the leaderboard, parsed from a `--db` URL. */
export type StorageLocation =
  | {
      kind: 'sqlite';
      /** An absolute file path, or `:memory:` for a database that lives as long as the command. */
      filename: string;
    }
  | {
      kind: 'postgres';
      /** The `postgres://` / `postgresql://` URL (credentials included: never print it), without `schema`. */
      connectionString: string;
      /** The schema of BenchHub's tables, from the URL's `?schema=` (default: the connection's search path). */
      schema?: string;
    };

const USAGE = 'expected sqlite:<path>, sqlite::memory: or postgres://user@host:port/database[?schema=name]';

/**
 * Parses a `--db` URL. A relative SQLite path resolves against `cwd`; `sqlite:///abs/file.db` (three
 * slashes, the SQLAlchemy spelling) is accepted as well. A PostgreSQL URL may name the schema of the
 * tables with `?schema=name` (taken out of the connection string). The message of a refused URL shows
 * its scheme only, never credentials.
 *
 * @example
 * ```ts
 * parseStorageUrl('sqlite:./benchhub.db', '/work'); // { kind: 'sqlite', filename: '/work/benchhub.db' }
 * parseStorageUrl('sqlite::memory:', '/work');      // { kind: 'sqlite', filename: ':memory:' }
 * parseStorageUrl('postgres://bench@db:5432/benchhub?schema=runs', '/work');
 * // { kind: 'postgres', connectionString: 'postgres://bench@db:5432/benchhub', schema: 'runs' }
 * ```
 */
export function parseStorageUrl(url: string, cwd: string): StorageLocation {
  const text = url.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme === 'sqlite') {
    let path = text.slice('sqlite:'.length);
    if (path.startsWith('//')) path = path.slice(2);
    if (path === ':memory:') return { kind: 'sqlite', filename: ':memory:' };
    if (path === '') throw new BenchHubError(`--db "${text}" names no SQLite file: ${USAGE}`);
    return { kind: 'sqlite', filename: isAbsolute(path) ? path : resolve(cwd, path) };
  }
  if (scheme === 'postgres' || scheme === 'postgresql') {
    if (!/^postgres(ql)?:\/\/./i.test(text))
      throw new BenchHubError(`--db ${scheme}: URL has no host or database: ${USAGE}`);
    if (!/[?&]schema=/.test(text)) return { kind: 'postgres', connectionString: text };
    let parsed: URL;
    try {
      parsed = new URL(text);
    } catch {
      throw new BenchHubError(`--db ${scheme}: URL is malformed: ${USAGE}`);
    }
    const schema = parsed.searchParams.get('schema') ?? '';
    if (schema === '') throw new BenchHubError(`--db ${scheme}: URL has an empty ?schema=: ${USAGE}`);
    parsed.searchParams.delete('schema');
    return { kind: 'postgres', connectionString: parsed.toString(), schema };
  }
  const shown = scheme === undefined ? 'a value without a scheme' : `a ${scheme}: URL`;
  throw new BenchHubError(`--db got ${shown}: ${USAGE}`);
}

/**
 * The location for messages: the SQLite file as given, or the PostgreSQL URL without its password.
 *
 * @example
 * ```ts
 * describeStorage({ kind: 'postgres', connectionString: 'postgres://u:secret@h/db' }); // 'postgres://u:***@h/db'
 * ```
 */
export function describeStorage(location: StorageLocation): string {
  if (location.kind === 'sqlite') return `sqlite:${location.filename}`;
  try {
    const parsed = new URL(location.connectionString);
    if (parsed.password !== '') parsed.password = '***';
    if (location.schema !== undefined) parsed.searchParams.set('schema', location.schema);
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}
