import type { GbnfJsonSchema, Llama, LlamaGrammar } from 'node-llama-cpp';

/** Compiled grammars kept per provider; a plan uses one or two schemas, so a few suffice. */
const MAX_CACHED_GRAMMARS = 16;

/** A grammar that constrains one generation, with what ends it and how its text is tidied. */
export interface OutputGrammar {
  /** The GBNF grammar node-llama-cpp samples under. */
  grammar: LlamaGrammar;
  /**
   * Text that ends the generation: node-llama-cpp's JSON grammars end in a run of newlines, so the
   * model can always finish, and it stops at the first four.
   */
  stops: readonly string[];
  /** Trim trailing whitespace from the text (the grammar's newlines). */
  trimEnd: boolean;
}

/** What the output must be: any JSON object (JSON mode), or JSON following a schema of the grammar's subset. */
export type OutputShape = { type: 'json' } | { type: 'schema'; schema: Readonly<Record<string, unknown>> };

/** The grammar of an output shape, compiled once per distinct shape. */
export interface GrammarCache {
  /** The grammar of `shape`: a JSON-schema grammar, or llama.cpp's generic JSON grammar for JSON mode. */
  grammarFor(shape: OutputShape): Promise<OutputGrammar>;
}

/** A stop trigger of a grammar as plain text; `undefined` for one that names tokens rather than text. */
function triggerText(trigger: LlamaGrammar['stopGenerationTriggers'][number]): string | undefined {
  if (typeof trigger === 'string') return trigger;
  if (Array.isArray(trigger)) {
    return trigger.every((part) => typeof part === 'string') ? trigger.join('') : undefined;
  }
  return String(trigger);
}

function toOutputGrammar(grammar: LlamaGrammar): OutputGrammar {
  const stops = grammar.stopGenerationTriggers
    .map(triggerText)
    .filter((text): text is string => text !== undefined && text !== '');
  return { grammar, stops, trimEnd: grammar.trimWhitespaceSuffix };
}

function keyOf(shape: OutputShape): string {
  return shape.type === 'json' ? 'json' : `schema:${JSON.stringify(shape.schema)}`;
}

/**
 * Compiles output shapes into node-llama-cpp grammars on `llama` and keeps the latest few: a schema
 * (already checked against the grammar's subset by `toGrammarSchema`) through
 * `llama.createGrammarForJsonSchema`, JSON mode through llama.cpp's `json` grammar (any JSON object).
 * A failed compilation is not kept.
 */
export function createGrammarCache(llama: Llama): GrammarCache {
  const cache = new Map<string, Promise<OutputGrammar>>();
  return {
    grammarFor(shape) {
      const key = keyOf(shape);
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      const compiled = (
        shape.type === 'json'
          ? llama.getGrammarFor('json')
          : llama.createGrammarForJsonSchema<GbnfJsonSchema>(shape.schema as GbnfJsonSchema)
      ).then(toOutputGrammar);
      compiled.catch(() => cache.delete(key));
      cache.set(key, compiled);
      if (cache.size > MAX_CACHED_GRAMMARS) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      return compiled;
    },
  };
}
