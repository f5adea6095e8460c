import type { PromptRendering } from '../prompts/render-prompt.js';
import type { ProviderCallOptions } from '../spec/model-provider.js';
import type { DatasetRuntime, ModelRuntime } from './prepare.js';
import type { SampleJobData } from './sample-job.js';

/** One queue job being worked on: its items are claimed one by one by the model's lanes. */
export interface ChunkRun {
  readonly data: SampleJobData;
  readonly model: ModelRuntime;
  readonly dataset: DatasetRuntime;
  /** Passed to every call of the chunk. */
  readonly callOptions: ProviderCallOptions & { signal: AbortSignal };
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
 * A model's workers: `width` lanes (the model's concurrency) that take the items of submitted chunks in
 * order. A chunk submitted while another drains is worked on at once, so a model never idles between
 * jobs, and the lanes themselves bound the calls in flight: no per-call limiter on the fixed path.
 */
export class ModelLanes {
  private readonly chunks: (ChunkRun | undefined)[] = [];
  private head = 0;
  private active = 0;
  private unclaimed = 0;

  constructor(
    private readonly width: number,
    private readonly work: (chunk: ChunkRun, index: number) => Promise<void>,
    private readonly skip: (chunk: ChunkRun) => boolean,
  ) {}

  /** Queues a chunk's items; `chunk.done` is called when the last one finishes. */
  submit(chunk: ChunkRun): void {
    const size = chunk.data.sampleIds.length;
    if (size === 0) {
      chunk.done();
      return;
    }
    this.chunks.push(chunk);
    this.unclaimed += size;
    while (this.active < this.width && this.active < this.unclaimed) {
      this.active++;
      void this.lane();
    }
  }

  private async lane(): Promise<void> {
    try {
      for (;;) {
        const chunk = this.chunks[this.head];
        if (chunk === undefined) return;
        const index = chunk.next++;
        this.unclaimed--;
        if (chunk.next >= chunk.data.sampleIds.length) this.advance();
        if (!this.skip(chunk)) {
          try {
            await this.work(chunk, index);
          } catch {
            // `work` records its own failures; nothing may stop a lane.
          }
        }
        if (--chunk.remaining === 0) chunk.done();
      }
    } finally {
      this.active--;
    }
  }

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
