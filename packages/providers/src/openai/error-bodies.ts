/** A `fetch` that keeps the body of every error response, and the lookup of those bodies. */
export interface ErrorBodyRecorder {
  /** Wraps the given fetch: a response with status ≥ 400 is read and handed on with the same body. */
  fetch: typeof fetch;
  /** The body of the error response whose `Headers` object the SDK put on its `APIError`. */
  bodyOf(headers: unknown): string | undefined;
}

/**
 * Records error response bodies, keyed by the response's `Headers` object (the SDK keeps that very
 * object on its `APIError`). The SDK keeps only a body's `error` member, so servers that answer
 * `{"message": …}` or `{"detail": …}` (vLLM, FastAPI-based servers) would lose their own message
 * without it. Successful responses pass through untouched.
 */
export function recordErrorBodies(inner: typeof fetch): ErrorBodyRecorder {
  const bodies = new WeakMap<object, string>();
  const keep = (response: Response): Response | Promise<Response> => {
    if (response.status < 400) return response;
    return response.text().then((text) => {
      const copy = new Response(text, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      bodies.set(copy.headers, text);
      return copy;
    });
  };
  // `then` rather than an async function: this runs on every request, and one promise fewer shows.
  const wrapped = (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) =>
    inner(input, init).then(keep);
  return {
    fetch: wrapped as typeof fetch,
    bodyOf: (headers) => (typeof headers === 'object' && headers !== null ? bodies.get(headers) : undefined),
  };
}
