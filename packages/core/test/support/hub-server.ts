import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Which part of the fake Hub answered a request. */
export type HubRoute = 'list' | 'file' | 'resolve' | 'cdn' | 'unknown';

/** One request the fake Hub or CDN received. */
export interface RecordedRequest {
  route: HubRoute;
  path: string;
  authorization: string | undefined;
  range: string | undefined;
  status: number;
  /** Body bytes sent (file bytes for the CDN). */
  bytes: number;
  /** Shard index for `file`/`resolve`/`cdn` requests. */
  shard?: number;
}

/** Options of {@link startHubServer}. */
export interface HubServerOptions {
  /** The Parquet file every shard serves. */
  parquetPath: string;
  dataset: string;
  config?: string;
  split?: string;
  /** How many shards the split lists (all serve the same file); default 1. */
  shards?: number;
  /** When set, the Hub answers 401 to requests without `Authorization: Bearer <requireToken>`. */
  requireToken?: string;
  /** Overrides a response: return a status to answer with instead of the normal response. */
  override?: (route: HubRoute, request: RecordedRequest) => number | undefined;
}

/** A local stand-in for the Hub (API + resolve redirects) and its CDN, on two origins. */
export interface HubServer {
  /** The Hub's origin, e.g. `http://127.0.0.1:41234`. */
  endpoint: string;
  /** The CDN's origin (a different port, so a different origin). */
  cdnOrigin: string;
  fileSize: number;
  requests: RecordedRequest[];
  /** Total file bytes the CDN has sent so far. */
  bytesServed(): number;
  close(): Promise<void>;
}

/**
 * Starts a fake Hugging Face Hub on 127.0.0.1 that behaves like the real one for Parquet reads:
 * `GET /api/datasets/{id}/parquet/{config}/{split}` answers a JSON array of
 * `{endpoint}/api/datasets/{id}/parquet/{config}/{split}/{n}.parquet` URLs; those answer 302 to
 * `/datasets/{id}/resolve/refs%2Fconvert%2Fparquet/{config}/{split}/{nnnn}.parquet`, which answers 302 to
 * a pre-signed URL on a second server (the CDN). The CDN serves Range requests only (400 without a
 * `Range` header, 416 outside the file) with 206 and `Content-Range`.
 */
export async function startHubServer(options: HubServerOptions): Promise<HubServer> {
  const file = readFileSync(options.parquetPath);
  const config = options.config ?? 'default';
  const split = options.split ?? 'train';
  const shards = options.shards ?? 1;
  const requests: RecordedRequest[] = [];
  let served = 0;

  const record = (req: IncomingMessage, route: HubRoute, shard?: number): RecordedRequest => {
    const entry: RecordedRequest = {
      route,
      path: req.url ?? '',
      authorization: req.headers.authorization,
      range: req.headers.range,
      status: 0,
      bytes: 0,
      ...(shard === undefined ? {} : { shard }),
    };
    requests.push(entry);
    return entry;
  };
  const send = (res: ServerResponse, entry: RecordedRequest, status: number, body = '', headers = {}) => {
    entry.status = status;
    entry.bytes = Buffer.byteLength(body);
    res.writeHead(status, headers);
    res.end(body);
  };
  const overridden = (route: HubRoute, entry: RecordedRequest, res: ServerResponse): boolean => {
    const status = options.override?.(route, entry);
    if (status === undefined) return false;
    send(res, entry, status, JSON.stringify({ error: `status ${status}` }), {
      'content-type': 'application/json',
    });
    return true;
  };

  const cdn = await listen((req, res) => {
    const match = /^\/files\/(\d+)\.parquet\?/.exec(req.url ?? '');
    const entry = record(req, match ? 'cdn' : 'unknown', match ? Number(match[1]) : undefined);
    if (!match) return send(res, entry, 404);
    if (overridden('cdn', entry, res)) return;
    const range = parseRange(req.headers.range, file.length);
    if (range === 'missing') return send(res, entry, 400, 'Range header required');
    if (range === 'invalid') {
      return send(res, entry, 416, '', { 'content-range': `bytes */${file.length}` });
    }
    const body = file.subarray(range.start, range.end + 1);
    entry.status = 206;
    entry.bytes = body.length;
    served += body.length;
    res.writeHead(206, {
      'content-type': 'application/octet-stream',
      'content-length': String(body.length),
      'content-range': `bytes ${range.start}-${range.end}/${file.length}`,
      'accept-ranges': 'bytes',
    });
    res.end(body);
  });
  const cdnOrigin = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`;

  const hub = await listen((req, res) => {
    const url = req.url ?? '';
    const prefix = `/api/datasets/${options.dataset}/parquet`;
    const resolvePrefix = `/datasets/${options.dataset}/resolve/refs%2Fconvert%2Fparquet/${config}/${split}/`;
    const authorized =
      options.requireToken === undefined || req.headers.authorization === `Bearer ${options.requireToken}`;
    const fileMatch = /^\/(\d+)\.parquet$/.exec(url.slice(`${prefix}/${config}/${split}`.length));
    const resolveMatch = url.startsWith(resolvePrefix)
      ? /^(\d{4})\.parquet$/.exec(url.slice(resolvePrefix.length))
      : null;

    if (url.startsWith('/api/datasets/') && /\/parquet\/[^/]+\/[^/]+$/.test(url)) {
      const entry = record(req, 'list');
      if (overridden('list', entry, res)) return;
      if (!authorized) return send(res, entry, 401, JSON.stringify({ error: 'Invalid credentials' }));
      if (url !== `${prefix}/${config}/${split}`) {
        return send(res, entry, 404, JSON.stringify({ error: 'Not found' }), {
          'content-type': 'application/json',
        });
      }
      const urls = Array.from(
        { length: shards },
        (_, n) => `${hubOrigin}${prefix}/${config}/${split}/${n}.parquet`,
      );
      return send(res, entry, 200, JSON.stringify(urls), { 'content-type': 'application/json' });
    }
    if (url.startsWith(prefix) && fileMatch && Number(fileMatch[1]) < shards) {
      const shard = Number(fileMatch[1]);
      const entry = record(req, 'file', shard);
      if (overridden('file', entry, res)) return;
      if (!authorized) return send(res, entry, 401);
      return send(res, entry, 302, '', {
        location: `${resolvePrefix}${String(shard).padStart(4, '0')}.parquet`,
      });
    }
    if (resolveMatch && Number(resolveMatch[1]) < shards) {
      const shard = Number(resolveMatch[1]);
      const entry = record(req, 'resolve', shard);
      if (overridden('resolve', entry, res)) return;
      if (!authorized) return send(res, entry, 401);
      const signature = `X-Amz-Signature=sig${requests.length}&Expires=3600`;
      return send(res, entry, 302, '', { location: `${cdnOrigin}/files/${shard}.parquet?${signature}` });
    }
    send(res, record(req, 'unknown'), 404);
  });
  const hubOrigin = `http://127.0.0.1:${(hub.address() as AddressInfo).port}`;

  return {
    endpoint: hubOrigin,
    cdnOrigin,
    fileSize: file.length,
    requests,
    bytesServed: () => served,
    close: async () => {
      await Promise.all([close(hub), close(cdn)]);
    },
  };
}

function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'missing' | 'invalid' {
  if (header === undefined) return 'missing';
  const match = /^bytes=(\d*)-(\d*)$/.exec(header);
  if (!match || (match[1] === '' && match[2] === '')) return 'invalid';
  const [, from = '', to = ''] = match;
  if (from === '') {
    const length = Math.min(Number(to), size);
    return length === 0 ? 'invalid' : { start: size - length, end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  return start >= size || end < start ? 'invalid' : { start, end };
}

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
