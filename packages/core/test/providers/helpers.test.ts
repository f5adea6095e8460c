import { describe, expect, it } from 'vitest';
import { ProviderCallError } from '../../src/errors/provider-call-error.js';
import { abortable } from '../../src/providers/abortable.js';
import { toProviderCallError } from '../../src/providers/to-provider-call-error.js';

describe('toProviderCallError', () => {
  it('ignores a status outside the HTTP range and non-numeric fields', () => {
    const e = toProviderCallError({ status: 'x', statusCode: 42, retryAfterMs: Number.NaN }, 'p', 'm');
    expect(e.statusCode).toBeUndefined();
    expect(e.retryAfterMs).toBeUndefined();
    expect(e.isRetryable).toBe(false);
  });

  it('prefers statusCode over status', () => {
    expect(toProviderCallError({ statusCode: 502, status: 400 }, 'p', 'm').statusCode).toBe(502);
  });

  it('returns a ProviderCallError unchanged', () => {
    const original = new ProviderCallError('x', { provider: 'a', model: 'b' });
    expect(toProviderCallError(original, 'p', 'm')).toBe(original);
  });
});

describe('abortable', () => {
  it('resolves with the work when not aborted', async () => {
    const controller = new AbortController();
    await expect(abortable(Promise.resolve(3), controller.signal)).resolves.toBe(3);
    await expect(abortable(4, undefined)).resolves.toBe(4);
  });

  it('rejects with the reason on abort, and at once when already aborted', async () => {
    const controller = new AbortController();
    const pending = abortable(new Promise(() => {}), controller.signal);
    controller.abort('stop');
    await expect(pending).rejects.toBe('stop');
    await expect(abortable(Promise.reject(new Error('late')), AbortSignal.abort('gone'))).rejects.toBe(
      'gone',
    );
  });

  it('passes the work rejection through', async () => {
    await expect(abortable(Promise.reject(new Error('boom')), new AbortController().signal)).rejects.toThrow(
      'boom',
    );
  });
});
