import type { LlamaContextSequence, Token } from 'node-llama-cpp';

/**
 * Prepares a sequence to evaluate `tokens`: keeps the cached prefix it shares with them (at most
 * `evaluateFrom` tokens, so the positions whose next-token distribution is needed are evaluated again)
 * and erases the rest of its cache. Returns how many leading tokens are already in the cache; evaluate
 * `tokens.slice(kept)` next.
 *
 * This is what makes multiple-choice scoring cheap: every choice after the first re-evaluates only the
 * last context token and its own tokens.
 */
export async function alignSequence(
  sequence: LlamaContextSequence,
  tokens: readonly Token[],
  evaluateFrom: number,
): Promise<number> {
  const shared = sequence.compareContextTokens(tokens as Token[]).firstDifferentIndex;
  const kept = Math.max(0, Math.min(shared, evaluateFrom));
  if (kept < sequence.nextTokenIndex) {
    await sequence.eraseContextTokenRanges([{ start: kept, end: sequence.nextTokenIndex }]);
  }
  return kept;
}

/** How many leading tokens of `tokens` a sequence has cached: the pool's preference when several are idle. */
export function cachedPrefixLength(sequence: LlamaContextSequence, tokens: readonly Token[]): number {
  return sequence.compareContextTokens(tokens as Token[]).firstDifferentIndex;
}
