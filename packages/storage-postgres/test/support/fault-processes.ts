import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));

/** A child process started by {@link startChild}. */
export interface FaultChild {
  /** Resolves when the child has connected and waits for `go`. */
  ready: Promise<void>;
  /** Lets the child start. */
  go(): void;
  /** The child's last JSON line, once it exits with code 0 (rejects with its stderr otherwise). */
  result: Promise<unknown>;
  process: ChildProcess;
}

/**
 * Starts a fault-test script (`test/support/fault-*.ts`) as a real Node process running the sources
 * through tsx, with one JSON argument, speaking the handshake of `fault-child.ts`.
 */
export function startChild(script: string, argument: unknown): FaultChild {
  const file = fileURLToPath(new URL(script, import.meta.url));
  const child = spawn(
    process.execPath,
    ['--conditions=@benchhub/source', '--import', 'tsx', file, JSON.stringify(argument)],
    { cwd: repo, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const lines: string[] = [];
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    onReady = resolve;
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    if (line === '{"ready":true}') onReady();
  });
  const result = (async () => {
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) throw new Error(`${script} exited with ${code}: ${stderr}`);
    return JSON.parse(lines[lines.length - 1] ?? 'null') as unknown;
  })();
  // A child that dies before it is ready must not leave `ready` pending forever.
  const readyOrDied = Promise.race([ready, result.then(() => {})]);
  return {
    ready: readyOrDied,
    go: () => child.stdin!.write('go\n'),
    result,
    process: child,
  };
}
