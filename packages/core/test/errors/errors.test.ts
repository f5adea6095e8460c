import { describe, expect, it } from 'vitest';
import {
  BenchHubError,
  DatasetError,
  isRetryableStatus,
  PlanValidationError,
  ProviderCallError,
} from '../../src/errors/index.js';

describe('typed errors', () => {
  it('recognises instances by their Symbol.for marker, not the prototype chain', () => {
    const error = new ProviderCallError('rate limited', {
      provider: 'openai',
      model: 'gpt-4o-mini',
      statusCode: 429,
    });
    // A copy of the error as another copy of the package would make it: same marker, other prototype.
    const foreign = Object.assign(Object.create(Error.prototype) as object, error);
    for (const symbol of Object.getOwnPropertySymbols(error)) {
      Object.defineProperty(foreign, symbol, { value: true });
    }
    expect(ProviderCallError.isInstance(foreign)).toBe(true);
    expect(BenchHubError.isInstance(foreign)).toBe(true);
    expect(DatasetError.isInstance(foreign)).toBe(false);
    expect(ProviderCallError.isInstance(new Error('plain'))).toBe(false);
    expect(BenchHubError.isInstance(null)).toBe(false);
  });

  it('derives isRetryable from the status code unless told otherwise', () => {
    const at = (statusCode?: number) =>
      new ProviderCallError('x', { provider: 'p', model: 'm', ...(statusCode ? { statusCode } : {}) })
        .isRetryable;
    expect([at(429), at(500), at(503), at(408), at()]).toEqual([true, true, true, true, true]);
    expect([at(400), at(401), at(404), at(422)]).toEqual([false, false, false, false]);
    expect(
      new ProviderCallError('x', { provider: 'p', model: 'm', statusCode: 500, isRetryable: false })
        .isRetryable,
    ).toBe(false);
    expect(isRetryableStatus(409)).toBe(true);
  });

  it('names every plan problem with path and line', () => {
    const error = new PlanValidationError(
      [
        { path: 'models[0].model', line: 4, message: 'required' },
        { path: '', message: 'unknown field' },
      ],
      { source: 'plan.yaml' },
    );
    expect(error.message).toContain('Invalid plan in plan.yaml: 2 problems');
    expect(error.message).toContain('models[0].model (line 4): required');
    expect(error.message).toContain('(root): unknown field');
    expect(error.issues).toHaveLength(2);
  });

  it('places a dataset problem at its source, row and field', () => {
    const error = new DatasetError('answer is not one of the options', {
      source: 'a.jsonl',
      row: 7,
      field: 'answer',
    });
    expect(error.message).toBe('answer is not one of the options (a.jsonl, row 7, answer)');
    expect(error.isRetryable).toBe(false);
    expect(error.row).toBe(7);
  });
});
