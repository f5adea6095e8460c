import type { z } from 'zod';

/** The parts of a zod 4 schema definition this module reads. */
interface SchemaDef {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: readonly z.ZodType[];
  values?: readonly unknown[];
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Strips optional/default/pipe wrappers down to the schema that decides the value's shape. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/** For a union, the option that fits `value` best: an object option whose literal fields all match. */
function pickOption(schema: z.ZodType, value: unknown): z.ZodType {
  const def = defOf(schema);
  if (def.type !== 'union' || !def.options) return schema;
  const objects = def.options.map(unwrap).filter((option) => defOf(option).type === 'object');
  if (!isRecord(value)) return def.options.length === 1 && def.options[0] ? unwrap(def.options[0]) : schema;
  const matching = objects.filter((option) =>
    Object.entries(defOf(option).shape ?? {}).every(([key, field]) => {
      const fieldDef = defOf(unwrap(field));
      return fieldDef.type !== 'literal' || (fieldDef.values ?? []).includes(value[key]);
    }),
  );
  const chosen = matching.length === 1 ? matching[0] : objects.length === 1 ? objects[0] : undefined;
  return chosen ? unwrap(chosen) : schema;
}

function resolve(schema: z.ZodType, value: unknown): z.ZodType {
  return pickOption(unwrap(schema), value);
}

/** The schema of `key` inside a value described by `schema`, or undefined when unknown. */
function childOf(schema: z.ZodType, value: unknown, key: PropertyKey): z.ZodType | undefined {
  const resolved = resolve(schema, value);
  const def = defOf(resolved);
  if (def.type === 'object') return def.shape?.[String(key)];
  if (def.type === 'array') return def.element;
  if (def.type === 'record') return def.valueType;
  return undefined;
}

function childValue(value: unknown, key: PropertyKey): unknown {
  if (Array.isArray(value) && typeof key === 'number') return value[key];
  if (isRecord(value)) return value[String(key)];
  return undefined;
}

/**
 * The field names an object at `path` accepts, following `data` to choose between union options
 * (e.g. the fields of a `file` source versus a `huggingface` source). Empty when the path does not
 * lead to an object schema.
 */
export function knownKeysAt(root: z.ZodType, path: readonly PropertyKey[], data: unknown): string[] {
  let schema: z.ZodType | undefined = root;
  let value = data;
  for (const key of path) {
    if (!schema) return [];
    schema = childOf(schema, value, key);
    value = childValue(value, key);
  }
  if (!schema) return [];
  const def = defOf(resolve(schema, value));
  return def.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

/**
 * A copy of `value` whose object keys follow the order of the schema's fields (unknown keys keep
 * their order after them) and whose `undefined` fields are dropped. Records keep insertion order.
 */
export function orderBySchema(schema: z.ZodType | undefined, value: unknown): unknown {
  if (Array.isArray(value))
    return value.map((item) => orderBySchema(schema && childOf(schema, value, 0), item));
  if (!isRecord(value)) return value;
  const resolved = schema ? resolve(schema, value) : undefined;
  const def = resolved ? defOf(resolved) : undefined;
  const shapeKeys = def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
  const keys = [
    ...shapeKeys.filter((k) => k in value),
    ...Object.keys(value).filter((k) => !shapeKeys.includes(k)),
  ];
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (value[key] === undefined) continue;
    out[key] = orderBySchema(resolved && childOf(resolved, value, key), value[key]);
  }
  return out;
}
