import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/index.js';
import type { MetricV1 } from '../../src/spec/metric.js';
import { createMockProvider } from '../../src/testing/mock-provider.js';
import { delay, goldAnswer, mcqaPlan, questionNumber } from './helpers.js';

/** An `accuracy` metric that logs when each sample is scored. */
function loggingAccuracy(log: string[]): MetricV1 {
  return {
    specificationVersion: 'v1',
    name: 'accuracy',
    higherIsBetter: true,
    requires: [],
    score: (sample, output) => {
      log.push(`score ${sample.id}`);
      return output.correct ? 1 : 0;
    },
    aggregate: (values) => ({ value: values.reduce((a, b) => a + b, 0) / values.length, n: values.length }),
  };
}

function loggingModel(log: string[]) {
  return createMockProvider({
    respond: async (request) => {
      log.push(`call q${questionNumber(request)}`);
      await delay(5); // a remote model: answers that take a while are scored after the next call
      return goldAnswer(request);
    },
  });
}

describe('model lanes', () => {
  it("send a lane's next call before scoring the answer it just got", async () => {
    const log: string[] = [];
    const { aggregates } = await evaluate(mcqaPlan(3), {
      providers: { m1: loggingModel(log) },
      metrics: [loggingAccuracy(log)],
      concurrency: { perModel: 1 },
    });
    expect(log).toEqual(['call q0', 'call q1', 'score q0', 'call q2', 'score q1', 'score q2']);
    expect(aggregates[0]).toMatchObject({ metric: 'accuracy', value: 1, n: 3 });
  });

  it('score an in-process model answer at once (no event-loop turn per item)', async () => {
    const log: string[] = [];
    const instant = createMockProvider({
      respond: (request) => {
        log.push(`call q${questionNumber(request)}`);
        return goldAnswer(request);
      },
    });
    await evaluate(mcqaPlan(3), {
      providers: { m1: instant },
      metrics: [loggingAccuracy(log)],
      concurrency: { perModel: 1 },
    });
    expect(log).toEqual(['call q0', 'score q0', 'call q1', 'score q1', 'call q2', 'score q2']);
  });

  it('score inside the lane when scoring may call a model (an embedder is given)', async () => {
    const log: string[] = [];
    await evaluate(mcqaPlan(3), {
      providers: { m1: loggingModel(log) },
      metrics: [loggingAccuracy(log)],
      concurrency: { perModel: 1 },
      embedder: createMockProvider({ respond: () => 'unused' }),
    });
    expect(log).toEqual(['call q0', 'score q0', 'call q1', 'score q1', 'call q2', 'score q2']);
  });

  it('give providers signals that listeners left behind (as fetch does) never crowd, without warnings', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    let most = 0;
    const signals = new Set<AbortSignal>();
    const model = createMockProvider({
      respond: async (request, context) => {
        const signal = context.signal!;
        // Like undici's fetch: one listener per request, removed only much later.
        signal.addEventListener('abort', () => {});
        signals.add(signal);
        most = Math.max(most, getEventListeners(signal, 'abort').length);
        await delay(0);
        return goldAnswer(request);
      },
    });
    try {
      const { task } = await evaluate(mcqaPlan(600), {
        providers: { m1: model },
        concurrency: { perModel: 24 },
        chunkSize: 600,
      });
      // Let any warning emitted on the way reach the listener.
      await delay(5);
      expect(task.status).toBe('SUCCESS');
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
    // Each lane renews its signal every 32 calls: 600 calls never pile up on one signal.
    expect(signals.size).toBeGreaterThanOrEqual(24);
    expect(most).toBeLessThanOrEqual(34);
  });

  it('abort the calls in flight of every lane when the run is cancelled', async () => {
    const controller = new AbortController();
    let aborted = 0;
    const model = createMockProvider({
      respond: async (request, context) => {
        const signal = context.signal!;
        if (questionNumber(request) === 5) controller.abort(new Error('stop'));
        await new Promise<void>((resolve) => {
          if (signal.aborted) resolve();
          signal.addEventListener('abort', () => resolve(), { once: true });
          setTimeout(resolve, 2_000);
        });
        if (signal.aborted) aborted++;
        return goldAnswer(request);
      },
    });
    const started = performance.now();
    const { task, stopReason } = await evaluate(mcqaPlan(40), {
      providers: { m1: model },
      concurrency: { perModel: 8 },
      signal: controller.signal,
    });
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(stopReason).toBe('cancelled');
    expect(task.status).toBe('CANCELLED');
    expect(aborted).toBe(8);
  });
});
