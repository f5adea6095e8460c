/**
 * @packageDocumentation
 * `@benchhub/cli`: the `benchhub` command. Embed it with {@link runCli} and an injected context.
 */
export type { CliContext } from './context.js';
export { createPrettyLogger, type PrettyLoggerOptions } from './output/pretty-logger.js';
export { createProgram, runCli } from './program.js';
