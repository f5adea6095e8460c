import { z } from 'zod';

/** Built-in templates, each documented in `prompts/builtin`. */
export const BUILTIN_TEMPLATES = ['mcqa', 'kmmlu', 'mmlu', 'click', 'haerae', 'open'] as const;
/** The name of a built-in template. */
export type BuiltinTemplateName = (typeof BUILTIN_TEMPLATES)[number];

/** How samples become prompts. */
export const PromptSpecSchema = z
  .object({
    /** A built-in template name, or a user template in the safe `{{ field }}` syntax. */
    template: z.string().min(1).default('mcqa'),
    /** A system message for chat models. */
    system: z.string().optional(),
    /** Few-shot examples prepended to each prompt. */
    fewShot: z
      .object({
        /** How many examples. */
        k: z.number().int().nonnegative(),
        /** Where examples come from: another dataset of the plan (by name), e.g. a dev split. */
        dataset: z.string().min(1),
        /** Seed for choosing the examples; by default the first k rows. */
        seed: z.number().int().optional(),
      })
      .strict()
      .optional(),
    /** Render as chat messages (default for chat models) or one completion prompt. */
    style: z.enum(['chat', 'completion']).default('chat'),
  })
  .strict();
/** How samples become prompts. */
export type PromptSpec = z.infer<typeof PromptSpecSchema>;
