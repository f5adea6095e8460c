import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

/** Absolute path of a file under the repository's sibling `../shared` folder. */
export function sharedPath(relative: string): string {
  return fileURLToPath(new URL(`../../../../../shared/${relative}`, import.meta.url));
}

/**
 * `describe` for tests that need files from `../shared`: skipped with a message when a file is missing,
 * except under `CI=true`, where the suite fails instead.
 */
export function describeWithShared(name: string, files: readonly string[], body: () => void): void {
  const missing = files.filter((f) => !existsSync(sharedPath(f)));
  if (missing.length === 0) {
    describe(name, body);
    return;
  }
  const message = `needs ../shared/${missing.join(', ../shared/')}, which is missing`;
  if (process.env.CI === 'true') {
    describe(name, () => {
      throw new Error(`${message} (CI=true: a missing shared file is a failure)`);
    });
    return;
  }
  console.warn(`[skip] ${name}: ${message}`);
  describe.skip(`${name} (skipped: ${message})`, body);
}
