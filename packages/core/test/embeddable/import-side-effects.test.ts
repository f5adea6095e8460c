/**
 * "Embeddable" rule: importing any workspace package's built ESM entry does no I/O, reads no environment
 * variable, starts no timer and installs no process handler.
 *
 * Each entry is imported in a fresh Node process (`process.execPath`) preloaded with
 * `side-effect-probe.mjs`, which instruments `process.env`, the fs / network / child-process / timer
 * built-ins (named ESM imports included, via `syncBuiltinESMExports`) and `process.on`-style methods before
 * anything else runs, and diffs `process.getActiveResourcesInfo()` and `process` listeners around the
 * import. Only calls made by module code during the import count; see the probe's header for the details.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Touch {
  what: string;
  at: string;
}

interface SideEffectReport {
  env: Touch[];
  fs: Touch[];
  network: Touch[];
  childProcess: Touch[];
  timers: Touch[];
  processHandlers: Touch[];
  newActiveResources: string[];
  newProcessListeners: string[];
  importError?: string;
}

const probe = fileURLToPath(new URL('./side-effect-probe.mjs', import.meta.url));
const runner = fileURLToPath(new URL('./measure-import.mjs', import.meta.url));
const packagesDir = fileURLToPath(new URL('../../../', import.meta.url));

/** Built ESM entry points of every workspace package, as paths relative to `packages/`. */
function workspaceEntries(): string[] {
  const packageNames = readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(packagesDir, entry.name, 'package.json')))
    .map((entry) => entry.name)
    .sort();
  // Every `import` target of every package's `exports`: subpaths (`@benchhub/providers/openai`) included.
  return packageNames.flatMap((name) => {
    const manifest = JSON.parse(readFileSync(join(packagesDir, name, 'package.json'), 'utf8')) as {
      exports?: Record<string, string | { import?: string }>;
    };
    return Object.values(manifest.exports ?? {}).flatMap((target) =>
      typeof target === 'object' && target.import !== undefined
        ? [join(name, target.import).replaceAll('\\', '/')]
        : [],
    );
  });
}

/** Imports `moduleFile` in a fresh, instrumented Node process and returns what the import touched. */
function measureImport(moduleFile: string): Promise<SideEffectReport> {
  const args = ['--import', pathToFileURL(probe).href, runner, pathToFileURL(moduleFile).href];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { timeout: 20_000 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`child for ${moduleFile} failed: ${error.message}\n${stderr}`));
        return;
      }
      const line = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(line) as SideEffectReport);
      } catch {
        reject(new Error(`child for ${moduleFile} printed no report:\n${stdout}\n${stderr}`));
      }
    });
  });
}

const entries = workspaceEntries();
const missing = entries.filter((entry) => !existsSync(join(packagesDir, entry)));
const present = entries.filter((entry) => !missing.includes(entry));
const missingMessage = `not built: packages/${missing.join(', packages/')} (run \`pnpm build\`)`;

describe('importing a workspace package has no side effects', () => {
  if (missing.length > 0) {
    if (process.env.CI === 'true') {
      it('has every built entry point', () => {
        throw new Error(`${missingMessage} (CI=true: a missing build is a failure)`);
      });
    } else {
      console.warn(`[skip] embeddable import test: ${missingMessage}`);
      for (const entry of missing) it.skip(`packages/${entry} (skipped: ${missingMessage})`, () => {});
    }
  }

  for (const entry of present) {
    it(`packages/${entry} touches no env, fs, network, timer or process handler`, async () => {
      const report = await measureImport(join(packagesDir, entry));
      expect(report.importError).toBeUndefined();
      expect({
        env: report.env,
        fs: report.fs,
        network: report.network,
        childProcess: report.childProcess,
        timers: report.timers,
        processHandlers: report.processHandlers,
        newActiveResources: report.newActiveResources,
        newProcessListeners: report.newProcessListeners,
      }).toEqual({
        env: [],
        fs: [],
        network: [],
        childProcess: [],
        timers: [],
        processHandlers: [],
        newActiveResources: [],
        newProcessListeners: [],
      });
    });
  }
});

describe('the side-effect probe (control: it must catch a module that misbehaves)', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'benchhub-embeddable-'));
    writeFileSync(
      join(dir, 'misbehaving.mjs'),
      [
        "import { readFileSync } from 'node:fs';",
        "import { stat } from 'node:fs/promises';",
        "import { setInterval as every } from 'node:timers';",
        'export const x = process.env.X;',
        'setTimeout(() => {}, 60_000);',
        'every(() => {}, 1_000).unref();',
        'readFileSync(new URL(import.meta.url));',
        "await stat(new URL('.', import.meta.url));",
        "process.once('SIGTERM', () => {});",
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'quiet.mjs'), 'export const answer = 42;\n');
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reports the env read, the timers, the fs calls and the process handler', async () => {
    const report = await measureImport(join(dir, 'misbehaving.mjs'));
    expect(report.importError).toBeUndefined();
    expect(report.env.map((t) => t.what)).toEqual(['get X']);
    expect(report.env[0]?.at).toContain('misbehaving.mjs:4');
    expect(report.timers.map((t) => t.what)).toEqual(['setTimeout()', 'timers.setInterval()']);
    expect(report.fs.map((t) => t.what.replace(/\(.*\)$/, ''))).toEqual([
      'fs.readFileSync',
      'fs/promises.stat',
    ]);
    expect(report.processHandlers.map((t) => t.what)).toEqual(['process.once("SIGTERM")']);
    expect(report.newActiveResources).toContain('Timeout (+1)');
    expect(report.newProcessListeners).toEqual(['SIGTERM (+1)']);
  });

  it('reports nothing for a module without side effects (the runtime loading it is not counted)', async () => {
    const report = await measureImport(join(dir, 'quiet.mjs'));
    expect(report).toEqual({
      env: [],
      fs: [],
      network: [],
      childProcess: [],
      timers: [],
      processHandlers: [],
      newActiveResources: [],
      newProcessListeners: [],
    });
  });
});
