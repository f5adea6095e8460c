import { BenchHubError } from '@benchhub/core';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { convertCommand } from './commands/convert.js';
import { runCommand } from './commands/run.js';
import { validateCommand } from './commands/validate.js';
import type { CliContext } from './context.js';

declare const BENCHHUB_CLI_VERSION: string | undefined;

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
    .description('load a plan, select its samples (filters + seeded sampling) and print their prompts')
    .argument('<plan>', 'plan file (YAML or JSON; BenchHub Plus 2.0 plans are accepted)')
    .option('-n, --limit <count>', 'print at most this many samples per dataset', positiveInt)
    .option('--json', 'print one JSON object per sample')
    .action((plan: string, options: { limit?: number; json?: boolean }) => runCommand(plan, options, ctx));

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
