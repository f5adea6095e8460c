import { z } from 'zod';

/** A valid environment variable name. */
export const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const PLACEHOLDER = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;
const BARE_VARIABLE = /^\$([A-Za-z_][A-Za-z0-9_]*)$/;

/**
 * The variable name of a whole-string `${VAR}` placeholder, or undefined when `value` is not one.
 *
 * @example
 * ```ts
 * envPlaceholderName('${OPENAI_API_KEY}'); // 'OPENAI_API_KEY'
 * envPlaceholderName('sk-123');            // undefined
 * ```
 */
export function envPlaceholderName(value: string): string | undefined {
  return PLACEHOLDER.exec(value)?.[1];
}

/** `{ env: 'VAR' }`: a secret read from an environment variable when the plan runs. */
export const EnvRefSchema = z
  .object({
    /** Name of the environment variable. */
    env: z
      .string()
      .regex(ENV_VAR_NAME, { error: 'must be an environment variable name such as OPENAI_API_KEY' }),
  })
  .strict();
/** `{ env: 'VAR' }`. */
export type EnvRef = z.infer<typeof EnvRefSchema>;

/**
 * A reference to a secret, never the secret: a `${VAR}` placeholder or `{ env: 'VAR' }`. A literal
 * key is rejected (without echoing it) so plans can be stored, shared and committed safely.
 */
export const SecretRefSchema = z.union([z.string(), EnvRefSchema]).superRefine((value, ctx) => {
  if (typeof value !== 'string' || envPlaceholderName(value) !== undefined) return;
  const bare = BARE_VARIABLE.exec(value)?.[1];
  ctx.addIssue({
    code: 'custom',
    message: bare
      ? `write the placeholder with braces: '\${${bare}}'`
      : `must reference an environment variable, not contain the key itself: write '\${OPENAI_API_KEY}' or { env: 'OPENAI_API_KEY' }`,
  });
});
/** A `${VAR}` placeholder or `{ env: 'VAR' }`. */
export type SecretRef = z.infer<typeof SecretRefSchema>;

/** The environment variable a secret reference names. */
export function secretRefVariable(ref: SecretRef): string | undefined {
  return typeof ref === 'string' ? envPlaceholderName(ref) : ref.env;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * An http(s) endpoint, local ones included (`http://localhost:8000/v1`, `http://127.0.0.1:11434/v1`),
 * or a `${VAR}` placeholder resolved when the plan runs.
 */
export const BaseUrlSchema = z.string().superRefine((value, ctx) => {
  if (envPlaceholderName(value) !== undefined || isHttpUrl(value)) return;
  ctx.addIssue({
    code: 'custom',
    message: `"${value}" is not an http(s) URL: write e.g. http://localhost:8000/v1 or a \${VAR} placeholder`,
  });
});

/** Whether `value` is an http(s) URL with a host. */
export function isEndpointUrl(value: string): boolean {
  return isHttpUrl(value);
}
