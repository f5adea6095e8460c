import type { LogFields, Logger } from '@benchhub/core';
import type { Colors } from 'picocolors/types';

/** Options of the CLI's human-readable logger. */
export interface PrettyLoggerOptions {
  /** Terminal colours, decided by the caller (the library reads no environment). */
  colors: Colors;
  /** Where lines go; stderr by default so stdout stays for results. */
  write?: (line: string) => void;
  /** Print debug lines too. */
  verbose?: boolean;
}

function formatFields(pc: Colors, fields: LogFields | undefined): string {
  if (!fields) return '';
  const parts = Object.entries(fields).map(
    ([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`,
  );
  return parts.length ? ` ${pc.dim(parts.join(' '))}` : '';
}

/** A coloured, human-readable logger for the terminal. */
export function createPrettyLogger(options: PrettyLoggerOptions): Logger {
  const pc = options.colors;
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const line = (tag: string, message: string, fields?: LogFields) =>
    write(`${tag} ${message}${formatFields(pc, fields)}`);
  return {
    debug: (m, f) => {
      if (options.verbose) line(pc.gray('debug'), m, f);
    },
    info: (m, f) => line(pc.cyan('info '), m, f),
    warn: (m, f) => line(pc.yellow('warn '), m, f),
    error: (m, f) => line(pc.red('error'), m, f),
  };
}
