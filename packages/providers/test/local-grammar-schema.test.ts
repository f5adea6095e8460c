import { describe, expect, it } from 'vitest';
import { toGrammarSchema } from '../src/local/grammar-schema.js';

describe('toGrammarSchema: the subset of JSON Schema node-llama-cpp grammars follow', () => {
  it('keeps what the grammar enforces and drops annotations', () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'Plan',
      type: 'object',
      description: 'An evaluation plan',
      properties: {
        models: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, maxItems: 4 },
        language: { enum: ['ko', 'en'], default: 'ko' },
        when: { type: 'string', format: 'date' },
        seed: { type: ['integer', 'null'] },
        pair: { type: 'array', prefixItems: [{ const: 'a' }, { type: 'number' }] },
        ref: { $ref: '#/$defs/tag' },
      },
      required: ['models'],
      additionalProperties: false,
      $defs: { tag: { type: 'string', maxLength: 8 } },
    };
    expect(toGrammarSchema(schema, true)).toEqual({
      ok: true,
      schema: {
        type: 'object',
        description: 'An evaluation plan',
        properties: {
          models: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, maxItems: 4 },
          language: { enum: ['ko', 'en'] },
          when: { type: 'string', format: 'date' },
          seed: { type: ['integer', 'null'] },
          pair: { type: 'array', prefixItems: [{ const: 'a' }, { type: 'number' }] },
          ref: { $ref: '#/$defs/tag' },
        },
        required: ['models'],
        additionalProperties: false,
        $defs: { tag: { type: 'string', maxLength: 8 } },
      },
    });
  });

  it('takes anyOf as oneOf, at any depth', () => {
    const result = toGrammarSchema(
      { type: 'object', properties: { n: { anyOf: [{ type: 'integer' }, { type: 'null' }] } } },
      false,
    );
    expect(result).toEqual({
      ok: true,
      schema: { type: 'object', properties: { n: { oneOf: [{ type: 'integer' }, { type: 'null' }] } } },
    });
  });

  it('leaves value constraints out unless strict, which refuses them with their path', () => {
    const schema = {
      type: 'object',
      properties: { age: { type: 'integer', minimum: 0 }, mail: { type: 'string', format: 'email' } },
    };
    expect(toGrammarSchema(schema, false)).toEqual({
      ok: true,
      schema: { type: 'object', properties: { age: { type: 'integer' }, mail: { type: 'string' } } },
    });
    const strict = toGrammarSchema(schema, true);
    expect(strict.ok).toBe(false);
    expect(!strict.ok && strict.problem).toMatch(/^\$\.properties\.age\.minimum: the grammar cannot enforce/);
  });

  it.each([
    [{}, '$: a schema without type'],
    [true, '$: must be a schema object'],
    [{ not: { type: 'string' } }, '$.not: keyword not supported'],
    [{ allOf: [{ type: 'string' }] }, '$.allOf: keyword not supported'],
    [{ type: 'object', properties: { a: { if: {} } } }, '$.properties.a.if'],
    [{ type: 'date' }, '$.type: "date" is not a type'],
    [{ type: ['object', 'null'] }, 'use oneOf'],
    [{ enum: [{ a: 1 }] }, '$.enum: must list strings'],
    [{ $ref: '#/definitions/x' }, '$.$ref: only local references'],
    [{ $ref: '#/$defs/missing' }, 'no definition "missing"'],
    [{ type: 'integer', format: 'date' }, '$.format: only on strings'],
    [{ type: 'array', minItems: -1 }, '$.minItems: must be a non-negative integer'],
  ] as const)('refuses %j', (schema, problem) => {
    const result = toGrammarSchema(schema as unknown as Record<string, unknown>, false);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toContain(problem);
  });
});
