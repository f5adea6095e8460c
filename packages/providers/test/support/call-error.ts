import { ProviderCallError } from '@benchhub/core';
import { expect } from 'vitest';

/** The `ProviderCallError` a call rejects with (fails the test when it resolves or rejects otherwise). */
export async function callError(call: Promise<unknown> | undefined): Promise<ProviderCallError> {
  const error = await Promise.resolve(call).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(ProviderCallError.isInstance(error), `expected a ProviderCallError, got ${String(error)}`).toBe(
    true,
  );
  return error as ProviderCallError;
}
