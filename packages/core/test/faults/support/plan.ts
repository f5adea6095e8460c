import type { PlanInput } from '../../../src/plan/schema.js';
import type { GenerateRequest } from '../../../src/spec/model-provider.js';

const LETTERS = ['A', 'B', 'C', 'D'] as const;

/** The id of sample `i`, as the dataset rows, the results and the fault server name it. */
export const sampleIdAt = (i: number): string => `q${i}`;

/** The gold letter of a sample id (`q7` → `D`). */
export function goldLetter(sampleId: string): string {
  return LETTERS[Number(sampleId.slice(1)) % LETTERS.length] ?? 'A';
}

/** The answer a perfect model gives for a sample id. */
export const perfectAnswer = (sampleId: string | undefined): string =>
  `Answer: ${sampleId === undefined ? 'A' : goldLetter(sampleId)}`;

/**
 * `n` MCQA rows in BenchHub layout whose questions carry a `[sample:ID]` marker, so the fault server
 * counts requests per sample without any help from the engine.
 */
export function markedRows(n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({
    id: sampleIdAt(i),
    prompt: `[sample:${sampleIdAt(i)}] Which option is number ${i % 4}?`,
    options: ['zero', 'one', 'two', 'three'],
    answer: i % 4,
    language: 'en',
    subject_type: ['Science/Math'],
    task_type: 'Knowledge',
    benchmark_name: 'fault-test',
  }));
}

/** The model id used by the fault plans. */
export const FAULT_MODEL_ID = 'fault-server:fault-model';

/** A plan over `n` marked rows against one model served by the fault server. */
export function faultPlan(n: number, parameters: { maxTokens?: number } = {}): PlanInput {
  return {
    name: `fault test (${n} samples)`,
    models: [
      {
        id: FAULT_MODEL_ID,
        provider: 'fault-server',
        model: 'fault-model',
        parameters: { temperature: 0, maxTokens: parameters.maxTokens ?? 16 },
      },
    ],
    datasets: [{ name: 'marked', source: { type: 'inline', rows: markedRows(n) } }],
    prompt: { template: 'mcqa' },
    evaluation: { method: 'string_match', metrics: ['accuracy'] },
  };
}

/** Finds the `[sample:ID]` marker of a request (for the provider's sample header). */
export function sampleIdOf(request: Pick<GenerateRequest, 'prompt'>): string | undefined {
  const text =
    typeof request.prompt === 'string' ? request.prompt : request.prompt.map((m) => m.content).join('\n');
  return /\[sample:([^\]\s]+)\]/.exec(text)?.[1];
}
