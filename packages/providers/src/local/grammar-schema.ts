import { BenchHubError } from '@benchhub/core';

/** Keywords that only annotate a schema: kept out of the grammar, never a reason to refuse. */
const ANNOTATIONS = new Set([
  'title',
  'description',
  '$schema',
  '$id',
  '$comment',
  'default',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
]);

/** Keywords node-llama-cpp's JSON-schema grammar enforces. */
const GRAMMAR_KEYWORDS = new Set([
  'type',
  'const',
  'enum',
  'oneOf',
  'anyOf',
  '$ref',
  '$defs',
  'properties',
  'additionalProperties',
  'required',
  'minProperties',
  'maxProperties',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'format',
]);

/**
 * Keywords that restrict values without changing the shape (ranges, patterns, most formats): the
 * grammar cannot enforce them, so a strict format refuses them and another leaves them to the caller.
 */
const VALUE_CONSTRAINTS = new Set([
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'pattern',
  'uniqueItems',
  'contains',
  'minContains',
  'maxContains',
  'patternProperties',
  'propertyNames',
  'dependentRequired',
  'dependentSchemas',
  'unevaluatedProperties',
  'unevaluatedItems',
]);

/** Scalar types the grammar takes, also as a list (`["string", "null"]`). */
const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null']);
/** String formats the grammar enforces. */
const GRAMMAR_FORMATS = new Set(['date-time', 'time', 'date']);

/** Where and why the walk stopped: a part of the schema the grammar cannot follow. */
class SchemaNotSupported extends BenchHubError {
  constructor(path: string, reason: string) {
    super(`${path}: ${reason}`);
    this.name = 'SchemaNotSupported';
  }
}

/** The outcome of {@link toGrammarSchema}: the grammar's schema, or what it cannot follow. */
export type GrammarSchema = { ok: true; schema: Record<string, unknown> } | { ok: false; problem: string };

type SchemaNode = Record<string, unknown>;

function isPrimitive(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function collectDefs(node: unknown, into: Set<string>): void {
  if (typeof node !== 'object' || node === null) return;
  for (const child of Array.isArray(node) ? node : Object.values(node)) collectDefs(child, into);
  const defs = (node as SchemaNode).$defs;
  if (typeof defs === 'object' && defs !== null && !Array.isArray(defs)) {
    for (const name of Object.keys(defs)) into.add(name);
  }
}

/** Walks one schema node, building the grammar's copy; throws `SchemaNotSupported`. */
class SchemaWalker {
  constructor(
    private readonly strict: boolean,
    private readonly defs: ReadonlySet<string>,
  ) {}

  node(value: unknown, path: string): SchemaNode {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new SchemaNotSupported(path, 'must be a schema object (boolean schemas have no grammar)');
    }
    const schema = value as SchemaNode;
    const out: SchemaNode = {};
    for (const [key, child] of Object.entries(schema)) {
      if (ANNOTATIONS.has(key)) {
        if (key === 'description' && typeof child === 'string') out.description = child;
        continue;
      }
      if (VALUE_CONSTRAINTS.has(key)) {
        if (this.strict) {
          throw new SchemaNotSupported(
            `${path}.${key}`,
            'the grammar cannot enforce this keyword, so a strict format refuses it (leave strict off to get the shape without it)',
          );
        }
        continue;
      }
      if (!GRAMMAR_KEYWORDS.has(key)) {
        throw new SchemaNotSupported(
          `${path}.${key}`,
          'keyword not supported by the grammar (supported: type, properties, required, additionalProperties, items, prefixItems, enum, const, oneOf/anyOf, $defs/$ref, min/max items, properties and length, date formats)',
        );
      }
      const kept = this.keyword(key, child, path, schema);
      if (kept !== undefined) out[key === 'anyOf' ? 'oneOf' : key] = kept;
    }
    if (!('type' in out || 'const' in out || 'enum' in out || 'oneOf' in out || '$ref' in out)) {
      throw new SchemaNotSupported(
        path,
        'a schema without type, const, enum, oneOf/anyOf or $ref allows any value, which the grammar cannot express',
      );
    }
    return out;
  }

  private keyword(key: string, value: unknown, path: string, schema: SchemaNode): unknown {
    const at = `${path}.${key}`;
    switch (key) {
      case 'type':
        return this.type(value, at);
      case 'const':
        if (!isPrimitive(value)) throw new SchemaNotSupported(at, 'only a string, number, boolean or null');
        return value;
      case 'enum':
        if (!Array.isArray(value) || value.length === 0 || !value.every(isPrimitive)) {
          throw new SchemaNotSupported(at, 'must list strings, numbers, booleans or null');
        }
        return [...value];
      case 'oneOf':
      case 'anyOf':
        if (!Array.isArray(value) || value.length === 0)
          throw new SchemaNotSupported(at, 'must list schemas');
        return value.map((option, i) => this.node(option, `${at}[${i}]`));
      case '$ref': {
        const name = typeof value === 'string' ? /^#\/\$defs\/([^/]+)$/.exec(value)?.[1] : undefined;
        if (name === undefined)
          throw new SchemaNotSupported(at, 'only local references of the form #/$defs/NAME');
        if (!this.defs.has(name)) throw new SchemaNotSupported(at, `no definition "${name}" in $defs`);
        return value;
      }
      case '$defs':
      case 'properties':
        return this.map(value, at);
      case 'additionalProperties':
        return typeof value === 'boolean' ? value : this.node(value, at);
      case 'items':
        return this.node(value, at);
      case 'prefixItems':
        if (!Array.isArray(value)) throw new SchemaNotSupported(at, 'must list schemas');
        return value.map((item, i) => this.node(item, `${at}[${i}]`));
      case 'required':
        if (!Array.isArray(value) || !value.every((name) => typeof name === 'string')) {
          throw new SchemaNotSupported(at, 'must list property names');
        }
        return [...value];
      case 'format':
        if (schema.type !== 'string' || typeof value !== 'string')
          throw new SchemaNotSupported(at, 'only on strings');
        if (GRAMMAR_FORMATS.has(value)) return value;
        if (this.strict) throw new SchemaNotSupported(at, `the grammar cannot enforce format "${value}"`);
        return undefined;
      default:
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
          throw new SchemaNotSupported(at, 'must be a non-negative integer');
        }
        return value;
    }
  }

  private type(value: unknown, at: string): unknown {
    if (value === 'object' || value === 'array' || (typeof value === 'string' && SCALAR_TYPES.has(value))) {
      return value;
    }
    if (
      Array.isArray(value) &&
      value.length > 0 &&
      value.every((t) => typeof t === 'string' && SCALAR_TYPES.has(t))
    ) {
      return [...value];
    }
    throw new SchemaNotSupported(
      at,
      `${JSON.stringify(value)} is not a type the grammar takes (object, array, or string/number/integer/boolean/null, alone or in a list of those; for an object or array among others use oneOf)`,
    );
  }

  private map(value: unknown, at: string): SchemaNode {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new SchemaNotSupported(at, 'must map names to schemas');
    }
    return Object.fromEntries(
      Object.entries(value).map(([name, child]) => [name, this.node(child, `${at}.${name}`)]),
    );
  }
}

/**
 * The schema as node-llama-cpp's JSON-schema grammar follows it, or the first part (by JSON path) it
 * cannot follow. node-llama-cpp degrades what it does not know without a word (a schema
 * with `anyOf`, or none at all, becomes `null`), so everything outside its subset is refused here:
 * `anyOf` is taken as `oneOf` (a grammar admits every branch either way), annotations are dropped, and
 * value constraints the grammar cannot enforce (`minimum`, `pattern`, formats other than dates…) are
 * refused when `strict`, else left out (the output then has the right shape but they are not checked).
 *
 * @example
 * ```ts
 * toGrammarSchema({ type: 'object', properties: { n: { anyOf: [{ type: 'integer' }, { type: 'null' }] } } }, false);
 * // { ok: true, schema: { type: 'object', properties: { n: { oneOf: [{ type: 'integer' }, { type: 'null' }] } } } }
 * ```
 */
export function toGrammarSchema(schema: Readonly<Record<string, unknown>>, strict: boolean): GrammarSchema {
  const defs = new Set<string>();
  collectDefs(schema, defs);
  try {
    return { ok: true, schema: new SchemaWalker(strict, defs).node(schema, '$') };
  } catch (error) {
    if (error instanceof SchemaNotSupported) return { ok: false, problem: error.message };
    throw error;
  }
}
