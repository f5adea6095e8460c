/** What one call's `fetch` saw: the last response, and a copy of its body when asked for. */
export interface FetchRecord {
  /** Status and headers of the last response (for `Retry-After`: the SDK's errors carry no headers). */
  last: Response | undefined;
  /** A clone of the last successful response, for the fields the SDK drops (finish reason, usage). */
  copy: Response | undefined;
}

/** Options of `recordingFetch`. */
export interface RecordingFetchOptions {
  /** The `fetch` to wrap. Default: the global one, looked up at each request. */
  base?: typeof fetch | undefined;
  /** Headers added to every request (an existing header of the same name is replaced). */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Keep a clone of successful responses in `record.copy`. */
  keepBody?: boolean;
}

/**
 * A `fetch` for one call that records what it receives, so the adapter can read the headers of a
 * failed response (the SDK's errors keep only status and body) and, for text generation, the finish
 * reason and usage the SDK drops. One wrapper per call keeps concurrent calls apart.
 */
export function recordingFetch(options: RecordingFetchOptions = {}): {
  fetch: typeof fetch;
  record: FetchRecord;
} {
  const record: FetchRecord = { last: undefined, copy: undefined };
  const extra = Object.entries(options.headers ?? {});
  const wrapped = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    let sent = init;
    if (extra.length > 0) {
      const headers = new Headers(init?.headers);
      for (const [name, value] of extra) headers.set(name, value);
      sent = { ...init, headers };
    }
    const response = await (options.base ?? globalThis.fetch)(input, sent);
    record.last = response;
    record.copy = options.keepBody === true && response.ok ? response.clone() : undefined;
    return response;
  };
  return { fetch: wrapped as typeof fetch, record };
}
