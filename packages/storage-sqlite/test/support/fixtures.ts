import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary directory for database files, and its removal. */
export function temporaryDirectory(prefix: string): { path: (name: string) => string; remove: () => void } {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  return {
    path: (name) => join(directory, name),
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}
