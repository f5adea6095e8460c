import {
  BUILTIN_METRIC_NAMES,
  COARSE_SUBJECTS,
  type CoarseSubject,
  describeSubject,
  EVALUATION_METHODS,
  FINE_SUBJECTS,
} from '@benchhub/core';
import {
  BENCHHUB_BENCHMARKS,
  PLAN_LANGUAGES,
  PLAN_PROBLEM_TYPES,
  PLAN_PROVIDERS,
  PLAN_TARGET_TYPES,
} from '../plan/index.js';

/** One line per coarse subject: what it covers (BenchHub's six top-level categories). */
const COARSE_DESCRIPTIONS: Readonly<Record<CoarseSubject, string>> = {
  'Art & Sports': 'arts, literature, music, media, fashion, sports and other creative or leisure topics',
  Culture: 'knowledge specific to a culture: traditions, festivals, food, customs, daily life',
  HASS: 'humanities and social sciences: history, law, economics, politics, philosophy, psychology',
  Science: 'natural sciences and mathematics: math, physics, chemistry, biology, astronomy, earth science',
  'Social Intelligence': 'commonsense, social norms, values, bias and ethics: judging social situations',
  'Tech.': 'technology and engineering: coding, electrical, mechanical, civil and biomedical engineering',
};

const TASK_TYPE_DESCRIPTIONS = {
  Knowledge: 'recalling facts of the subject',
  Reasoning: 'working out the answer in several steps (math, logic, legal or commonsense reasoning)',
  'Value/alignment': 'judging values, norms, bias and safety (alignment with human values)',
} as const;

const PROBLEM_TYPE_DESCRIPTIONS: Readonly<Record<(typeof PLAN_PROBLEM_TYPES)[number], string>> = {
  MCQA: 'multiple choice (객관식, 선다형)',
  'open-ended': 'free-text answers (서술형), usually graded by an LLM judge',
  binary: 'two-way answers: yes/no, true/false, O/X',
  alignment: 'value-alignment items',
  'short-form': 'short answers of a word or a number (단답형)',
};

const TARGET_TYPE_DESCRIPTIONS: Readonly<Record<(typeof PLAN_TARGET_TYPES)[number], string>> = {
  General: 'universal knowledge, the same in every culture',
  Local: 'culture-specific knowledge (e.g. about Korea)',
};

const PROVIDER_DESCRIPTIONS: Readonly<Record<(typeof PLAN_PROVIDERS)[number], string>> = {
  openai: 'OpenAI API models: gpt-4o, gpt-4o-mini, gpt-4.1-mini, o3-mini, ...',
  anthropic: 'Anthropic API models: claude-haiku-4-5, claude-sonnet-4-5, claude-3-5-haiku-latest, ...',
  huggingface:
    'open-weight models by Hugging Face Hub repo id (org/name, e.g. Qwen/Qwen2.5-7B-Instruct, meta-llama/Llama-3.1-8B-Instruct)',
  'openai-compatible':
    'a self-hosted OpenAI-compatible server (vLLM, Ollama, LM Studio) or a model no other provider serves (Gemini); baseUrl only when the request gives the endpoint',
  'local-gguf': 'a local GGUF model file; the model is its path exactly as written (./models/x.gguf)',
};

const LANGUAGE_DESCRIPTIONS = { ko: 'Korean (BenchHub/BenchHub-Ko)', en: 'English (BenchHub/BenchHub-En)' };

/** The fine subjects of a coarse one: described ones as `name: description`, the rest as a name list. */
function fineSubjectLines(coarse: CoarseSubject): string[] {
  const described: string[] = [];
  const bare: string[] = [];
  for (const name of FINE_SUBJECTS[coarse]) {
    const description = describeSubject(name);
    if (description === undefined) bare.push(name);
    else described.push(`  - ${name}: ${description}`);
  }
  return bare.length > 0 ? [...described, `  - also: ${bare.join(', ')}`] : described;
}

/**
 * The categories a plan may use, as compact text for the planner's system prompt: coarse and fine
 * subjects (with the BenchHub paper's one-line descriptions where it has one), task, problem and target
 * types, languages, benchmarks, scoring methods and metrics, and providers. Built from the same lists the draft schema enforces.
 */
export function taxonomyText(): string {
  const lines: string[] = ['## Subjects (subjectType): a coarse subject covers all of its fine ones'];
  for (const coarse of COARSE_SUBJECTS) {
    lines.push(`- ${coarse}: ${COARSE_DESCRIPTIONS[coarse]}`, ...fineSubjectLines(coarse));
  }
  lines.push('', '## Task types (taskType)');
  for (const [name, description] of Object.entries(TASK_TYPE_DESCRIPTIONS))
    lines.push(`- ${name}: ${description}`);
  lines.push('', '## Problem types (problemType)');
  for (const name of PLAN_PROBLEM_TYPES) lines.push(`- ${name}: ${PROBLEM_TYPE_DESCRIPTIONS[name]}`);
  lines.push('', '## Target types (targetType)');
  for (const name of PLAN_TARGET_TYPES) lines.push(`- ${name}: ${TARGET_TYPE_DESCRIPTIONS[name]}`);
  lines.push('', '## Languages (language): BenchHub has questions in these two only');
  for (const name of PLAN_LANGUAGES) lines.push(`- ${name}: ${LANGUAGE_DESCRIPTIONS[name]}`);
  lines.push('', '## Benchmarks (benchmarkName), with the languages BenchHub has them in');
  lines.push(BENCHHUB_BENCHMARKS.map((b) => `${b.name} (${b.languages.join('/')})`).join(', '));
  lines.push('', '## Scoring (method, metrics)');
  lines.push(`- methods: ${EVALUATION_METHODS.join(', ')}`);
  lines.push(
    `- metrics: ${BUILTIN_METRIC_NAMES.map((m) => (m === 'pass@k' ? 'pass@1, pass@5, … (pass@k)' : m)).join(', ')}`,
  );
  lines.push('', '## Providers (models[].provider)');
  for (const name of PLAN_PROVIDERS) lines.push(`- ${name}: ${PROVIDER_DESCRIPTIONS[name]}`);
  return lines.join('\n');
}
