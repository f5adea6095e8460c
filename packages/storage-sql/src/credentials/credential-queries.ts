import {
  BenchHubError,
  type CredentialCipher,
  type CredentialInfo,
  type SealedCredential,
} from '@benchhub/core';
import type { SqlContext } from '../storage/sql-context.js';

const SEALED_FORMAT = 'v1';

/**
 * The text stored for a sealed secret: `v1.<iv>.<tag>.<ciphertext>`, each part base64url. Only the
 * ciphertext of the value is stored; its AES-256-GCM tag binds it to the credential's name.
 */
export function encodeSealed(sealed: SealedCredential): string {
  const parts = [sealed.iv, sealed.tag, sealed.ciphertext].map((part) => part.toString('base64url'));
  return [SEALED_FORMAT, ...parts].join('.');
}

/** Reads what {@link encodeSealed} wrote; throws a `BenchHubError` naming the credential otherwise. */
export function decodeSealed(text: string, name: string): SealedCredential {
  const parts = text.split('.');
  if (parts.length !== 4 || parts[0] !== SEALED_FORMAT) {
    throw new BenchHubError(`credential "${name}" is stored in an unknown format`);
  }
  const [, iv, tag, ciphertext] = parts as [string, string, string, string];
  return {
    iv: Buffer.from(iv, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
  };
}

function checkName(name: unknown, operation: string): string {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new BenchHubError(`${operation}: the credential name must be a non-empty string`);
  }
  return name;
}

/** The credential half of the SQL storage. */
export interface CredentialQueries {
  store(name: string, value: string): () => Promise<void>;
  get(name: string): () => Promise<string | undefined>;
  list(): Promise<CredentialInfo[]>;
  remove(name: string): () => Promise<boolean>;
}

/**
 * Creates the credential queries. `cipher` is `undefined` when the storage has no key that outlives it:
 * storing and reading secrets then reject with a message saying which option to pass, rather than sealing
 * them with a key that is lost at `close()`.
 */
export function createCredentialQueries(
  ctx: SqlContext,
  cipher: CredentialCipher | undefined,
  missingKeyHint: string,
): CredentialQueries {
  const { db, traits } = ctx;
  const usableCipher = (operation: string): CredentialCipher => {
    if (cipher === undefined) {
      throw new BenchHubError(`${operation}: this storage has no credential key: ${missingKeyHint}`);
    }
    return cipher;
  };

  return {
    store(name, value) {
      checkName(name, 'storeCredential');
      if (typeof value !== 'string') {
        throw new BenchHubError(`storeCredential: the value of "${name}" must be a string`);
      }
      const sealed = encodeSealed(usableCipher('storeCredential').seal(name, value));
      return async () => {
        await db
          .insertInto('credentials')
          .values({ name, sealed, created_at: traits.toTimestamp(ctx.now()) })
          .onConflict((oc) =>
            oc.column('name').doUpdateSet((eb) => ({
              sealed: eb.ref('excluded.sealed'),
              created_at: eb.ref('excluded.created_at'),
            })),
          )
          .execute();
      };
    },

    get(name) {
      checkName(name, 'getCredential');
      const open = usableCipher('getCredential');
      return async () => {
        const row = await db
          .selectFrom('credentials')
          .select('sealed')
          .where('name', '=', name)
          .executeTakeFirst();
        return row === undefined ? undefined : open.open(name, decodeSealed(row.sealed, name));
      };
    },

    async list() {
      const rows = await db
        .selectFrom('credentials')
        .select(['name', 'created_at'])
        .orderBy('name')
        .execute();
      return rows.map((row) => ({ name: row.name, createdAt: traits.fromTimestamp(row.created_at) }));
    },

    remove(name) {
      checkName(name, 'deleteCredential');
      return async () => {
        const outcome = await db.deleteFrom('credentials').where('name', '=', name).executeTakeFirst();
        return Number(outcome.numDeletedRows) > 0;
      };
    },
  };
}
