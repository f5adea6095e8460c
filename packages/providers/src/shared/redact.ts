const SECRET_PATTERNS: readonly RegExp[] = [
  /\b(sk|rk|pk)-(?:ant-|proj-|svcacct-)?[A-Za-z0-9_*-]{8,}/g,
  /\bhf_[A-Za-z0-9]{8,}/g,
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /("?(?:api[_-]?key|x-api-key|authorization|token)"?\s*[:=]\s*"?)[^"\s,}]{6,}/gi,
];

/**
 * Replaces anything that looks like an API key or bearer token with `[redacted]`, so vendor messages
 * and bodies can be logged and stored. Vendors echo part of a refused key in 401 messages.
 *
 * @example
 * ```ts
 * redactSecrets('Incorrect API key provided: sk-abc123def456'); // 'Incorrect API key provided: [redacted]'
 * ```
 */
export function redactSecrets(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) {
    out = out.replace(pattern, (_match, prefix: string | undefined) =>
      prefix !== undefined && /[:=]\s*"?$/.test(prefix) ? `${prefix}[redacted]` : '[redacted]',
    );
  }
  return out;
}
