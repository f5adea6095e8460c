/**
 * Child-process entry: `node --import ./side-effect-probe.mjs ./measure-import.mjs <module URL>`.
 * Imports the module under the probe and prints the side-effect report as one JSON line, then exits
 * (so a timer the module started cannot keep the process alive).
 */
import { fileURLToPath } from 'node:url';

const probe = globalThis[Symbol.for('benchhub.sideEffectProbe')];
const target = process.argv[2];
if (!probe || !target) {
  process.stderr.write('usage: node --import <side-effect-probe.mjs> measure-import.mjs <module URL>\n');
  process.exit(2);
}
const report = await probe.measure(() => import(target), [fileURLToPath(import.meta.url)]);
process.stdout.write(`${JSON.stringify(report)}\n`);
process.exit(0);
