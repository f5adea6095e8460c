import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { SampleResult } from '../../src/domain/result.js';
import { evaluate } from '../../src/engine/index.js';
import { startFaultServer } from '../../src/testing/http/fault-server.js';
import { createFaultServerProvider } from '../../src/testing/http/fault-server-provider.js';
import { openJsonlStorage, readJournalResults } from './support/jsonl-storage.js';
import { FAULT_MODEL_ID, faultPlan, perfectAnswer, sampleIdAt, sampleIdOf } from './support/plan.js';
import type { ChildArgs } from './support/run-plan-child.js';

const N = 80;
const CHILD = fileURLToPath(new URL('./support/run-plan-child.ts', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Resolves when `check` holds, polling every 10 ms; rejects after `ms`. */
async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = performance.now() + ms;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function exited(child: ChildProcess): Promise<NodeJS.Signals | number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.signalCode ?? child.exitCode);
    else child.once('exit', (code, signal) => resolve(signal ?? code));
  });
}

describe('resume after a crash', () => {
  it('re-runs a task killed with SIGKILL halfway without requesting any stored sample again', async () => {
    const server = await startFaultServer({
      latencyMs: { distribution: 'uniform', minMs: 15, maxMs: 35 },
      answer: ({ sampleId }) => perfectAnswer(sampleId),
    });
    cleanups.push(() => server.close());
    const dir = mkdtempSync(join(tmpdir(), 'benchhub-crash-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const planFile = join(dir, 'plan.json');
    const journalFile = join(dir, 'storage.jsonl');
    const plan = faultPlan(N);
    writeFileSync(planFile, JSON.stringify(plan));
    const taskId = 'crash-test-task';
    const args: ChildArgs = { planFile, journalFile, baseUrl: server.baseUrl, taskId, concurrency: 2 };

    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(args)], {
      cwd: PACKAGE_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    cleanups.push(() => child.kill('SIGKILL'));

    // Kill it once about half the results are stored (the journal is written synchronously).
    await waitFor(
      () => readJournalResults(journalFile).length >= N / 2 || child.exitCode !== null,
      30_000,
      'the child to store half the results',
    );
    expect(child.exitCode, `the child ended before the kill:\n${stderr}`).toBeNull();
    child.kill('SIGKILL');
    expect(await exited(child)).toBe('SIGKILL');

    const storedBefore = readJournalResults(journalFile).filter((r) => r.error === undefined);
    const storedIds = new Set(storedBefore.map((r) => r.sampleId));
    expect(storedIds.size).toBeGreaterThanOrEqual(N / 2);
    expect(storedIds.size).toBeLessThan(N);
    const requestsBefore = server.requestCount;

    // The re-run: same plan, same task id, the storage as the killed process left it.
    const storage = await openJsonlStorage(journalFile);
    const result = await evaluate(plan, {
      providers: { [FAULT_MODEL_ID]: createFaultServerProvider({ baseUrl: server.baseUrl, sampleIdOf }) },
      storage,
      taskId,
      concurrency: 4,
    });
    expect(result.task.id).toBe(taskId);
    expect(result.task.status).toBe('SUCCESS');

    const after = server.records.slice(requestsBefore);
    const repeated = after.filter((r) => r.sampleId !== undefined && storedIds.has(r.sampleId));
    expect(repeated.map((r) => r.sampleId)).toEqual([]);
    // Everything not stored before the kill was requested exactly once by the re-run.
    const rerunIds = after.map((r) => r.sampleId).sort();
    const missing = Array.from({ length: N }, (_, i) => sampleIdAt(i)).filter((id) => !storedIds.has(id));
    expect(rerunIds).toEqual(missing.sort());

    // Exactly one scored result per sample, and the aggregates cover all of them.
    const results: SampleResult[] = [];
    for await (const r of storage.streamResults({ taskId })) results.push(r);
    expect(results).toHaveLength(N);
    expect(new Set(results.map((r) => r.sampleId)).size).toBe(N);
    expect(results.every((r) => r.scores.accuracy === 1)).toBe(true);
    expect(result.aggregates[0]).toMatchObject({ metric: 'accuracy', value: 1, n: N, errors: 0 });
  });
});
