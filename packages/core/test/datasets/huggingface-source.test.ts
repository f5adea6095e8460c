import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { parquetMetadata } from 'hyparquet';
import { afterEach, expect, it } from 'vitest';
import {
  createHuggingFaceOpener,
  createHuggingFaceSource,
  listHuggingFaceParquetFiles,
} from '../../src/datasets/huggingface/index.js';
import type { RawRow } from '../../src/datasets/rows.js';
import type { HuggingFaceSourceOpener } from '../../src/datasets/sources/open-source.js';
import { DatasetError } from '../../src/errors/index.js';
import { type HubServer, type HubServerOptions, startHubServer } from '../support/hub-server.js';
import { describeWithShared, sharedPath } from '../support/shared.js';

const PARQUET = 'data/benchhubplus/seed_leaderboard.parquet';
const CSV = 'data/benchhubplus/seed_leaderboard.csv';
const DATASET = 'HAERAE-HUB/seed-leaderboard';
const TOKEN = 'hf_testTokenNotSecret123';

let server: HubServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: Partial<HubServerOptions> = {}): Promise<HubServer> {
  server = await startHubServer({ parquetPath: sharedPath(PARQUET), dataset: DATASET, ...options });
  return server;
}

async function collect(rows: AsyncIterable<RawRow>): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

async function expectDatasetError(promise: Promise<unknown>): Promise<DatasetError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(DatasetError.isInstance(error)).toBe(true);
  return error as DatasetError;
}

describeWithShared('Hugging Face Hub source (local fake Hub)', [PARQUET, CSV], () => {
  it('lists the split through /api/datasets/{id}/parquet/{config}/{split} with the token', async () => {
    const hub = await start({ shards: 2, requireToken: TOKEN });
    const urls = await listHuggingFaceParquetFiles({
      dataset: DATASET,
      endpoint: hub.endpoint,
      token: TOKEN,
    });
    expect(urls).toEqual([
      `${hub.endpoint}/api/datasets/${DATASET}/parquet/default/train/0.parquet`,
      `${hub.endpoint}/api/datasets/${DATASET}/parquet/default/train/1.parquet`,
    ]);
    expect(hub.requests).toHaveLength(1);
    expect(hub.requests[0]).toMatchObject({ route: 'list', authorization: `Bearer ${TOKEN}` });
  });

  it('streams all 4,528 rows with the values of the CSV twin, through an injected fetch', async () => {
    const hub = await start({ requireToken: TOKEN });
    const calls: string[] = [];
    const source = createHuggingFaceSource({
      dataset: DATASET,
      endpoint: hub.endpoint,
      token: TOKEN,
      fetch: (url, init) => {
        calls.push(url);
        return fetch(url, init);
      },
    });
    expect(source.id).toBe(`hub:${DATASET}/default/train`);
    const rows = await collect(source.rows());
    const csv = parse(readFileSync(sharedPath(CSV)), { columns: true }) as Record<string, string>[];

    expect(rows).toHaveLength(4528);
    expect(csv).toHaveLength(4528);
    expect(rows[0]).toEqual({
      source: source.id,
      row: 1,
      data: {
        model_name: 'Qwen_Qwen2.5-72B-Instruct',
        language: 'English',
        subject_type: 'Art & Sports/Architecture',
        task_type: 'Knowledge',
        score: 0.5714285714285714,
      },
    });
    rows.forEach((row, i) => {
      const expected = csv[i]!;
      expect(row.row).toBe(i + 1);
      expect(row.data).toEqual({ ...expected, score: Number(expected.score) });
    });
    // Every request went through the injected fetch: list, then redirects and ranges.
    expect(calls.length).toBe(hub.requests.length);
    expect(calls[0]).toBe(`${hub.endpoint}/api/datasets/${DATASET}/parquet/default/train`);
  });

  it('sends the token to the Hub only, never to the CDN, and reads the CDN by Range only', async () => {
    const hub = await start({ requireToken: TOKEN });
    await collect(createHuggingFaceSource({ dataset: DATASET, endpoint: hub.endpoint, token: TOKEN }).rows());
    const hubRequests = hub.requests.filter((r) => r.route !== 'cdn');
    const cdnRequests = hub.requests.filter((r) => r.route === 'cdn');
    expect(hubRequests.map((r) => r.route)).toEqual(expect.arrayContaining(['list', 'file', 'resolve']));
    for (const r of hubRequests) expect(r.authorization).toBe(`Bearer ${TOKEN}`);
    expect(cdnRequests.length).toBeGreaterThan(0);
    for (const r of cdnRequests) {
      expect(r.authorization).toBeUndefined();
      expect(r.range).toMatch(/^bytes=\d+-\d+$/);
      expect(r.status).toBe(206);
    }
    // The fake CDN really is range-only: a plain GET is refused.
    const signed = `${hub.cdnOrigin}/files/0.parquet?X-Amz-Signature=x`;
    expect((await fetch(signed)).status).toBe(400);
  });

  it('reads the footer first, then the single row group, and never the whole file in one request', async () => {
    // seed_leaderboard.parquet has ONE row group whose column chunks span bytes 4..22089 of 25,151,
    // so its first row needs that whole span: streaming shows as footer-then-row-group ranges here,
    // and as "first rows before the next file" in the two-shard test below.
    const hub = await start();
    const metadata = parquetMetadata(new Uint8Array(readFileSync(sharedPath(PARQUET))).buffer);
    expect(metadata.row_groups).toHaveLength(1);
    const chunks = metadata.row_groups[0]!.columns.map((c) => {
      const m = c.meta_data!;
      const start = Number(m.dictionary_page_offset ?? m.data_page_offset);
      return [start, start + Number(m.total_compressed_size)] as const;
    });
    const groupStart = Math.min(...chunks.map(([s]) => s));
    const groupEnd = Math.max(...chunks.map(([, e]) => e));
    const size = hub.fileSize;
    const footerFetchSize = 4096;

    const source = createHuggingFaceSource({ dataset: DATASET, endpoint: hub.endpoint, footerFetchSize });
    const iterator = source.rows()[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    const rangesAtFirstRow = hub.requests.filter((r) => r.route === 'cdn').map((r) => r.range);
    expect(rangesAtFirstRow).toEqual([
      'bytes=0-0', // size probe (also resolves the redirects once)
      `bytes=${size - footerFetchSize}-${size - 1}`, // footer
      `bytes=${groupStart}-${groupEnd - 1}`, // the row group's column chunks, in one read
    ]);
    expect(groupEnd).toBeLessThan(size - metadata.metadata_length - 8); // the row-group read stops before the footer
    // Redirects were resolved once: later ranges went straight to the CDN URL.
    expect(hub.requests.filter((r) => r.route === 'file')).toHaveLength(1);

    // Stopping early stops the reads.
    const before = hub.requests.length;
    await iterator.return?.();
    expect(hub.requests.length).toBe(before);
  });

  it('yields the first rows before the rest of the split is transferred (two shards)', async () => {
    const hub = await start({ shards: 2 });
    const source = createHuggingFaceSource({ dataset: DATASET, endpoint: hub.endpoint });
    let servedAtFirstRow = -1;
    let shardsTouchedAtFirstRow: number[] = [];
    let count = 0;
    for await (const row of source.rows()) {
      if (count === 0) {
        servedAtFirstRow = hub.bytesServed();
        shardsTouchedAtFirstRow = [
          ...new Set(hub.requests.flatMap((r) => (r.shard === undefined ? [] : [r.shard]))),
        ];
      }
      count += 1;
      expect(row.row).toBe(count);
    }
    expect(count).toBe(2 * 4528);
    expect(shardsTouchedAtFirstRow).toEqual([0]);
    expect(servedAtFirstRow).toBeGreaterThan(0);
    expect(servedAtFirstRow).toBeLessThan(hub.bytesServed());
    expect(servedAtFirstRow).toBeLessThanOrEqual(hub.bytesServed() / 2);
  });

  it('counts rows from the footers only', async () => {
    const hub = await start({ shards: 2 });
    const source = createHuggingFaceSource({
      dataset: DATASET,
      endpoint: hub.endpoint,
      footerFetchSize: 4096,
    });
    expect(await source.count()).toBe(2 * 4528);
    expect(hub.bytesServed()).toBe(2 * (1 + 4096));
  });

  it('reports 404 as a final DatasetError naming the dataset, config, split and status', async () => {
    const hub = await start();
    const source = createHuggingFaceSource({
      dataset: 'someone/missing',
      split: 'test',
      endpoint: hub.endpoint,
      token: TOKEN,
    });
    const error = await expectDatasetError(collect(source.rows()));
    expect(error.message).toContain('HTTP 404');
    expect(error.message).toContain('dataset "someone/missing" (config "default", split "test")');
    expect(error.source).toBe('hub:someone/missing/default/test');
    expect(error.isRetryable).toBe(false);
    expect(error.message).not.toContain(TOKEN);
  });

  it('reports 401 without a token as final, with a hint', async () => {
    const hub = await start({ requireToken: TOKEN });
    const error = await expectDatasetError(
      listHuggingFaceParquetFiles({ dataset: DATASET, endpoint: hub.endpoint }),
    );
    expect(error.message).toMatch(/HTTP 401.*private or gated/);
    expect(error.isRetryable).toBe(false);
  });

  it('reports 429 and 5xx as retryable, from the API and from the CDN', async () => {
    let hub = await start({ override: (route) => (route === 'list' ? 429 : undefined) });
    let error = await expectDatasetError(
      collect(createHuggingFaceSource({ dataset: DATASET, endpoint: hub.endpoint }).rows()),
    );
    expect(error.message).toContain('HTTP 429');
    expect(error.isRetryable).toBe(true);
    await hub.close();

    let cdnCalls = 0;
    hub = await start({ override: (route) => (route === 'cdn' && ++cdnCalls > 1 ? 503 : undefined) });
    error = await expectDatasetError(
      collect(createHuggingFaceSource({ dataset: DATASET, endpoint: hub.endpoint }).rows()),
    );
    expect(error.message).toMatch(/HTTP 503 .*Parquet file 1 of 1/);
    expect(error.isRetryable).toBe(true);
    expect(error.message).not.toContain('X-Amz-Signature'); // pre-signed URLs stay out of errors
  });

  it('reports a network failure as retryable', async () => {
    const hub = await start();
    const endpoint = hub.endpoint;
    await hub.close();
    server = undefined;
    const error = await expectDatasetError(listHuggingFaceParquetFiles({ dataset: DATASET, endpoint }));
    expect(error.message).toContain('Network error');
    expect(error.isRetryable).toBe(true);
  });

  it('re-resolves an expired pre-signed CDN URL once', async () => {
    let cdnCalls = 0;
    const hub = await start({ override: (route) => (route === 'cdn' && ++cdnCalls === 3 ? 403 : undefined) });
    const rows = await collect(createHuggingFaceSource({ dataset: DATASET, endpoint: hub.endpoint }).rows());
    expect(rows).toHaveLength(4528);
    expect(hub.requests.filter((r) => r.route === 'file')).toHaveLength(2);
  });

  it('stops on abort with the signal’s reason', async () => {
    const hub = await start();
    const controller = new AbortController();
    const source = createHuggingFaceSource({ dataset: DATASET, endpoint: hub.endpoint });
    const reason = new Error('stop now');
    let seen = 0;
    const run = (async () => {
      for await (const _ of source.rows({ signal: controller.signal })) {
        seen += 1;
        if (seen === 1) controller.abort(reason);
      }
    })();
    await expect(run).rejects.toBe(reason);
    expect(seen).toBeLessThan(4528);
  });

  it('opens plan sources, resolving tokenEnv through the injected resolver only', async () => {
    const hub = await start({ requireToken: TOKEN });
    const spec = {
      type: 'huggingface' as const,
      dataset: DATASET,
      config: 'default',
      split: 'train',
      endpoint: hub.endpoint,
      tokenEnv: 'HF_TOKEN_FOR_TEST',
    };
    const names: string[] = [];
    // Fits openDatasetSource's `huggingface` hook (checked by the type annotation).
    const open: HuggingFaceSourceOpener = createHuggingFaceOpener({
      resolveToken: (name) => {
        names.push(name);
        return TOKEN;
      },
    });
    const rows = await collect(open(spec, {}));
    expect(rows).toHaveLength(4528);
    expect(names).toEqual(['HF_TOKEN_FOR_TEST']);
    const unset = createHuggingFaceOpener({ resolveToken: () => undefined });
    const error = await expectDatasetError(collect(unset(spec, {})).then(() => undefined));
    expect(error.message).toContain('HF_TOKEN_FOR_TEST is not set');
  });
});
