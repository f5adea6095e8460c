/** Structured fields attached to a log line. Never put secrets here. */
export type LogFields = Record<string, unknown>;

/**
 * The logger BenchHub writes to. The library is silent by default; pass your own (pino, console...)
 * through the options of the function you call.
 */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const noop = (): void => {};

/** A logger that drops everything: the library default. */
export const silentLogger: Logger = Object.freeze({ debug: noop, info: noop, warn: noop, error: noop });
