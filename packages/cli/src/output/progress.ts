import type { EvaluationEvent } from '@benchhub/core';
import { SingleBar } from 'cli-progress';
import type { CliContext } from '../context.js';

/** Shows a run's progress: a bar on a terminal, nothing otherwise (the closing summary is logged). */
export interface ProgressReporter {
  update(event: EvaluationEvent): void;
  stop(): void;
}

/** A progress bar on stderr fed by the engine's (already batched) progress events. */
export function createProgressReporter(
  ctx: CliContext,
  enabled = process.stderr.isTTY === true,
): ProgressReporter {
  if (!enabled) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar({
    stream: process.stderr,
    format: `${ctx.colors.cyan('{bar}')} {value}/{total} samples · {errors} errors · {rate}/s · ETA {eta_formatted} · $\{cost}`,
    hideCursor: true,
    clearOnComplete: false,
  });
  let started = false;
  return {
    update(event) {
      if (event.type !== 'task.progress') return;
      const { stats } = event;
      const payload = {
        errors: stats.errors,
        rate: Math.round(stats.samplesPerSec),
        cost: stats.costUsd.toFixed(4),
      };
      if (!started) {
        bar.start(stats.total, stats.done, payload);
        started = true;
      } else {
        bar.setTotal(stats.total);
        bar.update(stats.done, payload);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
