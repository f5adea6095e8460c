import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { BenchHubError } from '../errors/benchhub-error.js';

/** Bytes of an AES-256 key. */
export const CREDENTIAL_KEY_BYTES = 32;

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A secret as stored: AES-256-GCM ciphertext with its nonce and authentication tag. */
export interface SealedCredential {
  /** 12-byte random nonce, fresh for every encryption. */
  readonly iv: Buffer;
  /** The encrypted UTF-8 value. */
  readonly ciphertext: Buffer;
  /** 16-byte GCM authentication tag. */
  readonly tag: Buffer;
}

/** Encrypts and decrypts credential values with one key; the key never leaves the closure. */
export interface CredentialCipher {
  /** Encrypts `value`, bound to `name` (a sealed value moved to another name fails to open). */
  seal(name: string, value: string): SealedCredential;
  /** Decrypts a sealed value stored under `name`; throws a `BenchHubError` when it was tampered with. */
  open(name: string, sealed: SealedCredential): string;
  /** Overwrites the key with zeros; the cipher is unusable afterwards. */
  destroy(): void;
}

/**
 * Creates an AES-256-GCM cipher for credentials at rest. `key` must be 32 bytes; a random key is
 * generated when it is absent (secrets then live as long as the instance). The key is copied, so the
 * caller's buffer is never zeroed.
 *
 * @example
 * ```ts
 * const cipher = createCredentialCipher();
 * const sealed = cipher.seal('openai', 'sk-...');
 * cipher.open('openai', sealed); // 'sk-...'
 * ```
 */
export function createCredentialCipher(key?: Uint8Array): CredentialCipher {
  if (key !== undefined && (!(key instanceof Uint8Array) || key.byteLength !== CREDENTIAL_KEY_BYTES)) {
    const got = key instanceof Uint8Array ? `${key.byteLength} bytes` : typeof key;
    throw new BenchHubError(`credentialKey must be ${CREDENTIAL_KEY_BYTES} bytes (AES-256), got ${got}`);
  }
  const secret = key === undefined ? randomBytes(CREDENTIAL_KEY_BYTES) : Buffer.from(key);
  let destroyed = false;
  const usable = (): Buffer => {
    if (destroyed) throw new BenchHubError('credential cipher was destroyed (storage closed)');
    return secret;
  };

  return {
    seal(name, value) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', usable(), iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(name, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      return { iv, ciphertext, tag: cipher.getAuthTag() };
    },
    open(name, sealed) {
      const decipher = createDecipheriv('aes-256-gcm', usable(), sealed.iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(name, 'utf8'));
      decipher.setAuthTag(sealed.tag);
      try {
        return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new BenchHubError(`credential "${name}" cannot be decrypted: wrong key or tampered data`, {
          cause,
        });
      }
    },
    destroy() {
      secret.fill(0);
      destroyed = true;
    },
  };
}
