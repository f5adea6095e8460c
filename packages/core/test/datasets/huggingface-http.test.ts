import { describe, expect, it } from 'vitest';
import { parseContentRange } from '../../src/datasets/huggingface/http-range-buffer.js';
import {
  createHttpRangeBuffer,
  createHuggingFaceSource,
  type FetchFunction,
  listHuggingFaceParquetFiles,
} from '../../src/datasets/huggingface/index.js';
import { readParquetRows } from '../../src/datasets/huggingface/parquet-rows.js';
import { DatasetError } from '../../src/errors/index.js';

const BYTES = Uint8Array.from({ length: 100 }, (_, i) => i);

interface Call {
  url: string;
  headers: Record<string, string>;
  redirect: RequestInit['redirect'];
}

/** A range-only in-memory server: `https://cdn.example/f` serves BYTES; `https://hub.example/f` redirects there. */
function rangeFetch(calls: Call[], options: { ignoreRange?: boolean } = {}): FetchFunction {
  return async (url, init) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    calls.push({ url, headers, redirect: init.redirect });
    if (url === 'https://hub.example/f') {
      return new Response(null, { status: 302, headers: { location: 'https://cdn.example/f?sig=secret' } });
    }
    const match = /^bytes=(\d+)-(\d+)$/.exec(headers.range ?? '');
    if (options.ignoreRange || !match) return new Response(BYTES, { status: 200 });
    const start = Number(match[1]);
    const end = Math.min(Number(match[2]), BYTES.length - 1);
    return new Response(BYTES.slice(start, end + 1), {
      status: 206,
      headers: { 'content-range': `bytes ${start}-${end}/${BYTES.length}` },
    });
  };
}

async function datasetError(promise: Promise<unknown>): Promise<DatasetError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(DatasetError.isInstance(error)).toBe(true);
  return error as DatasetError;
}

describe('createHttpRangeBuffer', () => {
  it('takes byteLength from Content-Range and maps slice(start, end) to bytes=start-(end-1)', async () => {
    const calls: Call[] = [];
    const file = await createHttpRangeBuffer({
      url: 'https://hub.example/f',
      fetch: rangeFetch(calls),
      token: 't',
    });
    expect(file.byteLength).toBe(100);
    expect(new Uint8Array(await file.slice(10, 14))).toEqual(Uint8Array.from([10, 11, 12, 13]));
    expect(new Uint8Array(await file.slice(98))).toEqual(Uint8Array.from([98, 99]));
    expect((await file.slice(5, 5)).byteLength).toBe(0);
    expect(calls.map((c) => [c.url, c.headers.range])).toEqual([
      ['https://hub.example/f', 'bytes=0-0'],
      ['https://cdn.example/f?sig=secret', 'bytes=0-0'],
      ['https://cdn.example/f?sig=secret', 'bytes=10-13'],
      ['https://cdn.example/f?sig=secret', 'bytes=98-99'],
    ]);
    // The token reaches the file's own origin, not the redirect target.
    expect(calls.map((c) => c.headers.authorization)).toEqual(['Bearer t', undefined, undefined, undefined]);
    expect(calls.every((c) => c.redirect === 'manual')).toBe(true);
  });

  it('rejects a server that ignores Range, and ranges outside the file', async () => {
    const error = await datasetError(
      createHttpRangeBuffer({ url: 'https://cdn.example/f', fetch: rangeFetch([], { ignoreRange: true }) }),
    );
    expect(error.message).toContain('ignored the HTTP Range request');
    const file = await createHttpRangeBuffer({ url: 'https://cdn.example/f', fetch: rangeFetch([]) });
    expect((await datasetError(file.slice(90, 101))).message).toContain('Invalid byte range [90, 101)');
  });

  it('reports a truncated body as retryable', async () => {
    const fetch: FetchFunction = async (_url, init) => {
      const range = (init.headers as Record<string, string>).range;
      if (range === 'bytes=0-0')
        return new Response(new Uint8Array(1), {
          status: 206,
          headers: { 'content-range': 'bytes 0-0/100' },
        });
      return new Response(new Uint8Array(3), { status: 206, headers: { 'content-range': 'bytes 0-9/100' } });
    };
    const file = await createHttpRangeBuffer({ url: 'https://cdn.example/f', fetch });
    const error = await datasetError(file.slice(0, 10));
    expect(error.message).toContain('truncated');
    expect(error.isRetryable).toBe(true);
  });

  it('falls back to platform redirects where they are opaque (browsers)', async () => {
    const calls: Call[] = [];
    const inner = rangeFetch(calls);
    const fetch: FetchFunction = async (url, init) => {
      if (url === 'https://hub.example/f' && init.redirect === 'manual') {
        calls.push({ url, headers: init.headers as Record<string, string>, redirect: init.redirect });
        return {
          type: 'opaqueredirect',
          status: 0,
          headers: new Headers(),
          body: null,
        } as unknown as Response;
      }
      if (url === 'https://hub.example/f') {
        // What a browser does with redirect: 'follow': it lands on the CDN, without Authorization.
        const response = await inner('https://cdn.example/f?sig=secret', {
          ...init,
          headers: { range: 'bytes=0-0' },
        });
        Object.defineProperty(response, 'url', { value: 'https://cdn.example/f?sig=secret' });
        return response;
      }
      return inner(url, init);
    };
    const file = await createHttpRangeBuffer({ url: 'https://hub.example/f', fetch, token: 't' });
    expect(file.byteLength).toBe(100);
    await file.slice(0, 2);
    expect(calls.at(-1)?.url).toBe('https://cdn.example/f?sig=secret');
  });
});

describe('parseContentRange', () => {
  it('parses satisfied and unsatisfied ranges', () => {
    expect(parseContentRange('bytes 0-0/25151')).toEqual({ start: 0, end: 0, size: 25151 });
    expect(parseContentRange('bytes */42')).toEqual({ size: 42 });
    expect(parseContentRange('bytes 0-9/*')).toEqual({ start: 0, end: 9 });
    expect(parseContentRange('items 0-9/10')).toBeUndefined();
    expect(parseContentRange(null)).toBeUndefined();
  });
});

describe('Hub options', () => {
  it('rejects a bad dataset id, endpoint and footerFetchSize, naming the field', () => {
    const bad = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(DatasetError.isInstance(e)).toBe(true);
        return e as DatasetError;
      }
      throw new Error('expected a DatasetError');
    };
    expect(bad(() => createHuggingFaceSource({ dataset: 'a/b/c' })).field).toBe('dataset');
    expect(bad(() => createHuggingFaceSource({ dataset: 'a/b', endpoint: 'ftp://x' })).field).toBe(
      'endpoint',
    );
    expect(bad(() => createHuggingFaceSource({ dataset: 'a/b', footerFetchSize: 4 })).field).toBe(
      'footerFetchSize',
    );
  });

  it('rejects a token that cannot be a header value without echoing it', async () => {
    const token = 'hf_secret\nInjected: yes';
    const error = await datasetError(
      listHuggingFaceParquetFiles({ dataset: 'a/b', token, fetch: rangeFetch([]) }),
    );
    expect(error.field).toBe('token');
    expect(error.message).not.toContain('hf_secret');
  });

  it('encodes the path, resolves relative URLs and rejects an unexpected answer shape', async () => {
    const seen: string[] = [];
    const answer =
      (body: unknown): FetchFunction =>
      async (url) => {
        seen.push(url);
        return Response.json(body);
      };
    const urls = await listHuggingFaceParquetFiles({
      dataset: 'org/data.set',
      config: 'ko kr',
      split: 'test',
      endpoint: 'https://mirror.example/hf/',
      fetch: answer(['/api/datasets/org/data.set/parquet/ko%20kr/test/0.parquet']),
    });
    expect(seen).toEqual(['https://mirror.example/hf/api/datasets/org/data.set/parquet/ko%20kr/test']);
    expect(urls).toEqual(['https://mirror.example/api/datasets/org/data.set/parquet/ko%20kr/test/0.parquet']);
    const wrongShape = await datasetError(
      listHuggingFaceParquetFiles({ dataset: 'a/b', fetch: answer({ default: { train: [] } }) }),
    );
    expect(wrongShape.message).toContain('expected a JSON array of URLs');
    const empty = await datasetError(listHuggingFaceParquetFiles({ dataset: 'a/b', fetch: answer([]) }));
    expect(empty.message).toContain('no Parquet files');
  });
});

describe('readParquetRows', () => {
  it('reports a file that is not Parquet as a DatasetError', async () => {
    const file = { byteLength: BYTES.length, slice: (s: number, e?: number) => BYTES.slice(s, e).buffer };
    const error = await datasetError(readParquetRows(file, { source: 'x.parquet' }).next());
    expect(error.message).toContain('Cannot decode Parquet data');
    expect(error.source).toBe('x.parquet');
  });
});
