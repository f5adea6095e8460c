import { z } from 'zod';

/** One chat message of a rendered prompt. */
export const ChatMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});
/** One chat message of a rendered prompt. */
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/** The kinds of problem BenchHub knows; other values are kept as given. */
export const PROBLEM_TYPES = ['MCQA', 'open-ended', 'binary', 'alignment'] as const;

/** Labels of a sample, as the BenchHub dataset and the leaderboard slice them. */
export const SampleMetadataSchema = z.object({
  /** BCP-47 language tag. */
  language: z.string(),
  /** Canonical subject names (`HASS/History`); the coarse subject is the text before the first `/`. */
  subjectType: z.array(z.string()),
  /** e.g. `Knowledge`, `Reasoning`, `Value/alignment`. */
  taskType: z.string().optional(),
  /** e.g. `General`, `Cultural`. */
  targetType: z.string().optional(),
  /** e.g. `MCQA`, `open-ended`, `binary`, `alignment`. */
  problemType: z.string().optional(),
  /** The source benchmark, e.g. `KMMLU`, `CLIcK`. */
  benchmarkName: z.string().optional(),
  /** Anything else the source row carried that a template or metric may use. */
  extra: z.record(z.string(), z.unknown()).optional(),
});
/** Labels of a sample. */
export type SampleMetadata = z.infer<typeof SampleMetadataSchema>;

/**
 * One benchmark row turned into an evaluation input, before prompting.
 * Templates turn `question`, `context` and `choices` into a prompt; scoring compares the model's output
 * with `answer` (and `references` for open-ended metrics).
 */
export const SampleSchema = z.object({
  /** Stable id, unique within its dataset (used for resume and the unique result key). */
  id: z.string().min(1),
  /** The question or instruction. */
  question: z.string(),
  /** A passage the question is about, when there is one. */
  context: z.string().optional(),
  /** Answer options for MCQA, in presentation order. */
  choices: z.array(z.string()).optional(),
  /** 0-based index of the correct choice, for MCQA. */
  answerIndex: z.number().int().nonnegative().optional(),
  /** The gold answer as text (the correct choice text for MCQA). */
  answer: z.string().optional(),
  /** Further acceptable answers or references (BLEU/ROUGE/SQuAD). */
  references: z.array(z.string()).optional(),
  metadata: SampleMetadataSchema,
  /** The rendered prompt, once a template has been applied (completion-style models). */
  prompt: z.string().optional(),
  /** The rendered chat messages, once a template has been applied (chat models). */
  messages: z.array(ChatMessageSchema).optional(),
});
/** One benchmark row turned into an evaluation input. */
export type Sample = z.infer<typeof SampleSchema>;
