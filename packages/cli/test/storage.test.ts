import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MetricSummary, Task } from '@benchhub/core';
import { type FaultServer, startFaultServer } from '@benchhub/core/testing';
import { createPostgresStorage } from '@benchhub/storage-postgres';
import { createSqliteStorage } from '@benchhub/storage-sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropSchema } from '../../storage-postgres/test/support/fault-postgres.js';
import {
  freshSchemaName,
  probePostgres,
  TEST_POSTGRES_URL,
} from '../../storage-postgres/test/support/test-database.js';
import { describeStorage, parseStorageUrl } from '../src/storage/index.js';
import { cli, repo } from './support/run-cli.js';

const postgres = await probePostgres();
if (!postgres.reachable) console.warn(`skipping the CLI on PostgreSQL: ${postgres.reason}`);

const miniPlan = join(repo, 'examples/plans/korean-history-mini.yaml');

interface Report {
  task: Task;
  aggregates: MetricSummary[];
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'benchhub-cli-storage-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Reads a task and its result count back from a SQLite file the CLI wrote. */
async function readBack(file: string, taskId: string) {
  const storage = createSqliteStorage({ filename: file });
  try {
    await storage.migrate();
    const task = await storage.getTask(taskId);
    let results = 0;
    for await (const _ of storage.streamResults({ taskId })) results++;
    return { task, results };
  } finally {
    await storage.close();
  }
}

/**
 * A plan over `rows` inline questions answered by an OpenAI-compatible server at `${BENCHHUB_BASE_URL}`,
 * priced at one dollar per token so `--budget` can stop it part way.
 */
function serverPlan(rows: number): string {
  const lines = [
    'name: resumable',
    'models:',
    '  - provider: openai-compatible',
    '    model: served',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a plan placeholder
    '    baseUrl: ${BENCHHUB_BASE_URL}',
    '    parameters: { maxTokens: 8 }',
    '    price: { inputPerMTok: 1000000, outputPerMTok: 1000000 }',
    'datasets:',
    '  - name: d',
    '    source:',
    '      type: inline',
    '      rows:',
  ];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `        - { id: q${i}, prompt: "Question ${i}?", options: [yes, no], answer: yes, language: en, subject_type: [HASS/History], task_type: Knowledge }`,
    );
  }
  const file = join(dir, 'plan.yaml');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** The question numbers the server was asked, in arrival order. */
function asked(server: FaultServer): number[] {
  return server.records.map((r) => {
    const text = r.body?.messages.map((m) => m.content).join('\n') ?? '';
    return Number(/Question (\d+)\?/.exec(text)?.[1]);
  });
}

describe('--db URLs', () => {
  it('resolves SQLite paths against the working directory and keeps PostgreSQL URLs', () => {
    expect(parseStorageUrl('sqlite:./benchhub.db', '/work')).toEqual({
      kind: 'sqlite',
      filename: '/work/benchhub.db',
    });
    expect(parseStorageUrl('sqlite:runs/a.db', '/work')).toEqual({
      kind: 'sqlite',
      filename: '/work/runs/a.db',
    });
    expect(parseStorageUrl('sqlite:/var/b.db', '/work')).toEqual({ kind: 'sqlite', filename: '/var/b.db' });
    expect(parseStorageUrl('sqlite:///var/b.db', '/work')).toEqual({ kind: 'sqlite', filename: '/var/b.db' });
    expect(parseStorageUrl('sqlite::memory:', '/work')).toEqual({ kind: 'sqlite', filename: ':memory:' });
    for (const url of ['postgres://u@h:5432/db', 'postgresql://u:p@h/db?sslmode=disable']) {
      expect(parseStorageUrl(url, '/work')).toEqual({ kind: 'postgres', connectionString: url });
    }
    expect(parseStorageUrl('postgres://u@h/db?sslmode=disable&schema=runs', '/work')).toEqual({
      kind: 'postgres',
      connectionString: 'postgres://u@h/db?sslmode=disable',
      schema: 'runs',
    });
  });

  it('refuses other URLs naming the scheme only, never the credentials', () => {
    expect(() => parseStorageUrl('mysql://root:hunter2@h/db', '/w')).toThrow(/--db got a mysql: URL/);
    expect(() => parseStorageUrl('mysql://root:hunter2@h/db', '/w')).not.toThrow(/hunter2/);
    expect(() => parseStorageUrl('benchhub.db', '/w')).toThrow(/a value without a scheme.*sqlite:<path>/);
    expect(() => parseStorageUrl('sqlite:', '/w')).toThrow(/names no SQLite file/);
    expect(() => parseStorageUrl('postgres:', '/w')).toThrow(/no host or database/);
    expect(() => parseStorageUrl('postgres://h/db?schema=', '/w')).toThrow(/empty \?schema=/);
    const location = parseStorageUrl('postgres://u:pw@h/db?schema=s', '/w');
    expect(describeStorage(location)).toBe('postgres://u:***@h/db?schema=s');
  });
});

describe('benchhub run storage', () => {
  it('stores the run in ./benchhub.db of the working directory by default', async () => {
    const result = await cli(['run', miniPlan, '--json', '--no-progress'], {}, { cwd: dir });
    expect(result.errors).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out) as Report;
    expect(readdirSync(dir).filter((f) => !f.startsWith('benchhub.db'))).toEqual([]);
    const file = join(dir, 'benchhub.db');
    expect(existsSync(file)).toBe(true);
    expect(result.infos.join('\n')).toContain(`storage sqlite:${file}`);
    const { task, results } = await readBack(file, report.task.id);
    expect(task?.status).toBe('SUCCESS');
    expect(results).toBe(10);
  });

  it('takes --db: a relative SQLite file, or an in-memory database that leaves no file', async () => {
    const relative = await cli(
      ['run', miniPlan, '--json', '--no-progress', '--db', 'sqlite:runs.db'],
      {},
      {
        cwd: dir,
      },
    );
    expect(relative.code).toBe(0);
    expect(readdirSync(dir).filter((f) => !f.startsWith('runs.db'))).toEqual([]);
    const id = (JSON.parse(relative.out) as Report).task.id;
    expect((await readBack(join(dir, 'runs.db'), id)).results).toBe(10);

    const other = mkdtempSync(join(tmpdir(), 'benchhub-cli-storage-'));
    try {
      const memory = await cli(
        ['run', miniPlan, '--json', '--no-progress', '--db', 'sqlite::memory:'],
        {},
        {
          cwd: other,
        },
      );
      expect(memory.code).toBe(0);
      expect((JSON.parse(memory.out) as Report).task.status).toBe('SUCCESS');
      expect(readdirSync(other)).toEqual([]);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('exits 1 with a clear message for a bad --db, before anything is written', async () => {
    const missing = await cli(
      ['run', miniPlan, '--no-progress', '--db', 'sqlite:no/such/folder/x.db'],
      {},
      {
        cwd: dir,
      },
    );
    expect(missing.code).toBe(1);
    expect(missing.errors).toMatch(/the folder .*no\/such\/folder does not exist/);
    const scheme = await cli(
      ['run', miniPlan, '--no-progress', '--db', 'redis://:s3cret@h:6379'],
      {},
      {
        cwd: dir,
      },
    );
    expect(scheme.code).toBe(1);
    expect(scheme.errors).toMatch(/--db got a redis: URL: expected sqlite:<path>/);
    expect(scheme.errors).not.toContain('s3cret');
    const refused = await cli(
      ['run', miniPlan, '--no-progress', '--db', 'postgres://bench:s3cret@127.0.0.1:1/none'],
      {},
      { cwd: dir },
    );
    expect(refused.code).toBe(1);
    expect(refused.errors).toMatch(
      /could not open the storage postgres:\/\/bench:\*\*\*@127\.0\.0\.1:1\/none: /,
    );
    expect(refused.errors).not.toContain('s3cret');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('benchhub run --task-id (resume)', () => {
  it('a finished task run again asks the model nothing and reports the same scores', async () => {
    const server = await startFaultServer({ answer: () => 'Answer: A' });
    try {
      const env = { BENCHHUB_BASE_URL: server.baseUrl };
      const plan = serverPlan(12);
      const args = ['run', plan, '--json', '--no-progress', '--task-id', 'cli-resume'];
      const first = await cli(args, env, { cwd: dir });
      expect(first.errors).toBe('');
      expect(first.code).toBe(0);
      expect(server.requestCount).toBe(12);
      const again = await cli(args, env, { cwd: dir });
      expect(again.code).toBe(0);
      expect(server.requestCount).toBe(12);
      const a = JSON.parse(first.out) as Report;
      const b = JSON.parse(again.out) as Report;
      expect(b.task.id).toBe('cli-resume');
      expect(b.task.status).toBe('SUCCESS');
      expect(b.aggregates).toEqual(a.aggregates);
      expect(a.aggregates[0]).toMatchObject({ value: 1, n: 12, errors: 0 });
    } finally {
      await server.close();
    }
  });

  it('a task stopped part way (budget) resumes with exactly the samples not yet stored', async () => {
    const server = await startFaultServer({ answer: () => 'Answer: A' });
    try {
      const env = { BENCHHUB_BASE_URL: server.baseUrl };
      const plan = serverPlan(12);
      const args = ['run', plan, '--json', '--no-progress', '--task-id', 'cli-budget', '-c', '1'];
      // At a dollar a token each call reserves its prompt plus 8 output tokens: the cap stops the run early.
      const stopped = await cli([...args, '--budget', '100'], env, { cwd: dir });
      expect(stopped.code).toBe(1);
      const partial = JSON.parse(stopped.out) as Report;
      expect(partial.task.status).toBe('CANCELLED');
      const firstAsked = asked(server);
      expect(firstAsked.length).toBeGreaterThan(0);
      expect(firstAsked.length).toBeLessThan(12);
      const storedBefore = (await readBack(join(dir, 'benchhub.db'), 'cli-budget')).results;
      expect(storedBefore).toBe(firstAsked.length);

      server.reset();
      const resumed = await cli(args, env, { cwd: dir });
      expect(resumed.code).toBe(0);
      const secondAsked = asked(server);
      expect(secondAsked).toHaveLength(12 - firstAsked.length);
      expect([...firstAsked, ...secondAsked].sort((x, y) => x - y)).toEqual([...Array(12).keys()]);
      const report = JSON.parse(resumed.out) as Report;
      expect(report.task.status).toBe('SUCCESS');
      expect(report.aggregates[0]).toMatchObject({ value: 1, n: 12, errors: 0 });
      expect((await readBack(join(dir, 'benchhub.db'), 'cli-budget')).results).toBe(12);
    } finally {
      await server.close();
    }
  });
});

describe.skipIf(!postgres.reachable)('benchhub run --db postgres://', () => {
  it('stores the run in the schema the URL names and resumes a finished task without calling the model', async () => {
    const schema = freshSchemaName('cli_');
    const server = await startFaultServer({ answer: () => 'Answer: A' });
    try {
      const env = { BENCHHUB_BASE_URL: server.baseUrl };
      const url = new URL(TEST_POSTGRES_URL);
      url.searchParams.set('schema', schema);
      const args = [
        'run',
        serverPlan(8),
        '--json',
        '--no-progress',
        '--task-id',
        'cli-pg',
        '--db',
        url.toString(),
      ];
      const first = await cli(args, env, { cwd: dir });
      expect(first.errors).toBe('');
      expect(first.code).toBe(0);
      expect(server.requestCount).toBe(8);
      const again = await cli(args, env, { cwd: dir });
      expect(again.code).toBe(0);
      expect(server.requestCount).toBe(8);
      expect((JSON.parse(again.out) as Report).aggregates).toEqual(
        (JSON.parse(first.out) as Report).aggregates,
      );
      expect(readdirSync(dir)).toEqual(['plan.yaml']);

      const storage = createPostgresStorage({ connectionString: TEST_POSTGRES_URL }, { schema });
      try {
        expect((await storage.getTask('cli-pg'))?.status).toBe('SUCCESS');
        expect((await storage.stats()).results.total).toBe(8);
      } finally {
        await storage.close();
      }
    } finally {
      await server.close();
      await dropSchema(schema);
    }
  });
});
