/**
 * `pnpm bench <name> [--json] [--smoke]` runs `packages/<pkg>/bench/<name>.bench.ts` in its own process.
 * `pnpm bench --all [--smoke]` runs every benchmark in turn; `pnpm bench --list` lists them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function findBenchmarks(): Map<string, string> {
  const found = new Map<string, string>();
  for (const pkg of readdirSync(join(root, 'packages')).sort()) {
    const dir = join(root, 'packages', pkg, 'bench');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      const match = /^(.+)\.bench\.ts$/.exec(file);
      if (match?.[1]) found.set(match[1], join(dir, file));
    }
  }
  return found;
}

function run(file: string, args: string[]): number {
  const result = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], {
    stdio: 'inherit',
    cwd: root,
  });
  return result.status ?? 1;
}

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('--'));
const names = args.filter((a) => !a.startsWith('--'));
const benchmarks = findBenchmarks();

if (flags.includes('--list') || (names.length === 0 && !flags.includes('--all'))) {
  console.log(`benchmarks: ${[...benchmarks.keys()].join(', ') || '(none)'}`);
  console.log('usage: pnpm bench <name> [--json] [--smoke] | pnpm bench --all [--smoke]');
  process.exit(names.length === 0 && !flags.includes('--list') ? 2 : 0);
}

const selected = flags.includes('--all') ? [...benchmarks.keys()] : names;
const passThrough = flags.filter((f) => f !== '--all');
let failed = 0;
for (const name of selected) {
  const file = benchmarks.get(name);
  if (!file) {
    console.error(`unknown benchmark "${name}"; known: ${[...benchmarks.keys()].join(', ')}`);
    process.exit(2);
  }
  const status = run(file, passThrough);
  if (status !== 0) {
    console.error(`benchmark "${name}" failed with exit code ${status}`);
    failed++;
  }
}
process.exit(failed === 0 ? 0 : 1);
