import {
  collectSamples,
  createHuggingFaceOpener,
  createPromptRenderer,
  type DatasetSpec,
  type LoadStats,
  loadPlanWithSource,
  loadSamples,
  type Plan,
  type PromptRendering,
  type PromptSpecInput,
  type Sample,
} from '@benchhub/core';
import type { CliContext } from '../context.js';

/** Options of `benchhub run --dry-run`. */
export interface ListSamplesOptions {
  /** Print at most this many samples per dataset (all are still selected and counted). */
  limit?: number;
  /** One JSON object per selected sample, one per line, instead of the human listing. */
  json?: boolean;
}

function promptFor(plan: Plan, dataset: DatasetSpec): PromptSpecInput {
  return plan.prompts?.[dataset.name] ?? plan.prompt ?? {};
}

/**
 * `benchhub run <plan> --dry-run`: loads the plan, streams each dataset through its filters and seeded
 * sampler, renders the prompts, and prints the selected samples without calling any model.
 */
export async function listSamplesCommand(
  planPath: string,
  options: ListSamplesOptions,
  ctx: CliContext,
): Promise<void> {
  const { plan, baseDir } = await loadPlanWithSource(planPath);
  const sampleOptions = {
    baseDir: baseDir ?? ctx.cwd,
    logger: ctx.logger,
    huggingface: createHuggingFaceOpener({ resolveToken: (name) => ctx.env[name], logger: ctx.logger }),
  };
  ctx.logger.info(`plan "${plan.name}"`, {
    models: plan.models.map((m) => m.id ?? `${m.provider}:${m.model}`).join(','),
    datasets: plan.datasets.length,
  });
  for (const dataset of plan.datasets) {
    const promptSpec = promptFor(plan, dataset);
    const fewShot = promptSpec.fewShot;
    const pool = fewShot
      ? (await collectSamples(datasetByName(plan, fewShot.dataset), sampleOptions)).samples
      : undefined;
    const render = createPromptRenderer(promptSpec, {
      ...(pool ? { fewShotPool: pool } : {}),
    });
    const loaded = loadSamples(dataset, {
      ...sampleOptions,
      onSkip: (error) => ctx.logger.warn(`skipped a malformed row: ${error.message}`),
    });
    let printed = 0;
    for await (const sample of loaded) {
      if (options.limit !== undefined && printed >= options.limit) continue;
      printed++;
      const rendering = render(sample);
      ctx.out(
        options.json
          ? jsonLine(dataset.name, sample, rendering)
          : humanBlock(ctx, sample, rendering, printed),
      );
    }
    ctx.logger.info(`dataset "${dataset.name}": ${describeStats(loaded.stats)}`);
  }
}

function datasetByName(plan: Plan, name: string): DatasetSpec {
  const found = plan.datasets.find((d) => d.name === name);
  if (!found) throw new Error(`few-shot dataset "${name}" is not in the plan`);
  return found;
}

function describeStats(stats: LoadStats): string {
  return `read ${stats.read}, skipped ${stats.skipped}, matched ${stats.matched}, selected ${stats.selected}`;
}

function jsonLine(dataset: string, sample: Sample, rendering: PromptRendering): string {
  return JSON.stringify({
    dataset,
    id: sample.id,
    metadata: sample.metadata,
    prompt: rendering.prompt,
    messages: rendering.messages,
    target: rendering.rendered.target,
  });
}

function humanBlock(
  { colors: pc }: CliContext,
  sample: Sample,
  rendering: PromptRendering,
  index: number,
): string {
  const labels = [sample.metadata.language, sample.metadata.subjectType.join(', '), sample.metadata.taskType]
    .filter(Boolean)
    .join(' · ');
  return [
    `${pc.bold(`#${index} ${sample.id}`)} ${pc.dim(labels)}`,
    rendering.prompt,
    pc.green(`→ gold: ${rendering.rendered.target}`),
    '',
  ].join('\n');
}
