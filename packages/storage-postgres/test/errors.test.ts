import { describe, expect, it } from 'vitest';
import { classifyPostgresError } from '../src/index.js';

const coded = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('classifyPostgresError', () => {
  it('retries a transaction that lost a race', () => {
    expect(classifyPostgresError(coded('40P01', 'deadlock detected'))).toBe('conflict');
    expect(classifyPostgresError(coded('40001', 'could not serialize access'))).toBe('conflict');
  });

  it('retries on a fresh connection when the connection broke', () => {
    expect(classifyPostgresError(coded('57P01', 'terminating connection due to administrator command'))).toBe(
      'connection',
    );
    expect(classifyPostgresError(coded('08006'))).toBe('connection');
    expect(classifyPostgresError(coded('ECONNRESET'))).toBe('connection');
    expect(classifyPostgresError(new Error('Connection terminated unexpectedly'))).toBe('connection');
    expect(
      classifyPostgresError(new Error('Client has encountered a connection error and is not queryable')),
    ).toBe('connection');
  });

  it('does not retry other errors', () => {
    expect(classifyPostgresError(coded('23505', 'duplicate key value'))).toBeUndefined();
    expect(classifyPostgresError(coded('42P01', 'relation does not exist'))).toBeUndefined();
    expect(classifyPostgresError('boom')).toBeUndefined();
    expect(classifyPostgresError(null)).toBeUndefined();
  });
});
