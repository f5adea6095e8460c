import type { SampleResult } from '@benchhub/core';

function compareKeys(a: SampleResult, b: SampleResult): number {
  if (a.taskId !== b.taskId) return a.taskId < b.taskId ? -1 : 1;
  if (a.modelId !== b.modelId) return a.modelId < b.modelId ? -1 : 1;
  if (a.sampleId !== b.sampleId) return a.sampleId < b.sampleId ? -1 : 1;
  return a.repeat - b.repeat;
}

/**
 * Cuts a batch into the statements that write it. A key that occurs several times in the batch goes to
 * successive rounds (its first occurrence in round 1, its second in round 2…), so no statement holds a key
 * twice (PostgreSQL refuses that in one upsert) and the occurrences apply in batch order, as a sequence of
 * single writes would. Each round is sorted by key, so concurrent writers lock rows in the same order and
 * cannot deadlock, then cut into chunks of at most `rowsPerStatement` rows (the bound-parameter limit).
 *
 * @example
 * ```ts
 * planBatchStatements([a, b, a2], 1000); // [[a, b], [a2]] when a and a2 share a key
 * ```
 */
export function planBatchStatements(
  results: readonly SampleResult[],
  rowsPerStatement: number,
): SampleResult[][] {
  const rounds: SampleResult[][] = [];
  const seen = new Map<string, number>();
  for (const result of results) {
    const key = `${result.taskId.length}:${result.taskId}${result.modelId.length}:${result.modelId}${result.sampleId.length}:${result.sampleId}#${result.repeat}`;
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    let bucket = rounds[round];
    if (bucket === undefined) {
      bucket = [];
      rounds[round] = bucket;
    }
    bucket.push(result);
  }
  const statements: SampleResult[][] = [];
  for (const round of rounds) {
    round.sort(compareKeys);
    for (let start = 0; start < round.length; start += rowsPerStatement) {
      statements.push(round.slice(start, start + rowsPerStatement));
    }
  }
  return statements;
}
