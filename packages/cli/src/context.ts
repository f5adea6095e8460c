import type { Logger } from '@benchhub/core';
import type { Colors } from 'picocolors/types';

/** What a CLI command may touch: its output streams, the environment, the logger. Injected for tests. */
export interface CliContext {
  /** Results go here (stdout). */
  out: (text: string) => void;
  /** Diagnostics go through the logger (stderr). */
  logger: Logger;
  /** The environment plan placeholders and tokens are read from. */
  env: Readonly<Record<string, string | undefined>>;
  /** The working directory relative paths resolve against. */
  cwd: string;
  /** Terminal colours (picocolors'; `createColors(false)` for plain text). */
  colors: Colors;
}
