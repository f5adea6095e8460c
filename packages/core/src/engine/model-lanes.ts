import { setMaxListeners } from 'node:events';
import type { PromptRendering } from '../prompts/render-prompt.js';
import type { ProviderCallOptions } from '../spec/model-provider.js';
import type { DatasetRuntime, ModelRuntime } from './prepare.js';
import type { SampleJobData } from './sample-job.js';

/** Options of the calls of one lane: its own abort signal, linked to the run's. */
export type LaneCallOptions = ProviderCallOptions & { signal: AbortSignal };

/** One queue job being worked on: its items are claimed one by one by the model's lanes. */
export interface ChunkRun {
  readonly data: SampleJobData;
  readonly model: ModelRuntime;
  readonly dataset: DatasetRuntime;
  /** Rendered prompts of the chunk's samples, when samples repeat within it. */
  readonly renders: Map<string, PromptRendering | Error> | undefined;
  /** Next item to claim. */
  next: number;
  /** Items not finished yet. */
  remaining: number;
  /** Called once every item is finished (or skipped). */
  readonly done: () => void;
}

/**
 * The rest of an item's work once its model call has returned (scoring, storing), left for the lane to
 * run after its next call is sent; `undefined` when the item is already finished. Never rejects.
 */
export type ItemFinish = (() => Promise<void>) | undefined;

/**
 * Works on one item: sends its call and resolves once the answer is in, either with the item finished
 * or with what is left of it (see {@link ItemFinish}). Never rejects (failures are recorded as results).
 */
export type ItemWork = (chunk: ChunkRun, index: number, options: LaneCallOptions) => Promise<ItemFinish>;

/** Options of {@link ModelLanes}. */
export interface ModelLanesOptions {
  /** Calls in flight at most: the number of lanes. */
  readonly width: number;
  /** Sends an item's call. */
  readonly work: ItemWork;
  /** True once items should be skipped (the run stopped). */
  readonly skip: (chunk: ChunkRun) => boolean;
  /** The run's signal: every lane's signal aborts with it. */
  readonly signal: AbortSignal;
}

/**
 * Calls made on one lane signal before the lane takes a fresh one. `fetch` leaves a listener on the
 * signal of each request until the request is garbage-collected; a fresh signal now and then keeps
 * that list (and the cost of adding to it, which `fetch` and `createFunctionProvider` pay on every
 * call) short however long the run.
 */
const CALLS_PER_LANE_SIGNAL = 32;

/**
 * The listener limit of a lane signal: well above what its calls leave behind (a few listeners each),
 * so no warning. A finite number on purpose: `fetch` reads the limit on every request, and a limit of 0
 * (unlimited) makes that read throw and catch an error each time (about 30 µs a request on Node 20).
 */
const LANE_SIGNAL_MAX_LISTENERS = 8 * CALLS_PER_LANE_SIGNAL;

/**
 * A model's workers: `width` lanes (the model's concurrency) that take the items of submitted chunks in
 * order. A chunk submitted while another drains is worked on at once, so a model never idles between
 * jobs, and the lanes themselves bound the calls in flight: no per-call limiter on the fixed path.
 *
 * Each lane passes its own abort signal to its calls (linked to the run's), so listeners that providers
 * leave behind pile up on no shared signal. When `work` leaves part of an item for later, the lane
 * sends its next call first and runs that part in a batch once the event loop has handled the I/O at
 * hand: between a response and the lane's next request there is only the provider's work and the
 * next prompt. A lane has at most one call in flight and one item finishing.
 */
export class ModelLanes {
  private readonly chunks: (ChunkRun | undefined)[] = [];
  private head = 0;
  private active = 0;
  private unclaimed = 0;
  private deferred: (() => void)[] = [];
  private flushScheduled = false;

  constructor(private readonly options: ModelLanesOptions) {}

  /** Queues a chunk's items; `chunk.done` is called when the last one finishes. */
  submit(chunk: ChunkRun): void {
    const size = chunk.data.sampleIds.length;
    if (size === 0) {
      chunk.done();
      return;
    }
    this.chunks.push(chunk);
    this.unclaimed += size;
    while (this.active < this.options.width && this.active < this.unclaimed) {
      this.active++;
      void this.lane();
    }
  }

  private async lane(): Promise<void> {
    const { work, skip, signal: runSignal } = this.options;
    let controller: AbortController | undefined;
    // The signal before the current one may still be in use by the previous item's finishing.
    let previous: AbortController | undefined;
    let callOptions: LaneCallOptions | undefined;
    let calls = 0;
    const onRunAbort = (): void => {
      previous?.abort(runSignal.reason);
      controller?.abort(runSignal.reason);
    };
    const freshSignal = (): LaneCallOptions => {
      previous = controller;
      controller = new AbortController();
      setMaxListeners(LANE_SIGNAL_MAX_LISTENERS, controller.signal);
      if (runSignal.aborted) controller.abort(runSignal.reason);
      calls = 0;
      return { signal: controller.signal };
    };
    runSignal.addEventListener('abort', onRunAbort);
    // The finishing of the lane's previous item, while its next call is in flight.
    let finishing: Promise<void> | undefined;
    let claiming = true;
    try {
      for (;;) {
        const chunk = this.chunks[this.head];
        if (chunk === undefined) {
          // Stop claiming before waiting for the last finish, so a chunk submitted meanwhile gets a lane.
          claiming = false;
          this.active--;
          if (finishing !== undefined) await finishing;
          return;
        }
        const index = chunk.next++;
        this.unclaimed--;
        if (chunk.next >= chunk.data.sampleIds.length) this.advance();
        if (skip(chunk)) {
          if (--chunk.remaining === 0) chunk.done();
          continue;
        }
        if (callOptions === undefined || calls >= CALLS_PER_LANE_SIGNAL) callOptions = freshSignal();
        calls++;
        const answered = work(chunk, index, callOptions);
        if (finishing !== undefined) {
          await finishing;
          finishing = undefined;
        }
        const finish = await answered;
        if (finish === undefined) {
          if (--chunk.remaining === 0) chunk.done();
        } else {
          finishing = this.later(finish, chunk);
        }
      }
    } finally {
      runSignal.removeEventListener('abort', onRunAbort);
      if (claiming) this.active--;
    }
  }

  /**
   * Runs `finish` in the next batch of deferred work (after the I/O callbacks of this event-loop turn,
   * so the requests they trigger leave first), then counts the item done.
   */
  private later(finish: () => Promise<void>, chunk: ChunkRun): Promise<void> {
    return new Promise<void>((resolve) => {
      const settle = (): void => {
        if (--chunk.remaining === 0) chunk.done();
        resolve();
      };
      this.deferred.push(() => {
        finish().then(settle, settle);
      });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(this.flushDeferred);
      }
    });
  }

  private readonly flushDeferred = (): void => {
    this.flushScheduled = false;
    const batch = this.deferred;
    this.deferred = [];
    for (const run of batch) run();
  };

  /** Moves past a fully claimed chunk, compacting the list now and then. */
  private advance(): void {
    this.chunks[this.head] = undefined;
    this.head++;
    if (this.head > 64 && this.head * 2 > this.chunks.length) {
      this.chunks.splice(0, this.head);
      this.head = 0;
    }
  }
}
