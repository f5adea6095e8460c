import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/** Writes `rows` JSON lines made by `row(i)` to `path`, in batches, honouring back-pressure. */
export async function writeJsonl(path: string, rows: number, row: (i: number) => unknown): Promise<void> {
  const out = createWriteStream(path);
  let batch: string[] = [];
  for (let i = 0; i < rows; i++) {
    batch.push(JSON.stringify(row(i)));
    if (batch.length === 10_000) {
      if (!out.write(`${batch.join('\n')}\n`)) await once(out, 'drain');
      batch = [];
    }
  }
  if (batch.length > 0) out.write(`${batch.join('\n')}\n`);
  out.end();
  await once(out, 'finish');
}
