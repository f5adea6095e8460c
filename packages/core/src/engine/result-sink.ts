import type { SampleResult } from '../domain/result.js';
import { type Logger, silentLogger } from '../logger/logger.js';
import type { ResultKey, StorageV1, TaskProgress } from '../spec/storage.js';
import type { UsageTotals } from './evaluation-result.js';
import type { EvaluationEvent, RunStats } from './events.js';

/** Options of {@link ResultSink}. */
export interface ResultSinkOptions {
  taskId: string;
  storage: StorageV1;
  /** Receives progress and result events; absent: no event is built at all. */
  emit?: ((event: EvaluationEvent) => void) | undefined;
  batchSize: number;
  flushIntervalMs: number;
  progressIntervalMs: number;
  logger?: Logger;
  /** Called once with the first storage error (the run then stops). */
  onFailure?: (error: unknown) => void;
  /**
   * Write the task's progress to storage while results come in (at most once a second). Default true;
   * off when nobody else can read the storage (the run's own in-memory one), since the final counters
   * are written anyway and copying the task on every write would only stall the calls in flight.
   */
  storeProgress?: boolean;
}

/** Shortest gap between two progress writes to the task (the final counters are always written). */
const STORED_PROGRESS_INTERVAL_MS = 1_000;

/** Batches written at once before `add` makes its caller wait (back-pressure on a slow storage). */
const MAX_PENDING_BATCHES = 4;

/**
 * Collects finished results, writes them to storage in batches (when a batch is full, when the oldest
 * result has waited `flushIntervalMs`, and on `close`), keeps the run's counters and emits coalesced
 * progress events and one result event per written batch. Writes never overlap and keep result order.
 */
export class ResultSink {
  /** Results expected in all (set once known). */
  total = 0;
  /** Results stored before this run (resume). */
  resumed = 0;
  /** The first storage error; the run stops when it is set. */
  failure: unknown;

  private readonly options: ResultSinkOptions;
  private readonly logger: Logger;
  private buffer: SampleResult[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<void> = Promise.resolve();
  private pending = 0;
  private produced = 0;
  private errors = 0;
  private written = 0;
  private writtenFailed = 0;
  private cacheHits = 0;
  private readonly usage: UsageTotals = { inputTokens: 0, outputTokens: 0, costUsd: 0 };
  private readonly startedAt = performance.now();
  private lastProgressAt = Number.NEGATIVE_INFINITY;
  private lastStoredProgressAt = Number.NEGATIVE_INFINITY;

  constructor(options: ResultSinkOptions) {
    this.options = options;
    this.logger = options.logger ?? silentLogger;
  }

  /** Tokens and cost of this run's calls. */
  get totals(): UsageTotals {
    return { ...this.usage };
  }

  /** Results finished by this run. */
  get producedCount(): number {
    return this.produced;
  }

  /** Results of this run that ended with an error. */
  get errorCount(): number {
    return this.errors;
  }

  /**
   * Takes a finished result. Returns a promise only when the caller should wait (storage is behind);
   * otherwise `undefined`, so the hot path awaits nothing.
   */
  add(result: SampleResult, cached: boolean): Promise<void> | undefined {
    this.produced++;
    if (result.error !== undefined) this.errors++;
    if (cached) this.cacheHits++;
    else if (result.usage !== undefined) {
      this.usage.inputTokens += result.usage.inputTokens;
      this.usage.outputTokens += result.usage.outputTokens;
    }
    if (result.costUsd !== undefined) this.usage.costUsd += result.costUsd;
    this.buffer.push(result);
    if (this.buffer.length >= this.options.batchSize) this.flush();
    else if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, this.options.flushIntervalMs);
    }
    if (this.options.emit !== undefined) {
      const now = performance.now();
      if (now - this.lastProgressAt >= this.options.progressIntervalMs) {
        this.lastProgressAt = now;
        this.emitProgress();
      }
    }
    return this.pending >= MAX_PENDING_BATCHES ? this.chain : undefined;
  }

  /** Starts writing the buffered results; resolves when everything handed over so far is written. */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.buffer.length === 0) return this.chain;
    const batch = this.buffer;
    this.buffer = [];
    this.pending++;
    this.chain = this.chain.then(() => this.write(batch));
    return this.chain;
  }

  /** Writes what is left and emits a last progress event. */
  async close(): Promise<void> {
    await this.flush();
    if (this.options.emit !== undefined) this.emitProgress();
  }

  /** The stored counters of the task. */
  progress(): TaskProgress {
    return { total: this.total, completed: this.resumed + this.written, failed: this.writtenFailed };
  }

  /** Live figures of the run. */
  stats(): RunStats {
    const seconds = (performance.now() - this.startedAt) / 1000;
    const rate = seconds > 0 ? this.produced / seconds : 0;
    const remaining = Math.max(0, this.total - this.resumed - this.produced);
    return {
      done: this.resumed + this.produced,
      total: this.total,
      errors: this.errors,
      resumed: this.resumed,
      inputTokens: this.usage.inputTokens,
      outputTokens: this.usage.outputTokens,
      costUsd: this.usage.costUsd,
      samplesPerSec: rate,
      etaMs: rate > 0 ? (remaining / rate) * 1000 : undefined,
      cacheHits: this.cacheHits,
    };
  }

  private emitProgress(): void {
    const stats = this.stats();
    this.options.emit?.({
      type: 'task.progress',
      taskId: this.options.taskId,
      at: new Date(),
      progress: { total: this.total, completed: stats.done, failed: this.errors },
      stats,
    });
  }

  private async write(batch: SampleResult[]): Promise<void> {
    try {
      if (this.failure !== undefined) return;
      const { storage, taskId } = this.options;
      const outcome = await storage.appendResults(batch);
      if (outcome.skipped > 0) {
        this.logger.debug('results already stored were skipped', { taskId, skipped: outcome.skipped });
      }
      this.written += batch.length;
      for (const r of batch) if (r.error !== undefined) this.writtenFailed++;
      const now = performance.now();
      if (
        this.options.storeProgress !== false &&
        now - this.lastStoredProgressAt >= STORED_PROGRESS_INTERVAL_MS
      ) {
        this.lastStoredProgressAt = now;
        await storage.updateTask(taskId, { progress: this.progress() });
      }
      if (this.options.emit !== undefined) {
        const keys: ResultKey[] = batch.map((r) => ({
          taskId: r.taskId,
          modelId: r.modelId,
          sampleId: r.sampleId,
          repeat: r.repeat,
        }));
        this.options.emit({ type: 'result.appended', taskId, at: new Date(), keys, results: batch });
      }
    } catch (error) {
      if (this.failure === undefined) {
        this.failure = error;
        this.options.onFailure?.(error);
      }
      this.logger.error('writing results failed', { taskId: this.options.taskId, error: String(error) });
    } finally {
      this.pending--;
    }
  }
}
