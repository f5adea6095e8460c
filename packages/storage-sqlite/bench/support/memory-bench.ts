import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeJsonl } from '../../../core/bench/support/write-jsonl.js';
import { createSqliteStorage } from '../../src/index.js';

const SUBJECTS = ['HASS/History', 'HASS/Law', 'Science/Physics', 'Tech./Coding'];
const repo = fileURLToPath(new URL('../../../../', import.meta.url));

/** What the child process of `memory-run.mjs` prints. */
interface ChildReport {
  maxRssMb: number;
  seconds: number;
  status: string;
  completed: number;
  accuracy: number | undefined;
  baselineRssMb: number;
  phases: Record<string, { peakRssMb: number; heapUsedMb: number; done: number }>;
}

/** Writes `rows` MCQA samples whose gold letter is `i % 4` (the child's model reads `#i` from the prompt). */
function writeDataset(path: string, rows: number): Promise<void> {
  return writeJsonl(path, rows, (i) => {
    const options = [`option ${i} a`, `option ${i} b`, `option ${i} c`, `option ${i} d`];
    return {
      id: `s${i}`,
      prompt: `Question #${i}: which option is right?`,
      options,
      answer: options[i % 4],
      language: i % 2 === 0 ? 'ko' : 'en',
      subject_type: [SUBJECTS[i % SUBJECTS.length]],
      task_type: 'Knowledge',
      problem_type: 'MCQA',
    };
  });
}

/** The packages the memory child loads, built. */
const BUILT_PACKAGES = ['core', 'storage-sql', 'storage-sqlite'];

/** The newest modification time below `dir` (files only). */
async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

/** Throws when a package the child loads has sources newer than its build (the figure would be stale). */
async function assertFreshBuilds(): Promise<void> {
  for (const name of BUILT_PACKAGES) {
    const dir = join(repo, 'packages', name);
    const built = await stat(join(dir, 'dist', 'index.js')).then(
      (s) => s.mtimeMs,
      () => 0,
    );
    if (built < (await newestMtime(join(dir, 'src')))) {
      throw new Error(
        `the memory benchmark runs the built packages, and @benchhub/${name} is not built or older than its sources: run \`pnpm build\` first`,
      );
    }
  }
}

/** Runs `memory-run.mjs` in a fresh process and returns its report (rejects with its stderr on failure). */
async function runChild(dataset: string, database: string): Promise<ChildReport> {
  await assertFreshBuilds();
  const script = fileURLToPath(new URL('./memory-run.mjs', import.meta.url));
  const child = spawn(process.execPath, [script, dataset, database], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`memory child exited with ${code}: ${stderr.slice(-4000)}`);
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as ChildReport;
}

/**
 * The memory figure: a fresh child evaluates `samples` generated samples into a SQLite file; then the
 * stored rows are counted.
 */
export async function measureMemory(dir: string, samples: number) {
  const dataset = join(dir, 'memory.jsonl');
  const database = join(dir, 'memory.db');
  await writeDataset(dataset, samples);
  const report = await runChild(dataset, database);
  const storage = createSqliteStorage({ filename: database });
  let storedRows: number;
  try {
    storedRows = (await storage.stats()).results.total;
  } finally {
    await storage.close();
  }
  if (report.status !== 'SUCCESS' || report.completed !== samples || storedRows !== samples) {
    throw new Error(
      `memory run went wrong: ${report.status}, ${report.completed} completed, ${storedRows} rows stored of ${samples}`,
    );
  }
  return {
    samples,
    peakRssMb: report.maxRssMb,
    seconds: report.seconds,
    storedRows,
    accuracy: report.accuracy,
    baselineRssMb: report.baselineRssMb,
    phases: report.phases,
  };
}
