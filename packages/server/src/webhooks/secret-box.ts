import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Keeps webhook secrets sealed at rest (F4, T16). They cannot be hashed like client secrets: the
 * Platform needs them in clear to compute each delivery's HMAC. AES-256-GCM with a key derived
 * (HKDF-SHA256) from the ID secret, which every process sharing the database already shares
 * (HDLD_ID_SECRET, or the data directory's key): a database dump or backup alone reveals no secret.
 * The provider id is the associated data, so a sealed value copied onto another provider's row
 * does not open.
 */
export type SecretBox = {
  seal(plaintext: string, context: string): string;
  /** Throws when the value was tampered with or sealed under another key. */
  open(sealed: string, context: string): string;
};

const VERSION = 'v1';

export function createSecretBox(masterSecret: string): SecretBox {
  const key = Buffer.from(hkdfSync('sha256', masterSecret, 'hdld', 'hdld/webhook-secret/v1', 32));
  return {
    seal(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv, ciphertext, cipher.getAuthTag()]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    open(sealed, context) {
      const [version, iv, ciphertext, tag] = sealed.split('.');
      if (version !== VERSION || !iv || ciphertext === undefined || !tag)
        throw new Error('not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
        .setAAD(Buffer.from(context, 'utf8'))
        .setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}
