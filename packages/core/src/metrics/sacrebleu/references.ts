import { BenchHubError } from '../../errors/index.js';

/** One hypothesis's references, as a stream gives them: `null` or `undefined` marks a missing one. */
export type MaybeReference = string | null | undefined;

/**
 * Checks a corpus the way sacrebleu's `corpus_score` needs it and returns, for each hypothesis, its
 * references with the missing ones (`null`/`undefined`) removed, as sacrebleu 2.x does (an empty
 * string `''` stays a reference, of length 0). Unlike sacrebleu, which silently truncates to the
 * shortest stream, streams whose length differs from the hypotheses' are an error, and so is a
 * hypothesis left with no reference at all (sacrebleu fails on it with an unrelated TypeError).
 */
export function referencesBySegment(
  where: string,
  hypotheses: readonly string[],
  referenceStreams: readonly (readonly MaybeReference[])[],
): string[][] {
  if (!Array.isArray(hypotheses)) throw new BenchHubError(`${where}: hypotheses must be an array of strings`);
  if (hypotheses.length === 0) throw new BenchHubError(`${where}: hypotheses is empty; give at least one`);
  for (let i = 0; i < hypotheses.length; i++) {
    if (typeof hypotheses[i] !== 'string') {
      throw new BenchHubError(`${where}: hypotheses[${i}] is ${describe(hypotheses[i])}, not a string`);
    }
  }
  if (!Array.isArray(referenceStreams) || referenceStreams.length === 0) {
    throw new BenchHubError(
      `${where}: referenceStreams must be a non-empty array of reference streams (referenceStreams[k][i] is the k-th reference of hypothesis i)`,
    );
  }
  for (let k = 0; k < referenceStreams.length; k++) {
    const stream = referenceStreams[k];
    if (!Array.isArray(stream)) {
      throw new BenchHubError(
        `${where}: referenceStreams[${k}] is ${describe(stream)}, not an array (referenceStreams[k][i] is the k-th reference of hypothesis i)`,
      );
    }
    if (stream.length !== hypotheses.length) {
      throw new BenchHubError(
        `${where}: referenceStreams[${k}] has ${stream.length} references but there are ${hypotheses.length} hypotheses; every stream needs one entry per hypothesis (null for a missing one)`,
      );
    }
  }
  const segments: string[][] = new Array(hypotheses.length);
  for (let i = 0; i < hypotheses.length; i++) {
    const refs: string[] = [];
    for (let k = 0; k < referenceStreams.length; k++) {
      const ref = referenceStreams[k]![i];
      if (ref === null || ref === undefined) continue;
      if (typeof ref !== 'string') {
        throw new BenchHubError(
          `${where}: referenceStreams[${k}][${i}] is ${describe(ref)}, not a string or null`,
        );
      }
      refs.push(ref);
    }
    if (refs.length === 0) {
      throw new BenchHubError(
        `${where}: hypothesis ${i} has no reference: every stream's entry ${i} is null or undefined`,
      );
    }
    segments[i] = refs;
  }
  return segments;
}

/** Checks the arguments of a sentence-level score and returns the present references. */
export function sentenceReferences(
  where: string,
  hypothesis: string,
  references: readonly MaybeReference[],
): string[] {
  if (typeof hypothesis !== 'string')
    throw new BenchHubError(`${where}: hypothesis is ${describe(hypothesis)}, not a string`);
  if (!Array.isArray(references)) {
    throw new BenchHubError(`${where}: references must be an array of strings, got ${describe(references)}`);
  }
  const refs: string[] = [];
  for (let k = 0; k < references.length; k++) {
    const ref = references[k];
    if (ref === null || ref === undefined) continue;
    if (typeof ref !== 'string')
      throw new BenchHubError(`${where}: references[${k}] is ${describe(ref)}, not a string`);
    refs.push(ref);
  }
  if (refs.length === 0)
    throw new BenchHubError(`${where}: no reference given; references needs at least one string`);
  return refs;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? JSON.stringify(value) : typeof value;
}
