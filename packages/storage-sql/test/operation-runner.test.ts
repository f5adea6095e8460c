import { BenchHubError } from '@benchhub/core';
import { describe, expect, it } from 'vitest';
import { type SqlDialectTraits, type SqlErrorKind, SqlStorageError } from '../src/index.js';
import { createOperationRunner } from '../src/storage/operation-runner.js';

class CodedError extends Error {
  constructor(readonly code: string) {
    super(`failed with ${code}`);
  }
}

const traits = {
  name: 'fake',
  classifyError: (error: unknown): SqlErrorKind | undefined => {
    const code = (error as { code?: string }).code;
    return code === 'BUSY'
      ? 'busy'
      : code === 'RESET'
        ? 'connection'
        : code === 'DEADLOCK'
          ? 'conflict'
          : undefined;
  },
} as unknown as SqlDialectTraits;

function runner(migrate: () => Promise<void> = async () => {}) {
  const delays: number[] = [];
  const run = createOperationRunner({
    traits,
    migrate,
    retry: { retries: { busy: 3, conflict: 2, connection: 1 }, baseDelayMs: 10, maxDelayMs: 100 },
    sleep: async (ms) => {
      delays.push(ms);
    },
  });
  return { run, delays };
}

/** A body that fails with the given codes, then returns the attempt number. */
function failing(codes: string[]) {
  const attempts: number[] = [];
  const body = async (attempt: number) => {
    attempts.push(attempt);
    const code = codes[attempts.length - 1];
    if (code !== undefined) throw new CodedError(code);
    return attempt;
  };
  return { body, attempts };
}

describe('createOperationRunner', () => {
  it('retries busy, conflict and connection failures up to their budgets, with growing delays', async () => {
    const { run, delays } = runner();
    const { body, attempts } = failing(['BUSY', 'BUSY', 'DEADLOCK', 'RESET', 'BUSY']);
    expect(await run.run('op', body)).toBe(5);
    expect(attempts).toEqual([0, 1, 2, 3, 4, 5]);
    expect(delays).toHaveLength(5);
    expect(delays.every((d) => d >= 0 && d <= 100)).toBe(true);
  });

  it('gives up when a budget is spent and wraps the database error with the operation name', async () => {
    const { run } = runner();
    const { body, attempts } = failing(['RESET', 'RESET']);
    const error = await run.run('appendResults', body).catch((e: unknown) => e);
    expect(SqlStorageError.isInstance(error)).toBe(true);
    expect(BenchHubError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      message: 'appendResults: fake error: failed with RESET',
      operation: 'appendResults',
      kind: 'connection',
      isRetryable: true,
    });
    expect((error as Error).cause).toBeInstanceOf(CodedError);
    expect(attempts).toHaveLength(2);
  });

  it('never retries other errors, and passes BenchHub errors through unchanged', async () => {
    const { run } = runner();
    const { body, attempts } = failing(['SYNTAX']);
    const error = await run.run('op', body).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: 'op: fake error: failed with SYNTAX', isRetryable: false });
    expect(attempts).toHaveLength(1);
    const own = new BenchHubError('createTask: a task with id "x" already exists');
    await expect(run.run('createTask', async () => Promise.reject(own))).rejects.toBe(own);
  });

  it('migrates once before the first operation, and again after a failed migration', async () => {
    let migrations = 0;
    const { run } = runner(async () => {
      migrations++;
      if (migrations === 1) throw new BenchHubError('schema too new');
    });
    await expect(run.run('op', async () => 1)).rejects.toThrow('schema too new');
    expect(await run.run('op', async () => 2)).toBe(2);
    expect(await run.run('op', async () => 3)).toBe(3);
    expect(migrations).toBe(2);
  });

  it('rejects every operation once closed', async () => {
    const { run } = runner();
    run.close();
    expect(run.closed).toBe(true);
    await expect(run.run('getTask', async () => 1)).rejects.toThrow('getTask: the fake storage is closed');
    expect(() => run.ensureOpen('stats')).toThrow('stats: the fake storage is closed');
  });
});
