/** BenchHub's task types, in canonical spelling. Other values are kept as given. */
export const TASK_TYPES = ['Knowledge', 'Reasoning', 'Value/alignment'] as const;

/** A canonical BenchHub task type. */
export type TaskType = (typeof TASK_TYPES)[number];

const TASK_TYPE_ALIASES: Readonly<Record<string, TaskType>> = {
  knowledge: 'Knowledge',
  reasoning: 'Reasoning',
  value: 'Value/alignment',
  alignment: 'Value/alignment',
  'value/alignment': 'Value/alignment',
  'value alignment': 'Value/alignment',
  'value-alignment': 'Value/alignment',
};

/**
 * Normalises a task type to its canonical spelling (case-insensitive; `Value` and `Alignment`, which the
 * original accepted separately, become `Value/alignment`). An unknown task type is returned trimmed.
 *
 * @example
 * ```ts
 * normalizeTaskType('knowledge'); // 'Knowledge'
 * normalizeTaskType('Value');     // 'Value/alignment'
 * normalizeTaskType('Coding');    // 'Coding'
 * ```
 */
export function normalizeTaskType(value: string): string {
  const trimmed = value.trim().replace(/\s+/g, ' ');
  const key = trimmed.toLowerCase().replace(/\s*\/\s*/g, '/');
  return TASK_TYPE_ALIASES[key] ?? trimmed;
}
