import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '@benchhub/core';
import { createColors } from 'picocolors';
import { runCli } from '../../src/program.js';

/** The repository root. */
export const repo = fileURLToPath(new URL('../../../../', import.meta.url));

/** Runs the CLI in-process with captured output, an empty environment unless `env` is given. */
export async function cli(argv: readonly string[], env: Readonly<Record<string, string>> = {}) {
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
    cwd: repo,
    colors: createColors(false),
  });
  return { code, out: out.join('\n'), errors: errors.join('\n'), warnings, infos };
}

/** Writes a plan into a fresh temporary folder and returns its path. */
export function tempPlan(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'benchhub-cli-')), 'plan.yaml');
  writeFileSync(file, text);
  return file;
}
