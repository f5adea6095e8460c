import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '@benchhub/core';
import { createColors } from 'picocolors';
import { onTestFinished } from 'vitest';
import { runCli } from '../../src/program.js';

/** The repository root. */
export const repo = fileURLToPath(new URL('../../../../', import.meta.url));

/** Options of {@link cli}. */
export interface CliRunOptions {
  /**
   * The working directory of the command. Default: a fresh temporary folder, removed when the test
   * ends, so the default storage (`sqlite:./benchhub.db`) is never written into the repository.
   */
  cwd?: string;
}

/**
 * Runs the CLI in-process with captured output, an empty environment unless `env` is given, in a
 * fresh temporary working directory unless `options.cwd` is given (returned as `cwd`).
 */
export async function cli(
  argv: readonly string[],
  env: Readonly<Record<string, string>> = {},
  options: CliRunOptions = {},
) {
  let cwd = options.cwd;
  if (cwd === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'benchhub-cli-cwd-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    cwd = dir;
  }
  const out: string[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  const infos: string[] = [];
  const logger: Logger = {
    debug: () => {},
    info: (m) => infos.push(m),
    warn: (m) => warnings.push(m),
    error: (m) => errors.push(m),
  };
  const code = await runCli(argv, {
    out: (t) => out.push(t),
    logger,
    env,
    cwd,
    colors: createColors(false),
  });
  return { code, out: out.join('\n'), errors: errors.join('\n'), warnings, infos, cwd };
}

/** Writes a plan into a fresh temporary folder and returns its path. */
export function tempPlan(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'benchhub-cli-')), 'plan.yaml');
  writeFileSync(file, text);
  return file;
}
