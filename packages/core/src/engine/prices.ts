import { BenchHubError } from '../errors/benchhub-error.js';
import type { ModelSpec } from '../plan/schema.js';

/** A model's price in US dollars per million tokens. */
export interface ModelPrice {
  /** Dollars per million prompt tokens. */
  inputPerMTok: number;
  /** Dollars per million generated tokens. */
  outputPerMTok: number;
}

/**
 * Prices keyed by a plan's model `id`, by `provider:model`, or by the model name (a name also matches
 * dated variants that start with it: `gpt-4o-mini` prices `gpt-4o-mini-2024-07-18`).
 *
 * @example
 * ```ts
 * const prices: PriceTable = { 'my-vllm:qwen': { inputPerMTok: 0, outputPerMTok: 0 } };
 * ```
 */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

/**
 * List prices of a few widely used models (USD per million tokens, standard tier, as published by the
 * vendors in 2025). Prices change: pass `prices` to `evaluate` for anything that matters.
 */
export const DEFAULT_PRICES: PriceTable = Object.freeze({
  'gpt-4o': { inputPerMTok: 2.5, outputPerMTok: 10 },
  'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 },
  'gpt-4.1': { inputPerMTok: 2, outputPerMTok: 8 },
  'gpt-4.1-mini': { inputPerMTok: 0.4, outputPerMTok: 1.6 },
  'gpt-4.1-nano': { inputPerMTok: 0.1, outputPerMTok: 0.4 },
  'claude-3-haiku': { inputPerMTok: 0.25, outputPerMTok: 1.25 },
  'claude-3-5-haiku': { inputPerMTok: 0.8, outputPerMTok: 4 },
  'claude-3-5-sonnet': { inputPerMTok: 3, outputPerMTok: 15 },
  'claude-3-7-sonnet': { inputPerMTok: 3, outputPerMTok: 15 },
  'claude-sonnet-4': { inputPerMTok: 3, outputPerMTok: 15 },
  'claude-opus-4': { inputPerMTok: 15, outputPerMTok: 75 },
});

function checkPrice(price: ModelPrice, key: string): ModelPrice {
  const ok = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  if (!ok(price.inputPerMTok) || !ok(price.outputPerMTok)) {
    throw new BenchHubError(
      `price of "${key}" must have inputPerMTok and outputPerMTok as numbers >= 0, got ${JSON.stringify(price)}`,
    );
  }
  return price;
}

function longestPrefix(table: PriceTable, name: string): string | undefined {
  let best: string | undefined;
  for (const key of Object.keys(table)) {
    if (name.startsWith(key) && (best === undefined || key.length > best.length)) best = key;
  }
  return best;
}

/**
 * The price of a model: `prices` by model id, `provider:model`, model name, then a name prefix; then the
 * plan's own `price` for the model; then the same lookups in {@link DEFAULT_PRICES}. `undefined` when
 * nothing knows the model.
 *
 * @example
 * ```ts
 * findPrice({ id: 'mini', provider: 'openai', model: 'gpt-4o-mini-2024-07-18' }); // { inputPerMTok: 0.15, … }
 * findPrice({ id: 'q', provider: 'vllm', model: 'qwen', price: { inputPerMTok: 0, outputPerMTok: 0 } });
 * ```
 */
export function findPrice(
  model: Pick<ModelSpec, 'id' | 'provider' | 'model'> & { price?: ModelPrice | undefined },
  prices: PriceTable = {},
): ModelPrice | undefined {
  const fromTable = (table: PriceTable): ModelPrice | undefined => {
    for (const key of [model.id, `${model.provider}:${model.model}`, model.model]) {
      if (Object.hasOwn(table, key)) return checkPrice(table[key]!, key);
    }
    const prefix = longestPrefix(table, model.model);
    return prefix === undefined ? undefined : checkPrice(table[prefix]!, prefix);
  };
  return (
    fromTable(prices) ??
    (model.price === undefined ? undefined : checkPrice(model.price, model.id)) ??
    fromTable(DEFAULT_PRICES)
  );
}

/**
 * The cost of a call in US dollars.
 *
 * @example
 * ```ts
 * costUsd({ inputPerMTok: 0.15, outputPerMTok: 0.6 }, 1_000, 200); // 0.00027
 * ```
 */
export function costUsd(price: ModelPrice, inputTokens: number, outputTokens: number): number {
  return (inputTokens * price.inputPerMTok + outputTokens * price.outputPerMTok) / 1_000_000;
}
