/**
 * Notebook-style script: load a plan, stream its datasets through filters and the seeded sampler, and
 * print the rendered prompts. Run: `npx tsx examples/scripts/preview-plan.ts [plan.yaml]`.
 */
import { createPromptRenderer, loadPlanWithSource, loadSamples } from '@benchhub/core';

const { plan, baseDir } = await loadPlanWithSource(
  process.argv[2] ?? 'examples/plans/korean-history-mini.yaml',
);
for (const dataset of plan.datasets) {
  const render = createPromptRenderer(plan.prompts?.[dataset.name] ?? plan.prompt ?? {});
  const samples = loadSamples(dataset, baseDir === undefined ? {} : { baseDir });
  for await (const sample of samples) {
    const { prompt, rendered } = render(sample);
    console.log(`--- ${sample.id} (gold ${rendered.target})\n${prompt}`);
  }
  console.log(`${dataset.name}:`, samples.stats);
}
