import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

/** A running `steady` mock server (the pinned `@stdy/cli` devDependency). */
export interface SteadyServer {
  /** `http://127.0.0.1:PORT`: the spec's paths hang off it directly (`/chat/completions`). */
  readonly url: string;
  /** Process id of the `steady` launcher (the leader of its process group). */
  readonly pid: number;
  /** Stops the server (its whole process group, by PID) and waits for it to exit. */
  stop(): Promise<void>;
}

/** The `steady` launcher script of the installed `@stdy/cli`, found through its package.json `bin`. */
export function steadyBin(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('@stdy/cli/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin.steady;
  if (bin === undefined) throw new Error('@stdy/cli declares no "steady" bin');
  return join(dirname(manifestPath), bin);
}

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`steady exited with code ${String(code)} before it was ready:\n${output()}`);
  });
  exited.catch(() => {});
  for (let attempt = 0; attempt < 300; attempt++) {
    const healthy = await Promise.race([
      fetch(`${url}/_x-steady/health`).then(
        (r) => r.ok,
        () => false,
      ),
      exited,
    ]);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`steady did not become healthy at ${url}:\n${output()}`);
}

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
    return Promise.resolve();
  const exited = once(child, 'exit').then(() => undefined);
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
  return exited;
}

/**
 * Starts `steady` on a free 127.0.0.1 port serving `specPath`, in its own process group, and waits
 * until its health endpoint answers. It answers 400 to a request that breaks the spec
 * (`--reject-on-sdk-error` is its default) and schema-valid generated data otherwise.
 */
export async function startSteady(specPath: string): Promise<SteadyServer> {
  const bin = steadyBin();
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [bin, '--host', '127.0.0.1', '-p', String(port), '--quiet', '--no-color', specPath],
      { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    });
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitUntilHealthy(url, child, () => output);
      return { url, pid: child.pid ?? -1, stop: () => stopGroup(child) };
    } catch (error) {
      lastError = error;
      await stopGroup(child);
    }
  }
  throw lastError;
}
