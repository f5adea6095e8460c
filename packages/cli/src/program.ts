import { BenchHubError } from '@benchhub/core';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { convertCommand } from './commands/convert.js';
import { listSamplesCommand } from './commands/list-samples.js';
import { PLANNER_KINDS, type PlanCommandOptions, type PlannerKind, planCommand } from './commands/plan.js';
import { runCommand } from './commands/run.js';
import { validateCommand } from './commands/validate.js';
import type { CliContext } from './context.js';
import { DEFAULT_STORAGE_URL } from './storage/index.js';

declare const BENCHHUB_CLI_VERSION: string | undefined;

interface RunCliOptions {
  dryRun?: boolean;
  limit?: number;
  json?: boolean;
  concurrency?: number;
  budget?: number;
  taskId?: string;
  db?: string;
  progress?: boolean;
  model?: string[];
  threads?: number;
}

/** The options that are set, without `undefined` members (exactOptionalPropertyTypes). */
function pick<T extends object, K extends keyof T>(options: T, keys: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) if (options[key] !== undefined) picked[key] = options[key];
  return picked;
}

/** A run that ended FAILURE or CANCELLED (the tables are printed; the exit code says so). */
class TaskNotSuccessful extends BenchHubError {
  constructor(status: string, reason: string) {
    super(`the task ended ${status} (${reason})`);
    this.name = 'TaskNotSuccessful';
  }
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
}

function plannerKind(value: string): PlannerKind {
  if (!(PLANNER_KINDS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`expected one of ${PLANNER_KINDS.join(', ')}`);
  return value as PlannerKind;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

/** Builds the `benchhub` command tree over an injected context. */
export function createProgram(ctx: CliContext): Command {
  const program = new Command('benchhub')
    .description('Evaluate language models with BenchHub plans')
    .version(typeof BENCHHUB_CLI_VERSION === 'string' ? BENCHHUB_CLI_VERSION : '0.0.0')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.out(s.trimEnd()),
      writeErr: (s) => ctx.logger.error(s.trimEnd()),
    });

  program
    .command('run')
    .description(
      'evaluate a plan: model calls, scoring, scores with standard errors and confidence intervals',
    )
    .argument('<plan>', 'plan file (YAML or JSON; BenchHub Plus 2.0 plans are accepted)')
    .option('--dry-run', 'only select the samples (filters + seeded sampling) and print their prompts')
    .option('-n, --limit <count>', 'with --dry-run: print at most this many samples per dataset', positiveInt)
    .option('--json', 'print JSON instead of tables')
    .option('-c, --concurrency <calls>', 'model calls in flight across every model', positiveInt)
    .option('--budget <usd>', 'stop before spending more than this many US dollars', positiveNumber)
    .option('--task-id <id>', 'name the task; an existing task with this id is resumed')
    .option(
      '--db <url>',
      'where tasks and results are stored: sqlite:<path> (relative to the working directory), sqlite::memory: or postgres://user@host:port/database[?schema=name]',
      DEFAULT_STORAGE_URL,
    )
    .option('--no-progress', 'hide the progress bar')
    .option(
      '-m, --model <ref>',
      'also evaluate this model: provider:model (openai:gpt-4o-mini, anthropic:claude-haiku-4-5, hf:Qwen/Qwen2.5-7B-Instruct, ollama:llama3.1:8b, openai-compatible:NAME@URL, local:./model.gguf), or auto for the models the environment offers; repeatable',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option(
      '--threads <count>',
      'CPU threads of local GGUF models (default: cores - 1, at most 8)',
      positiveInt,
    )
    .action(async (plan: string, options: RunCliOptions) => {
      if (options.dryRun) {
        await listSamplesCommand(plan, pick(options, ['limit', 'json']), ctx);
        return;
      }
      const result = await runCommand(
        plan,
        pick(options, ['json', 'concurrency', 'budget', 'taskId', 'db', 'progress', 'model', 'threads']),
        ctx,
      );
      if (result.task.status !== 'SUCCESS')
        throw new TaskNotSuccessful(result.task.status, result.stopReason);
    });

  program
    .command('validate')
    .description('check a plan and report every problem with its field path and line')
    .argument('<plan>', 'plan file')
    .action((plan: string) => validateCommand(plan, ctx));

  program
    .command('convert')
    .description("print a plan (e.g. a BenchHub Plus 2.0 plan) in BenchHub's own format")
    .argument('<plan>', 'plan file')
    .action((plan: string) => convertCommand(plan, ctx));

  program
    .command('plan')
    .description(
      'turn a natural-language request into a plan to review, edit and run (YAML, or JSON with --json)',
    )
    .argument(
      '<request>',
      'the evaluation you want, e.g. "gpt-4o-mini와 claude를 한국사 객관식 100문제로 비교해줘"',
    )
    .option(
      '--planner <kind>',
      'rules (offline; the default without a planning model) or llm (the default when --model or BENCHHUB_PLANNER_MODEL is set)',
      plannerKind,
    )
    .option('--json', 'print { plan, rationale, confidence, warnings, plannerUsed } as one JSON object')
    .option(
      '-m, --model <ref>',
      'the planning model of --planner llm: provider:model (openai:gpt-4o-mini, anthropic:claude-haiku-4-5, ollama:qwen2.5:7b); default BENCHHUB_PLANNER_MODEL',
    )
    .action((request: string, options: PlanCommandOptions) =>
      planCommand(request, pick(options, ['planner', 'json', 'model']), ctx),
    );

  return program;
}

/**
 * Runs the CLI and returns its exit code: 0 on success, 1 when BenchHub reported a problem (invalid
 * plan, malformed dataset), 2 for usage errors, 70 for an unexpected failure.
 */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  try {
    await createProgram(ctx).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (BenchHubError.isInstance(error)) {
      ctx.logger.error(error.message);
      return 1;
    }
    ctx.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 70;
  }
}
