/**
 * Compile-level checks that minimal object literals satisfy each contract (`tsc` fails otherwise),
 * exercised at runtime so each literal's behaviour is asserted too.
 */
import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../src/datasets/rows.js';
import type { LeaderboardEntry } from '../../src/domain/leaderboard.js';
import { canTransition, type Task, TaskTransitionError } from '../../src/domain/task.js';
import {
  type DatasetSourceV1,
  type GenerateResult,
  type JobContext,
  type MetricV1,
  type ModelProviderV1,
  type PlannerV1,
  type QueueJob,
  type QueueV1,
  type RateLimiterV1,
  type ResponseCacheV1,
  SPECIFICATION_VERSION,
  type StorageV1,
  supportsEmbedding,
  supportsLogLikelihood,
  type TaskEvent,
  type TaskEventListener,
  type TaskEventsV1,
} from '../../src/spec/index.js';
import { fixtureSamples } from '../../src/testing/fixtures.js';

const now = () => new Date();

describe('contracts accept minimal implementations', () => {
  it('ModelProviderV1', async () => {
    const provider = {
      specificationVersion: 'v1',
      providerId: 'inline',
      modelId: 'upper',
      capabilities: { generate: true, chat: false, logLikelihood: true, embed: false },
      async generate(request) {
        return {
          text: String(request.prompt).toUpperCase(),
          finishReason: 'stop',
          usage: { inputTokens: undefined, outputTokens: undefined },
        };
      },
      async logLikelihood(requests) {
        return requests.map((r) => ({ logprob: -r.continuation.length, isGreedy: false }));
      },
    } satisfies ModelProviderV1;
    expect((await provider.generate({ prompt: 'abc' })).text).toBe('ABC');
    expect(supportsLogLikelihood(provider)).toBe(true);
    expect(supportsEmbedding(provider)).toBe(false);
    // A flag without the method is not support.
    const liar: ModelProviderV1 = { ...provider, capabilities: { ...provider.capabilities, embed: true } };
    expect(supportsEmbedding(liar)).toBe(false);
    // @ts-expect-error specificationVersion must be 'v1'
    const wrongVersion: ModelProviderV1 = { ...provider, specificationVersion: 'v2' };
    expect(wrongVersion.specificationVersion).not.toBe(SPECIFICATION_VERSION);
  });

  it('DatasetSourceV1', async () => {
    const source = {
      specificationVersion: 'v1',
      id: 'inline:test',
      async *rows() {
        yield { source: 'inline:test', row: 1, data: { q: 'a' } } satisfies RawRow;
        yield { source: 'inline:test', row: 2, data: { q: 'b' } } satisfies RawRow;
      },
      async count() {
        return 2;
      },
    } satisfies DatasetSourceV1;
    const rows: RawRow[] = [];
    for await (const row of source.rows()) rows.push(row);
    expect(rows.map((r) => r.row)).toEqual([1, 2]);
    expect(await source.count()).toBe(rows.length);
  });

  it('MetricV1', async () => {
    const exact = {
      specificationVersion: 'v1',
      name: 'exact',
      higherIsBetter: true,
      requires: ['references'],
      score: (sample, output) =>
        sample.answer === undefined ? null : Number(output.text.trim() === sample.answer),
      aggregate: (values) => ({ value: values.reduce((a, b) => a + b, 0) / values.length, n: values.length }),
    } satisfies MetricV1;
    const [ko, en] = fixtureSamples;
    const scores = [await exact.score(ko!, { text: ' 이성계 ' }), await exact.score(en!, { text: 'Oxygen' })];
    expect(scores).toEqual([1, 0]);
    expect(exact.aggregate([1, 0])).toEqual({ value: 0.5, n: 2 });
    expect(exact.score({ ...ko!, answer: undefined } as never, { text: 'x' })).toBeNull();
  });

  it('PlannerV1', async () => {
    const planner = {
      specificationVersion: 'v1',
      plannerId: 'fixed',
      capabilities: { offline: true },
      async plan(request, context) {
        return {
          plan: { models: [], language: context?.language ?? 'en' },
          rationale: `planned: ${request}`,
          confidence: 0.5,
          warnings: [],
          plannerUsed: 'fixed',
        };
      },
      async suggest(request) {
        return {
          filters: { subjectType: ['HASS/History'] },
          models: [],
          summary: request,
          plannerUsed: 'fixed',
        };
      },
    } satisfies PlannerV1;
    const proposal = await planner.plan('Korean history', { language: 'ko' });
    expect(proposal.plan).toEqual({ models: [], language: 'ko' });
    expect(proposal.rationale).toContain('Korean history');
    expect(proposal.plannerUsed).toBe('fixed');
    expect((await planner.suggest('Korean history')).filters.subjectType).toEqual(['HASS/History']);
  });

  it('ResponseCacheV1 (with TTL)', async () => {
    let clock = 0;
    const entries = new Map<string, { value: GenerateResult; expires: number }>();
    const cache = {
      specificationVersion: 'v1',
      async get(key) {
        const hit = entries.get(key);
        return hit !== undefined && hit.expires > clock ? hit.value : undefined;
      },
      async set(key, value, options) {
        entries.set(key, {
          value,
          expires: options?.ttlMs === undefined ? Number.POSITIVE_INFINITY : clock + options.ttlMs,
        });
      },
      async delete(key) {
        entries.delete(key);
      },
    } satisfies ResponseCacheV1;
    const value: GenerateResult = {
      text: 'x',
      finishReason: 'stop',
      usage: { inputTokens: 1, outputTokens: 1 },
    };
    await cache.set('k', value, { ttlMs: 10 });
    expect(await cache.get('k')).toEqual(value);
    clock = 10;
    expect(await cache.get('k')).toBeUndefined();
  });

  it('RateLimiterV1', async () => {
    let inFlight = 0;
    let tokens = 0;
    const limiter = {
      specificationVersion: 'v1',
      async acquire(cost, signal?) {
        signal?.throwIfAborted();
        inFlight += cost.requests ?? 1;
        tokens += cost.tokens ?? 0;
        return { id: String(inFlight), cost: { requests: cost.requests ?? 1, tokens: cost.tokens ?? 0 } };
      },
      async report(lease, usage) {
        tokens += (usage.tokens ?? lease.cost.tokens) - lease.cost.tokens;
      },
      async release(lease) {
        inFlight -= lease.cost.requests;
      },
    } satisfies RateLimiterV1;
    const lease = await limiter.acquire({ tokens: 100 });
    await limiter.report(lease, { tokens: 60 });
    await limiter.release(lease);
    expect({ inFlight, tokens }).toEqual({ inFlight: 0, tokens: 60 });
    await expect(limiter.acquire({}, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('TaskEventsV1', async () => {
    const listeners = new Map<string, Set<TaskEventListener>>();
    const events = {
      specificationVersion: 'v1',
      async publish(event) {
        for (const key of [event.taskId, '*']) for (const l of listeners.get(key) ?? []) l(event);
      },
      subscribe(taskId, listener) {
        const set = listeners.get(taskId) ?? new Set();
        set.add(listener);
        listeners.set(taskId, set);
        return () => set.delete(listener);
      },
    } satisfies TaskEventsV1;
    const seen: TaskEvent['type'][] = [];
    const all: string[] = [];
    const stop = events.subscribe('t1', (e) => seen.push(e.type));
    events.subscribe('*', (e) => all.push(e.taskId));
    await events.publish({
      type: 'task.status',
      taskId: 't1',
      at: now(),
      status: 'STARTED',
      previous: 'PENDING',
    });
    await events.publish({
      type: 'task.progress',
      taskId: 't2',
      at: now(),
      progress: { completed: 1, total: 2, failed: 0 },
    });
    stop();
    await events.publish({
      type: 'task.done',
      taskId: 't1',
      at: now(),
      status: 'SUCCESS',
      progress: { completed: 2, total: 2, failed: 0 },
    });
    expect(seen).toEqual(['task.status']);
    expect(all).toEqual(['t1', 't2', 't1']);
  });

  it('QueueV1 (cancel aborts the running handler)', async () => {
    const jobs: QueueJob[] = [];
    const running = new Map<string, AbortController>();
    const queue: QueueV1 = {
      specificationVersion: 'v1',
      capabilities: { distributed: false, delayed: false, priorities: false },
      async enqueue(input) {
        const list = Array.isArray(input) ? input : [input];
        return list.map((j: (typeof list)[number]) => {
          const job: QueueJob = {
            id: j.jobId ?? `job-${jobs.length}`,
            taskId: j.taskId,
            name: j.name,
            data: j.data,
            attempt: 1,
            maxAttempts: j.maxAttempts ?? 3,
          };
          jobs.push(job);
          return job.id;
        });
      },
      process(handler) {
        const job = jobs.shift();
        if (job !== undefined) {
          const controller = new AbortController();
          running.set(job.taskId, controller);
          const context: JobContext = { signal: controller.signal, heartbeat: async () => {} };
          void handler(job, context).catch(() => {});
        }
        return { close: async () => {} };
      },
      async cancel(taskId) {
        const controller = running.get(taskId);
        controller?.abort();
        return controller === undefined ? 0 : 1;
      },
      async counts() {
        return {
          waiting: jobs.length,
          delayed: 0,
          active: running.size,
          completed: 0,
          failed: 0,
          cancelled: 0,
        };
      },
      async close() {},
    };
    expect(await queue.enqueue({ taskId: 't1', name: 'evaluate', data: { n: 1 } })).toEqual(['job-0']);
    let aborted = false;
    const worker = queue.process(
      (_job, { signal }) =>
        new Promise<void>((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(signal.reason);
          });
        }),
    );
    expect(await queue.cancel('t1')).toBe(1);
    expect(aborted).toBe(true);
    await worker.close();
    expect((await queue.counts()).waiting).toBe(0);
  });

  it('StorageV1', async () => {
    const tasks = new Map<string, Task>();
    const board: LeaderboardEntry[] = [];
    const secrets = new Map<string, string>();
    const storage: StorageV1 = {
      specificationVersion: 'v1',
      capabilities: { transactions: false, concurrentWriters: false, persistent: false },
      async migrate() {},
      async createTask(input) {
        const t: Task = {
          id: input.id ?? `t${tasks.size + 1}`,
          planName: input.planName,
          status: 'PENDING',
          plan: input.plan,
          progress: { completed: 0, total: input.total ?? 0, failed: 0 },
          createdAt: now(),
        };
        tasks.set(t.id, t);
        return t;
      },
      async getTask(id) {
        return tasks.get(id);
      },
      async listTasks() {
        return { items: [...tasks.values()], total: tasks.size };
      },
      async updateTask(id, update, options) {
        const t = tasks.get(id);
        if (t === undefined) throw new Error(`no task ${id}`);
        if (options?.ifStatus !== undefined && !options.ifStatus.includes(t.status)) return undefined;
        if (update.status !== undefined && !canTransition(t.status, update.status)) {
          throw new TaskTransitionError(t.status, update.status, { taskId: id });
        }
        const next: Task = { ...t, ...(update.status === undefined ? {} : { status: update.status }) };
        tasks.set(id, next);
        return next;
      },
      async appendResults(results) {
        return { written: results.length, skipped: 0 };
      },
      async *streamResults() {},
      async *completedKeys() {},
      async upsertLeaderboard(entries) {
        board.push(...entries);
      },
      async browseLeaderboard() {
        return { items: board, total: board.length };
      },
      async leaderboardCategories() {
        const distinct = (pick: (e: LeaderboardEntry) => string) => [...new Set(board.map(pick))].sort();
        return {
          modelNames: distinct((e) => e.modelName),
          metrics: distinct((e) => e.metric),
          languages: distinct((e) => e.language),
          subjectTypes: distinct((e) => e.subjectType),
          taskTypes: distinct((e) => e.taskType),
        };
      },
      async quarantineLeaderboard() {
        return 0;
      },
      async deleteLeaderboard() {
        const removed = board.length;
        board.length = 0;
        return removed;
      },
      async stats() {
        const byStatus = { PENDING: 0, STARTED: 0, SUCCESS: 0, FAILURE: 0, CANCELLED: 0, HOLD: 0 };
        for (const t of tasks.values()) byStatus[t.status]++;
        return {
          tasks: byStatus,
          results: { total: 0, failed: 0 },
          leaderboard: { visible: board.length, quarantined: 0, deleted: 0 },
        };
      },
      async cleanup() {
        return { tasks: 0, results: 0 };
      },
      async storeCredential(name, value) {
        secrets.set(name, value);
      },
      async getCredential(name) {
        return secrets.get(name);
      },
      async listCredentials() {
        return [...secrets.keys()].map((name) => ({ name, createdAt: now() }));
      },
      async deleteCredential(name) {
        return secrets.delete(name);
      },
      async close() {},
    };
    const task = await storage.createTask({ planName: 'smoke', plan: { models: [] } });
    expect(task.status).toBe('PENDING');
    expect(
      (await storage.updateTask(task.id, { status: 'STARTED' }, { ifStatus: ['PENDING'] }))?.status,
    ).toBe('STARTED');
    expect(
      await storage.updateTask(task.id, { status: 'STARTED' }, { ifStatus: ['PENDING'] }),
    ).toBeUndefined();
    await storage.updateTask(task.id, { status: 'SUCCESS' });
    const refused = await storage.updateTask(task.id, { status: 'STARTED' }).catch((e: unknown) => e);
    expect(TaskTransitionError.isInstance(refused)).toBe(true);
    await storage.storeCredential('openai', 'sk-test');
    expect(await storage.getCredential('openai')).toBe('sk-test');
    expect(JSON.stringify(await storage.listCredentials())).not.toContain('sk-test');
    expect((await storage.stats()).tasks.SUCCESS).toBe(1);
    expect((await storage.leaderboardCategories()).modelNames).toEqual([]);
  });
});
