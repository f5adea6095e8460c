/**
 * SQLite under a busy database: another process holds the write lock (`BEGIN IMMEDIATE`) while the
 * adapter writes. A lock released within the retry budget is waited out and the write succeeds; one held
 * longer gives a clear retryable error, nothing half-written, and the same batch succeeds afterwards.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { BenchHubError, evaluate, type Logger, type SampleResult, type StorageV1 } from '@benchhub/core';
import { createMockProvider } from '@benchhub/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStorage } from '../src/index.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const holderScript = fileURLToPath(new URL('./support/fault-lock-holder.ts', import.meta.url));

interface LockHolder {
  /** Every line the holder printed so far (`locked`, `released`). */
  lines: string[];
  /** Tells a `stdin` holder to commit. */
  release(): void;
  /** Resolves when the holder has exited. */
  exited: Promise<unknown>;
  process: ChildProcess;
}

/** Starts a process holding the write lock of `file`; resolves once the lock is taken. */
async function holdLock(file: string, hold: number | 'stdin'): Promise<LockHolder> {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, file, String(hold)], {
    cwd: repo,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const reader = createInterface({ input: child.stdout! });
  const locked = new Promise<void>((resolve, reject) => {
    reader.on('line', (line) => {
      lines.push(line);
      if (line === 'locked') resolve();
    });
    child.once('exit', (code) => reject(new Error(`lock holder exited with ${code} before locking`)));
  });
  const exited = once(child, 'exit');
  await locked;
  return { lines, release: () => child.stdin!.write('release\n'), exited, process: child };
}

function result(taskId: string, n: number): SampleResult {
  return {
    taskId,
    modelId: 'org/model',
    sampleId: `s${n}`,
    datasetName: 'busy',
    repeat: 0,
    output: 'Answer: A',
    scores: { accuracy: n % 2 },
    attempts: 1,
    labels: { language: 'ko', subjectType: ['HASS/History'], taskType: 'Knowledge' },
    createdAt: new Date('2025-01-01T00:00:00Z'),
  };
}

async function countResults(storage: StorageV1, taskId: string): Promise<number> {
  let n = 0;
  for await (const _ of storage.streamResults({ taskId })) n++;
  return n;
}

/** A logger that keeps the retry warnings. */
function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { debug: () => {}, info: () => {}, warn: (m) => warnings.push(m), error: () => {}, warnings };
}

let dir: string;
let file: string;
const holders: LockHolder[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'benchhub-sqlite-faults-'));
  file = join(dir, 'busy.db');
});
afterEach(async () => {
  for (const holder of holders.splice(0)) {
    if (holder.process.exitCode === null) {
      holder.process.kill();
      await holder.exited;
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('SQLite busy database', () => {
  it('waits out a lock held by another process with the default settings', async () => {
    const storage = createSqliteStorage({ filename: file });
    try {
      await storage.createTask({ id: 't', planName: 'busy', plan: {} });
      const holder = await holdLock(file, 300);
      holders.push(holder);
      const outcome = await storage.appendResults([result('t', 1), result('t', 2)]);
      expect(outcome).toEqual({ written: 2, skipped: 0 });
      // The write could only commit once the other process had released its lock.
      await holder.exited;
      expect(holder.lines).toEqual(['locked', 'released']);
      expect(await countResults(storage, 't')).toBe(2);
    } finally {
      await storage.close();
    }
  });

  it('retries SQLITE_BUSY after a short busy timeout until the lock is released', async () => {
    const logger = recordingLogger();
    const storage = createSqliteStorage({ filename: file, busyTimeoutMs: 20, logger });
    try {
      await storage.createTask({ id: 't', planName: 'busy', plan: {} });
      const holder = await holdLock(file, 400);
      holders.push(holder);
      const outcome = await storage.appendResults([result('t', 1), result('t', 2), result('t', 3)]);
      expect(outcome).toEqual({ written: 3, skipped: 0 });
      expect(logger.warnings.length).toBeGreaterThan(0);
      expect(logger.warnings[0]).toMatch(/busy/);
      await holder.exited;
      expect(holder.lines).toEqual(['locked', 'released']);
      expect(await countResults(storage, 't')).toBe(3);
    } finally {
      await storage.close();
    }
  });

  it('gives a clear retryable error when the lock outlasts the retry budget; the batch succeeds later', async () => {
    const storage = createSqliteStorage({
      filename: file,
      busyTimeoutMs: 10,
      retry: { retries: { busy: 2, conflict: 0, connection: 0 }, baseDelayMs: 5, maxDelayMs: 10 },
    });
    try {
      await storage.createTask({ id: 't', planName: 'busy', plan: {} });
      await storage.appendResults([result('t', 0)]);
      const holder = await holdLock(file, 'stdin');
      holders.push(holder);
      const batch = [result('t', 1), result('t', 2)];
      const error = await storage.appendResults(batch).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(BenchHubError.isInstance(error)).toBe(true);
      expect((error as BenchHubError).message).toMatch(/appendResults.*(locked|busy)/i);
      expect((error as BenchHubError).isRetryable).toBe(true);
      // Nothing of the refused batch is stored, nothing stored before is lost.
      expect(await countResults(storage, 't')).toBe(1);

      holder.release();
      await holder.exited;
      expect(await storage.appendResults(batch)).toEqual({ written: 2, skipped: 0 });
      expect(await countResults(storage, 't')).toBe(3);
    } finally {
      await storage.close();
    }
  });

  it('an evaluation whose storage is locked by another process for a while completes with every result once', async () => {
    const storage = createSqliteStorage({ filename: file, busyTimeoutMs: 20 });
    try {
      await storage.migrate();
      const holder = await holdLock(file, 500);
      holders.push(holder);
      const rows = Array.from({ length: 60 }, (_, i) => ({
        id: `q${i}`,
        prompt: `Question ${i}?`,
        options: ['yes', 'no'],
        answer: 'yes',
        language: 'ko',
        subject_type: ['HASS/History'],
        task_type: 'Knowledge',
      }));
      const model = createMockProvider({ respond: () => 'Answer: A' });
      const run = await evaluate(
        {
          name: 'busy run',
          models: [{ provider: 'mock', model: 'm', id: 'm' }],
          datasets: [{ name: 'd', source: { type: 'inline', rows } }],
        },
        { providers: { m: model }, storage, taskId: 'busy-run', resultBatchSize: 8 },
      );
      expect(run.task.status).toBe('SUCCESS');
      await holder.exited;
      expect(holder.lines).toEqual(['locked', 'released']);
      expect(model.calls).toHaveLength(60);
      expect(await countResults(storage, 'busy-run')).toBe(60);
      expect(run.aggregates[0]).toMatchObject({ n: 60, value: 1 });
    } finally {
      await storage.close();
    }
  });
});
