import { readFile } from 'node:fs/promises';
import { formatPlanPath } from '@benchhub/core';
import { GoldenSetError, type GoldenSetIssue } from './errors.js';
import { type GoldenSet, GoldenSetSchema } from './schema.js';

function entryIdAt(data: unknown, index: number): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const entries = (data as { entries?: unknown }).entries;
  if (!Array.isArray(entries)) return undefined;
  const entry: unknown = entries[index];
  if (typeof entry !== 'object' || entry === null) return undefined;
  const id = (entry as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Validates parsed golden set data. Each problem names its entry id (when the entry has one) and the
 * field path, e.g. `entry "ko-history-compare" entries[0].expect.subjectType[0]: unknown subject ...`.
 *
 * @param source - Where the data came from, for the error message.
 * @throws GoldenSetError listing every problem.
 */
export function parseGoldenSet(data: unknown, source = 'golden set'): GoldenSet {
  const result = GoldenSetSchema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue): GoldenSetIssue => {
    const [head, index] = issue.path;
    const entryId = head === 'entries' && typeof index === 'number' ? entryIdAt(data, index) : undefined;
    return {
      ...(entryId === undefined ? {} : { entryId }),
      path: formatPlanPath(issue.path),
      message: issue.message,
    };
  });
  throw new GoldenSetError(source, issues);
}

/**
 * Reads and validates a golden set JSON file (see the format in `packages/planner/golden/README.md`).
 *
 * @example
 * ```ts
 * const golden = await loadGoldenSet('packages/planner/golden/queries.json');
 * golden.entries.length; // 48
 * ```
 * @throws GoldenSetError when the file cannot be read, is not JSON, or breaks the format.
 */
export async function loadGoldenSet(path: string): Promise<GoldenSet> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new GoldenSetError(path, [], {
      cause,
      summary: `Cannot read golden set ${path}: ${(cause as Error).message}`,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new GoldenSetError(path, [], {
      cause,
      summary: `Golden set ${path} is not valid JSON: ${(cause as Error).message}`,
    });
  }
  return parseGoldenSet(data, path);
}
