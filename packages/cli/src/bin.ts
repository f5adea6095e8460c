#!/usr/bin/env node
import pc from 'picocolors';
import { createPrettyLogger } from './output/pretty-logger.js';
import { runCli } from './program.js';

const verbose = process.argv.includes('--verbose') || process.env.BENCHHUB_DEBUG === '1';
const argv = process.argv.slice(2).filter((a) => a !== '--verbose');
process.exitCode = await runCli(argv, {
  out: (text) => process.stdout.write(`${text}\n`),
  logger: createPrettyLogger({ colors: pc, verbose }),
  colors: pc,
  env: process.env,
  cwd: process.cwd(),
});
