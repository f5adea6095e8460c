import type { LlamaModel, Token } from 'node-llama-cpp';

/**
 * The tokens a text is fed to the model as: the BOS token first when the model asks for one (as llama.cpp
 * does for generation, and as the model saw text in training), then the text through the model's
 * tokenizer (SentencePiece models add their leading-space marker, as Hugging Face tokenizers do).
 * An empty text becomes the BOS token alone, or the EOS token for a model without BOS (lm-evaluation-harness
 * conditions an empty context on the end-of-text token).
 */
export function promptTokens(model: LlamaModel, text: string): Token[] {
  return withStart(model, model.tokenize(text));
}

function withStart(model: LlamaModel, tokens: Token[]): Token[] {
  const bos = model.tokens.bos;
  if (bos !== null && model.tokens.shouldPrependBosToken) return [bos, ...tokens];
  if (tokens.length > 0) return tokens;
  const first = bos ?? model.tokens.eos;
  return first === null ? tokens : [first];
}

/** A log-likelihood request as tokens: what conditions the model and what is scored. */
export interface EncodedPair {
  /** Context tokens, BOS first (see {@link promptTokens}). */
  context: Token[];
  /** Continuation tokens: what follows the context in the encoding of context + continuation. */
  continuation: Token[];
}

/**
 * Encodes a context/continuation pair as lm-evaluation-harness's `_encode_pair` does: trailing whitespace
 * of the context moves to the front of the continuation, the whole text `context + continuation` is
 * encoded once, and the continuation is what follows the context's own encoding in it (so tokens that
 * merge across the boundary are scored as the model would read them).
 *
 * @example
 * ```ts
 * encodePair(model, 'Question: 2+2? Answer: ', '4'); // context 'Question: 2+2? Answer:', continuation ' 4'
 * ```
 */
export function encodePair(model: LlamaModel, context: string, continuation: string): EncodedPair {
  const trimmed = context.trimEnd();
  const contextText = model.tokenize(trimmed);
  const whole = model.tokenize(trimmed + context.slice(trimmed.length) + continuation);
  return { context: withStart(model, contextText), continuation: whole.slice(contextText.length) };
}

/**
 * A token count for when no tokenizer is loaded yet: about 4 UTF-8 bytes per token, 0 for ''.
 * Generous for English; the real count replaces it once the model is loaded.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(Buffer.byteLength(text, 'utf8') / 4);
}
