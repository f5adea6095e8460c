import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { PlanIssue } from '../errors/index.js';

/** Finds the 1-based line of the value at a path, or of its nearest ancestor present in the text. */
export type LineLocator = (path: readonly PropertyKey[]) => number | undefined;

/** Plan text parsed with source positions. */
export interface ParsedPlanText {
  /** The document as plain data, aliases resolved. */
  data: unknown;
  /** Line of a path in the text. */
  lineAt: LineLocator;
}

/**
 * Parses YAML (or JSON, a subset of YAML) keeping source positions. YAML anchors and aliases resolve;
 * duplicate keys and syntax errors become issues with their line.
 *
 * @returns the data and a line locator, or the syntax issues.
 */
export function parseYamlWithLines(text: string): ParsedPlanText | { issues: PlanIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((error) => {
        const line = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line;
        const message = error.message.split('\n')[0] ?? error.message;
        return { path: '', line, message: `YAML syntax error: ${message}` };
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    return { issues: [{ path: '', message: `cannot read the plan: ${(error as Error).message}` }] };
  }

  const lineOf = (offset: number | undefined): number | undefined =>
    offset === undefined ? undefined : lineCounter.linePos(offset).line;

  const lineAt: LineLocator = (path) => {
    let node: unknown = doc.contents;
    let line = lineOf((doc.contents as { range?: [number] } | null)?.range?.[0]);
    for (const key of path) {
      if (isAlias(node)) node = node.resolve(doc);
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key),
        );
        if (!pair) return line;
        line = lineOf((pair.key as { range?: [number] }).range?.[0]) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as { range?: [number] } | undefined;
        if (!item) return line;
        line = lineOf(item.range?.[0]) ?? line;
        node = item;
      } else {
        return line;
      }
    }
    return line;
  };
  return { data, lineAt };
}
