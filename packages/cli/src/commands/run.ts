import { type EvaluationEvent, type EvaluationResult, evaluate, loadPlanWithSource } from '@benchhub/core';
import type { CliContext } from '../context.js';
import { createProgressReporter } from '../output/progress.js';
import { leaderboardTable, runSummary, scoreTable } from '../output/report.js';
import { createCliProviders, withExtraModels } from '../providers.js';
import { DEFAULT_STORAGE_URL, describeStorage, openStorage, parseStorageUrl } from '../storage/index.js';

/** Options of `benchhub run`. */
export interface RunOptions {
  /** Print the result as one JSON object instead of tables. */
  json?: boolean;
  /** Calls in flight across every model. */
  concurrency?: number;
  /** Spending cap in US dollars. */
  budget?: number;
  /** Resume (or name) this task. */
  taskId?: string;
  /**
   * Where tasks and results are stored: `sqlite:<path>` (relative to the working directory),
   * `sqlite::memory:` or `postgres://…`. Default {@link DEFAULT_STORAGE_URL}.
   */
  db?: string;
  /** Show a progress bar (default: when stderr is a terminal). */
  progress?: boolean;
  /** Models to evaluate besides the plan's: `provider:model` references, or `auto` for those in the environment. */
  model?: string[];
  /** Threads of local GGUF models. */
  threads?: number;
}

/**
 * `benchhub run <plan>`: evaluates the plan end to end (datasets → prompts → model calls → scoring →
 * statistics) and prints each model's scores with standard errors and confidence intervals, then the
 * leaderboard slices. Results are stored in `--db` (default `sqlite:./benchhub.db`), so a run started
 * with `--task-id` resumes where it stopped and a finished task is reported without calling a model.
 * Exits 1 when the task did not succeed.
 */
export async function runCommand(
  planPath: string,
  options: RunOptions,
  ctx: CliContext,
): Promise<EvaluationResult> {
  const loaded = await loadPlanWithSource(planPath);
  const plan = withExtraModels(loaded.plan, options.model ?? [], ctx);
  const baseDir = loaded.baseDir;
  ctx.logger.info(`plan "${plan.name}"`, {
    models: plan.models.map((m) => m.id ?? `${m.provider}:${m.model}`).join(','),
    datasets: plan.datasets.map((d) => d.name).join(','),
  });
  const location = parseStorageUrl(options.db ?? DEFAULT_STORAGE_URL, ctx.cwd);
  const storage = await openStorage(location);
  let result: EvaluationResult;
  try {
    ctx.logger.info(`storage ${describeStorage(location)}`);
    const progress = createProgressReporter(ctx, options.progress);
    const providers = createCliProviders(
      ctx,
      options.threads === undefined ? {} : { threads: options.threads },
    );
    result = await evaluate(plan, {
      providers,
      storage,
      env: ctx.env,
      baseDir: baseDir ?? ctx.cwd,
      logger: ctx.logger,
      onEvent: (event: EvaluationEvent) => progress.update(event),
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      ...(options.budget === undefined ? {} : { budgetUsd: options.budget }),
      ...(options.taskId === undefined ? {} : { taskId: options.taskId }),
    }).finally(() => {
      progress.stop();
      return providers.close();
    });
  } finally {
    await storage.close();
  }
  if (options.json) {
    const { task, stopReason, aggregates, leaderboard, usage } = result;
    ctx.out(JSON.stringify({ task, stopReason, aggregates, leaderboard, usage }));
  } else {
    const level = plan.evaluation.confidenceLevel;
    ctx.out(scoreTable(result.aggregates, level, ctx.colors));
    if (result.leaderboard.length > 0) ctx.out(leaderboardTable(result.leaderboard, ctx.colors));
    ctx.logger.info(runSummary(result, ctx.colors));
  }
  return result;
}
