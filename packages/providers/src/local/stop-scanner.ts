import type { LlamaModel, Token } from 'node-llama-cpp';

/** Tokens of left context given to the detokenizer, so a piece keeps its leading space. */
const CONTEXT_TOKENS = 4;
/** Most tokens held back while they decode to an incomplete UTF-8 character. */
const MAX_PENDING = 4;

/**
 * Watches generated tokens for stop sequences: decodes each token as it arrives (holding back tokens that
 * end in an incomplete UTF-8 character) and searches only the new text and the few characters before it,
 * so the cost per token does not grow with the output.
 *
 * @example
 * ```ts
 * const scanner = new StopScanner(model, ['\n\n'], promptTokens);
 * const cut = scanner.push(token); // the text before the first stop sequence, once one has appeared
 * ```
 */
export class StopScanner {
  readonly #model: LlamaModel;
  readonly #stops: readonly string[];
  readonly #longest: number;
  #text = '';
  #pending: Token[] = [];
  #context: Token[];

  constructor(model: LlamaModel, stops: readonly string[], before: readonly Token[]) {
    this.#model = model;
    this.#stops = stops.filter((s) => s.length > 0);
    this.#longest = Math.max(0, ...this.#stops.map((s) => s.length));
    this.#context = before.slice(-CONTEXT_TOKENS);
  }

  /** Adds a generated token; returns the text before the first stop sequence once one appears, else undefined. */
  push(token: Token): string | undefined {
    this.#pending.push(token);
    const piece = this.#model.detokenize(this.#pending, false, this.#context);
    if (piece.endsWith('\uFFFD') && this.#pending.length < MAX_PENDING) return undefined;
    const from = Math.max(0, this.#text.length - this.#longest + 1);
    this.#text += piece;
    this.#context = [...this.#context, ...this.#pending].slice(-CONTEXT_TOKENS);
    this.#pending = [];
    let at = -1;
    for (const stop of this.#stops) {
      const i = this.#text.indexOf(stop, from);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    return at >= 0 ? this.#text.slice(0, at) : undefined;
  }
}
