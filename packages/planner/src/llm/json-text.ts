/** The JSON object found in a model's answer, or why none was found. */
export type JsonObjectResult = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

/** The end index (exclusive) of the balanced `{…}` starting at `start`, or -1 when it never closes. */
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * Parses text that must be exactly one JSON object (tool arguments, JSON-mode answers).
 *
 * @example
 * ```ts
 * parseJsonObject('{"a":1}'); // { ok: true, value: { a: 1 } }
 * parseJsonObject('[1]');     // { ok: false, error: 'expected a JSON object, got an array' }
 * ```
 */
export function parseJsonObject(text: string): JsonObjectResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not valid JSON (${(error as Error).message})` };
  }
  const object = asObject(value);
  return object === undefined
    ? { ok: false, error: `expected a JSON object, got ${describe(value)}` }
    : { ok: true, value: object };
}

/**
 * Finds the JSON object in a free-text answer: the whole text, else the first fenced code block that
 * parses, else the first balanced `{…}` that parses. Prose around the object is ignored.
 *
 * @example
 * ```ts
 * extractJsonObject('Here you go:\n```json\n{"a":1}\n```'); // { ok: true, value: { a: 1 } }
 * ```
 */
export function extractJsonObject(text: string): JsonObjectResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'the answer was empty; expected one JSON object' };
  const whole = parseJsonObject(trimmed);
  if (whole.ok) return whole;
  for (const match of trimmed.matchAll(/```(?:json|JSON)?\s*\n([\s\S]*?)```/g)) {
    const fenced = parseJsonObject(match[1]?.trim() ?? '');
    if (fenced.ok) return fenced;
  }
  for (let start = trimmed.indexOf('{'); start >= 0; start = trimmed.indexOf('{', start + 1)) {
    const end = balancedEnd(trimmed, start);
    if (end < 0) break;
    const candidate = parseJsonObject(trimmed.slice(start, end));
    if (candidate.ok) return candidate;
  }
  return { ok: false, error: `no JSON object found in the answer (${whole.error})` };
}
