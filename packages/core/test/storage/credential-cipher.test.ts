import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BenchHubError } from '../../src/errors/benchhub-error.js';
import { createCredentialCipher } from '../../src/storage/credential-cipher.js';

describe('createCredentialCipher', () => {
  it('encrypts with AES-256-GCM: the ciphertext hides the value and a fresh nonce changes it', () => {
    const cipher = createCredentialCipher();
    const value = 'sk-proj-abcdefghijklmnopqrstuvwxyz';
    const a = cipher.seal('openai', value);
    const b = cipher.seal('openai', value);
    expect(a.iv).toHaveLength(12);
    expect(a.tag).toHaveLength(16);
    expect(a.ciphertext.toString('utf8')).not.toContain('sk-proj');
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
    expect(cipher.open('openai', a)).toBe(value);
    expect(cipher.open('openai', b)).toBe(value);
  });

  it('round-trips non-ASCII and empty values', () => {
    const cipher = createCredentialCipher();
    for (const value of ['', '키-🔑', 'x'.repeat(10_000)]) {
      expect(cipher.open('k', cipher.seal('k', value))).toBe(value);
    }
  });

  it('binds a sealed value to its name, its key and its bytes', () => {
    const key = randomBytes(32);
    const cipher = createCredentialCipher(key);
    const sealed = cipher.seal('openai', 'secret');
    expect(() => cipher.open('anthropic', sealed)).toThrow(/cannot be decrypted/);
    expect(() => createCredentialCipher(randomBytes(32)).open('openai', sealed)).toThrow(BenchHubError);
    expect(createCredentialCipher(key).open('openai', sealed)).toBe('secret');
    const flipped = Buffer.from(sealed.ciphertext);
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => cipher.open('openai', { ...sealed, ciphertext: flipped })).toThrow(/tampered/);
  });

  it('refuses a key that is not 32 bytes, and copies the key it is given', () => {
    expect(() => createCredentialCipher(new Uint8Array(16))).toThrow(/32 bytes.*got 16 bytes/);
    expect(() => createCredentialCipher('k'.repeat(32) as unknown as Uint8Array)).toThrow(/got string/);
    const key = randomBytes(32);
    const copy = Buffer.from(key);
    const cipher = createCredentialCipher(key);
    cipher.destroy();
    expect(key.equals(copy)).toBe(true);
    expect(() => cipher.seal('a', 'b')).toThrow(/destroyed/);
  });
});
