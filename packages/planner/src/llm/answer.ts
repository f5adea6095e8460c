import { planDraftJsonSchema } from '../plan/index.js';

/**
 * Fields the LLM answers besides the plan draft. They are read leniently (a missing rationale is not
 * worth a repair) and removed before the draft is validated against `PlanDraftSchema`.
 */
export const ANSWER_EXTRA_FIELDS = {
  rationale: {
    type: 'string',
    description: 'one or two sentences: why these models, subjects, filters and metrics',
  },
  confidence: {
    type: 'number',
    minimum: 0,
    maximum: 1,
    description: 'how sure you are that the plan is what was asked: 0 a guess, 1 every field stated',
  },
  assumptions: {
    type: 'array',
    items: { type: 'string' },
    description:
      'each choice the request did not state (a model picked for a bare vendor name, a default sample size, a mapped subject); empty when none',
  },
  cannotPlan: {
    anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'null' }],
    description:
      'why the request cannot be planned as asked (a subject or language BenchHub does not have, an impossible sample size, contradictory demands); null when it can. Never change the request to make it fit.',
  },
} as const;

/** The names of {@link ANSWER_EXTRA_FIELDS}. */
export type AnswerExtraField = keyof typeof ANSWER_EXTRA_FIELDS;

/**
 * The JSON Schema of a planner answer: `planDraftJsonSchema()` with {@link ANSWER_EXTRA_FIELDS} added, all
 * required and no other property allowed (OpenAI strict mode).
 */
export function planAnswerJsonSchema(): Record<string, unknown> {
  const draft = planDraftJsonSchema();
  const properties = { ...(draft.properties as Record<string, unknown>), ...ANSWER_EXTRA_FIELDS };
  return { ...draft, properties, required: Object.keys(properties), additionalProperties: false };
}

/** The parts of an answer that are not the draft. */
export interface AnswerExtras {
  rationale: string | undefined;
  /** The model's self-reported confidence, clamped to [0, 1]; undefined when missing or not a number. */
  confidence: number | undefined;
  assumptions: string[];
  /** Non-empty when the model says the request cannot be planned as asked. */
  cannotPlan: string[];
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];

/**
 * Splits an answer object into the draft fields (everything else, validated later) and the extras.
 *
 * @example
 * ```ts
 * splitAnswer({ models: [...], rationale: 'Korean history', confidence: 1.4 }).extras.confidence; // 1
 * ```
 */
export function splitAnswer(answer: Readonly<Record<string, unknown>>): {
  draft: Record<string, unknown>;
  extras: AnswerExtras;
} {
  const { rationale, confidence, assumptions, cannotPlan, ...draft } = answer;
  const reported = typeof confidence === 'number' && Number.isFinite(confidence) ? confidence : undefined;
  return {
    draft,
    extras: {
      rationale: typeof rationale === 'string' && rationale.trim() !== '' ? rationale.trim() : undefined,
      confidence: reported === undefined ? undefined : Math.min(1, Math.max(0, reported)),
      assumptions: strings(assumptions),
      cannotPlan: strings(cannotPlan),
    },
  };
}
