import { DatasetError } from '../../errors/index.js';
import { errorFromStatus, fetchFollowingRedirects } from './http.js';
import { describeSplit, type ListHuggingFaceParquetFilesOptions, resolveHubOptions } from './options.js';

/**
 * Lists the Parquet files of one split of a Hub dataset, in shard order, through the Hub's
 * `GET /api/datasets/{dataset}/parquet/{config}/{split}` endpoint. It answers a JSON array of URLs,
 * such as `https://huggingface.co/api/datasets/{dataset}/parquet/{config}/{split}/0.parquet`
 * (older answers: `.../datasets/{dataset}/resolve/refs%2Fconvert%2Fparquet/...`); both redirect to the
 * Parquet conversion and from there to a CDN. Relative URLs are resolved against the endpoint.
 *
 * Errors are {@link DatasetError}s naming the dataset, config, split and HTTP status: 401/403/404 are
 * final, 429/5xx and network failures are retryable (`isRetryable`).
 *
 * @example
 * ```ts
 * const urls = await listHuggingFaceParquetFiles({ dataset: 'BenchHub/BenchHub-Ko', split: 'train' });
 * ```
 */
export async function listHuggingFaceParquetFiles(
  options: ListHuggingFaceParquetFilesOptions,
): Promise<string[]> {
  const resolved = resolveHubOptions(options);
  const path = [
    'api',
    'datasets',
    ...resolved.dataset.split('/').map(encodeURIComponent),
    'parquet',
    encodeURIComponent(resolved.config),
    encodeURIComponent(resolved.split),
  ].join('/');
  const url = `${resolved.endpoint}/${path}`;
  const what = describeSplit(resolved);
  const { response } = await fetchFollowingRedirects(url, {
    fetch: resolved.fetch,
    headers: { accept: 'application/json' },
    ...(resolved.token === undefined ? {} : { token: resolved.token }),
    tokenOrigin: resolved.endpointOrigin,
    ...(resolved.signal ? { signal: resolved.signal } : {}),
    source: resolved.id,
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw errorFromStatus(response, { action: `listing the Parquet files of ${what}`, source: resolved.id });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw new DatasetError(`The Hub answered invalid JSON when listing the Parquet files of ${what}`, {
      source: resolved.id,
      cause: error,
    });
  }
  if (!Array.isArray(body) || !body.every((item) => typeof item === 'string')) {
    throw new DatasetError(
      `Unexpected answer when listing the Parquet files of ${what}: expected a JSON array of URLs`,
      { source: resolved.id },
    );
  }
  if (body.length === 0) {
    throw new DatasetError(`The Hub lists no Parquet files for ${what}`, { source: resolved.id });
  }
  const urls = body.map((item: string) => {
    try {
      return new URL(item, `${resolved.endpoint}/`).href;
    } catch {
      throw new DatasetError(`The Hub listed an invalid Parquet URL for ${what}`, { source: resolved.id });
    }
  });
  resolved.logger?.debug('huggingface: listed parquet files', { source: resolved.id, files: urls.length });
  return urls;
}
