import type { LogLikelihoodResult } from '@benchhub/core';
import type { ControlledEvaluateInputItem, LlamaContextSequence, Token } from 'node-llama-cpp';
import { alignSequence } from './align-sequence.js';
import { type LocalIds, localCallError } from './errors.js';
import type { EncodedPair } from './tokens.js';

/** Raw next-token distribution at a position (temperature 0 samples greedily and leaves the logits untouched). */
const DISTRIBUTION = { generateNext: { probabilities: true } } as const;

/**
 * Scores one encoded pair on `sequence` (held by the caller alone) as lm-evaluation-harness does: the model
 * reads `(context + continuation)[:-1]` (left-truncated to the context size), and the result is the sum of
 * `ln P(token | everything before it)` over the continuation's tokens, with `isGreedy` true when each
 * continuation token is the most probable one at its position (ties count as greedy). The cached prefix
 * shared with the previous request is reused, so the choices of one question evaluate the context once.
 * An empty continuation scores 0 and is greedy.
 *
 * @throws ProviderCallError when the continuation alone does not fit the context.
 */
export async function scorePair(
  sequence: LlamaContextSequence,
  pair: EncodedPair,
  contextSize: number,
  ids: LocalIds,
): Promise<LogLikelihoodResult> {
  const target = pair.continuation;
  if (target.length === 0) return { logprob: 0, isGreedy: true };
  if (target.length > contextSize) {
    throw localCallError(
      ids,
      `the continuation has ${target.length} tokens but the context holds ${contextSize}: raise contextSize`,
    );
  }
  const all = [...pair.context, ...target];
  const input = all.slice(Math.max(0, all.length - 1 - contextSize), -1);
  const first = input.length - target.length;
  const kept = await alignSequence(sequence, input, first);
  const items: ControlledEvaluateInputItem[] = input
    .slice(kept)
    .map((token, i) => (kept + i >= first ? [token, DISTRIBUTION] : token));
  const outputs = await sequence.controlledEvaluate(items);
  let logprob = 0;
  let isGreedy = true;
  for (let j = 0; j < target.length; j++) {
    const probabilities = outputs[first - kept + j]?.next.probabilities;
    if (probabilities === undefined) {
      throw localCallError(ids, 'node-llama-cpp returned no next-token distribution');
    }
    const p = probabilities.get(target[j] as Token) ?? 0;
    logprob += Math.log(p);
    const best = probabilities.values().next().value ?? 0;
    if (p < best) isGreedy = false;
  }
  return { logprob, isGreedy };
}
