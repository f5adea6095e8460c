import { once } from 'node:events';
import { createInterface } from 'node:readline';

/**
 * The handshake of a fault-test child process: it prints `{"ready":true}` once connected, waits for
 * the parent's `go` line on stdin (so every child starts writing at the same moment), and prints its
 * outcome as one JSON line at the end.
 */
export async function readyThenWait(): Promise<void> {
  console.log(JSON.stringify({ ready: true }));
  const lines = createInterface({ input: process.stdin });
  const [line] = (await once(lines, 'line')) as [string];
  lines.close();
  if (line.trim() !== 'go') throw new Error(`expected "go" on stdin, got "${line}"`);
}

/** The child's JSON argument (argv[2]). */
export function childArgument<T>(): T {
  const text = process.argv[2];
  if (text === undefined) throw new Error('expected one JSON argument');
  return JSON.parse(text) as T;
}
