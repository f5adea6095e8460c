import type { DatasetRuntime, PreparedSample } from './prepare.js';
import { itemKey } from './sample-census.js';
import type { SampleJobData } from './sample-job.js';

/** A run of consecutive samples of one dataset: every model gets (at most) one job from it. */
interface FeedChunk {
  readonly dataset: DatasetRuntime;
  readonly samples: readonly PreparedSample[];
  /** Models yet to take the chunk, plus jobs made from it that have not been released. */
  refs: number;
}

/** Options of {@link JobSource}. */
export interface JobSourceOptions {
  /** The evaluated datasets, in plan order. */
  datasets: readonly DatasetRuntime[];
  modelIds: readonly string[];
  repeats: number;
  /** Items (sample × repeat) per job, at most. */
  chunkSize: number;
  /** Items stored by an earlier run (`itemKey`), which get no job. */
  done: ReadonlySet<string>;
  /** Chunks held at most: how far the fastest model may run ahead of the slowest. */
  lookahead: number;
  /** Whether the run has stopped: no more jobs are handed out. */
  stopped: () => boolean;
}

/**
 * Cuts a run's work into jobs while reading the datasets once, in order: every model walks the same
 * sequence of chunks (a sample's repeats stay in one job), and a chunk's samples are held (in their
 * dataset's `byId`, where the runtime finds them) only from when it is read until every model's job on it
 * is released. At most `lookahead` chunks are held, so memory stays flat whatever the dataset size; a model
 * that runs that far ahead of the slowest waits for it.
 */
export class JobSource {
  private readonly options: JobSourceOptions;
  private readonly perChunk: number;
  /** Held chunks; `window[0]` has sequence number `base`. */
  private readonly window: FeedChunk[] = [];
  private base = 0;
  private readonly cursor = new Map<string, number>();
  private readonly jobChunks = new Map<string, FeedChunk>();
  private datasetIndex = 0;
  private iterator: AsyncIterator<PreparedSample> | Iterator<PreparedSample> | undefined;
  private exhausted = false;
  private reading: Promise<void> | undefined;
  private waiters: Array<() => void> = [];

  constructor(options: JobSourceOptions) {
    this.options = options;
    this.perChunk = Math.max(1, Math.floor(options.chunkSize / options.repeats));
    for (const id of options.modelIds) this.cursor.set(id, 0);
  }

  /**
   * The next job of `modelId`, or `undefined` when it has none left (or the run stopped). Calls for one
   * model must not overlap.
   */
  async next(modelId: string): Promise<SampleJobData | undefined> {
    const { done, repeats } = this.options;
    for (;;) {
      if (this.options.stopped()) return undefined;
      const seq = this.cursor.get(modelId)!;
      const chunk = this.window[seq - this.base];
      if (chunk === undefined) {
        if (this.exhausted) return undefined;
        if (this.window.length >= this.options.lookahead) await this.changed();
        else await this.readChunk();
        continue;
      }
      this.cursor.set(modelId, seq + 1);
      const job: SampleJobData = { modelId, dataset: chunk.dataset.name, sampleIds: [], repeats: [] };
      for (const { sample } of chunk.samples) {
        for (let r = 0; r < repeats; r++) {
          if (done.size > 0 && done.has(itemKey(modelId, sample.id, r))) continue;
          job.sampleIds.push(sample.id);
          job.repeats.push(r);
        }
      }
      if (job.sampleIds.length === 0) {
        this.unref(chunk);
        continue;
      }
      this.jobChunks.set(itemKey(modelId, job.sampleIds[0]!, job.repeats[0]!), chunk);
      return job;
    }
  }

  /** Marks a job finished: its samples are let go once every model is done with them. */
  release(job: SampleJobData): void {
    const key = itemKey(job.modelId, job.sampleIds[0]!, job.repeats[0]!);
    const chunk = this.jobChunks.get(key);
    if (chunk === undefined) return;
    this.jobChunks.delete(key);
    this.unref(chunk);
    // A stopped run takes no more chunks, so the window may never drain: let waiting models see the stop.
    if (this.options.stopped()) this.wake();
  }

  /** Wakes the models waiting for room (call it when the run stops). */
  wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private unref(chunk: FeedChunk): void {
    chunk.refs--;
    let trimmed = false;
    while (this.window.length > 0 && this.window[0]!.refs === 0) {
      const first = this.window.shift()!;
      this.base++;
      trimmed = true;
      if (first.dataset.held === undefined) {
        for (const { sample } of first.samples) first.dataset.byId.delete(sample.id);
      }
    }
    if (trimmed) this.wake();
  }

  /** Reads the next chunk into the window (one read at a time; a second caller waits for the first). */
  private readChunk(): Promise<void> {
    this.reading ??= this.read().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async read(): Promise<void> {
    const samples: PreparedSample[] = [];
    let dataset: DatasetRuntime | undefined;
    while (samples.length < this.perChunk) {
      dataset = this.options.datasets[this.datasetIndex];
      if (dataset === undefined) break;
      this.iterator ??=
        dataset.held === undefined
          ? dataset.stream()[Symbol.asyncIterator]()
          : dataset.held[Symbol.iterator]();
      const next = await this.iterator.next();
      if (next.done === true) {
        this.iterator = undefined;
        this.datasetIndex++;
        if (samples.length > 0) break; // a chunk never spans two datasets
        continue;
      }
      samples.push(next.value);
    }
    if (samples.length === 0 || dataset === undefined) {
      this.exhausted = true;
      return;
    }
    if (dataset.held === undefined) for (const p of samples) dataset.byId.set(p.sample.id, p);
    this.window.push({ dataset, samples, refs: this.options.modelIds.length });
  }
}
