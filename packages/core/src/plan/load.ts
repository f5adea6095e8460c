import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { BenchHubError, PlanValidationError } from '../errors/index.js';
import type { Plan, PlanInput } from './schema.js';
import { type PlanFormat, validatePlanData } from './validate.js';
import { parseYamlWithLines } from './yaml-source.js';

/** Options of {@link loadPlan}. */
export interface LoadPlanOptions {
  /** Name of the source in error messages when text is given (a file path is used automatically). */
  source?: string;
}

/** A loaded plan with where it came from. */
export interface LoadedPlan {
  plan: Plan;
  /** The format the text was written in; BenchHub Plus plans are converted. */
  format: PlanFormat;
  /** The plan file, when the plan was read from one. */
  file?: string;
  /** The folder relative dataset paths resolve against: the plan file's folder. */
  baseDir?: string;
}

const PLAN_EXTENSION = /\.(ya?ml|json)$/i;

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Parses and validates plan text (YAML or JSON) without touching the file system. Every problem is
 * reported at once, each with its path and 1-based line.
 *
 * @throws PlanValidationError for syntax errors and invalid fields.
 */
export function parsePlanText(
  text: string,
  options: LoadPlanOptions = {},
): { plan: Plan; format: PlanFormat } {
  const parsed = parseYamlWithLines(text);
  if ('issues' in parsed)
    throw new PlanValidationError(
      parsed.issues,
      options.source === undefined ? {} : { source: options.source },
    );
  return validatePlanData(parsed.data, parsed.lineAt, options.source);
}

/**
 * Reads a plan from a file path or from text and returns it with its file and base folder.
 * The argument is read as a file when it names an existing file, or when it has no newline and ends
 * in `.yaml`, `.yml` or `.json`; otherwise it is plan text. `${VAR}` placeholders are kept (see
 * `resolvePlanEnv`).
 *
 * @throws PlanValidationError (with `source` = the file) for invalid plans; BenchHubError when the
 *   file cannot be read.
 */
export async function loadPlanWithSource(
  textOrPath: string,
  options: LoadPlanOptions = {},
): Promise<LoadedPlan> {
  const looksLikePath = !textOrPath.includes('\n') && textOrPath.trim() !== '';
  if (looksLikePath && (PLAN_EXTENSION.test(textOrPath.trim()) || (await isFile(textOrPath)))) {
    const file = resolve(textOrPath.trim());
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new BenchHubError(`cannot read plan file ${textOrPath}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const { plan, format } = parsePlanText(text, { source: options.source ?? textOrPath });
    return { plan, format, file, baseDir: dirname(file) };
  }
  if (looksLikePath && !/[:{[]/.test(textOrPath))
    throw new BenchHubError(`no plan file at ${textOrPath} (and the text is not a plan)`);
  return parsePlanText(textOrPath, options);
}

/**
 * Loads a plan from a YAML/JSON file or text, in BenchHub's format (`benchhub: 1`) or the original
 * BenchHub Plus format (`version: "2.0"`, converted). YAML anchors and aliases resolve.
 *
 * @example
 * ```ts
 * const plan = await loadPlan('examples/plans/quickstart.yaml');
 * const inline = await loadPlan('name: demo\nmodels: [{ provider: function, model: echo }]\n...');
 * ```
 * @throws PlanValidationError listing every problem with its path and line.
 */
export async function loadPlan(textOrPath: string, options: LoadPlanOptions = {}): Promise<Plan> {
  return (await loadPlanWithSource(textOrPath, options)).plan;
}

/**
 * Validates a plan object built in code (either format) and applies defaults.
 *
 * @throws PlanValidationError listing every problem with its path.
 */
export function parsePlan(input: unknown, options: LoadPlanOptions = {}): Plan {
  return validatePlanData(input, undefined, options.source).plan;
}

/**
 * Typed identity for plans written in code: editors check the fields, nothing is validated yet.
 *
 * @example
 * ```ts
 * const plan = definePlan({
 *   name: 'demo',
 *   models: [{ provider: 'openai', model: 'gpt-4o-mini', apiKey: '${OPENAI_API_KEY}' }],
 *   datasets: [{ name: 'mini', source: { type: 'file', path: './mini.jsonl' } }],
 * });
 * ```
 */
export function definePlan<const T extends PlanInput>(plan: T): T {
  return plan;
}
