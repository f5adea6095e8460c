import type { PlanInput } from '../../src/plan/schema.js';
import type { GenerateRequest } from '../../src/spec/model-provider.js';

/** Options of the inline MCQA rows; the gold answer of row i is option `i % 4` (letter `ABCD`[i % 4]). */
export const LETTERS = 'ABCD';

/** `count` inline MCQA rows `q0…`, with a subject and task type so that they reach the leaderboard. */
export function mcqaRows(count: number, prefix = 'q'): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => {
    const options = [`alpha ${i}`, `beta ${i}`, `gamma ${i}`, `delta ${i}`];
    return {
      id: `${prefix}${i}`,
      prompt: `Question #${i}: pick one`,
      options,
      answer: options[i % 4],
      language: 'ko',
      subject_type: ['HASS/History'],
      task_type: 'Knowledge',
    };
  });
}

/** A one-model plan over `count` inline MCQA rows. */
export function mcqaPlan(count: number, extra: Partial<PlanInput> = {}): PlanInput {
  return {
    name: 'engine test',
    models: [{ provider: 'mock', model: 'mock-model', id: 'm1' }],
    datasets: [{ name: 'mcqa', source: { type: 'inline', rows: mcqaRows(count) } }],
    ...extra,
  };
}

/** The text of a request (chat messages joined). */
export function promptText(request: GenerateRequest): string {
  return typeof request.prompt === 'string'
    ? request.prompt
    : request.prompt.map((m) => m.content).join('\n');
}

/** The question number of a request made from {@link mcqaRows}. */
export function questionNumber(request: GenerateRequest): number {
  const match = /Question #(\d+):/.exec(promptText(request));
  if (!match) throw new Error(`no question number in ${promptText(request)}`);
  return Number(match[1]);
}

/** Answers the gold letter. */
export function goldAnswer(request: GenerateRequest): string {
  return `Answer: ${LETTERS[questionNumber(request) % 4]}`;
}

/** Resolves after `ms` milliseconds. */
export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
