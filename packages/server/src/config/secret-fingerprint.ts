import { createHmac } from 'node:crypto';
import type { Database } from '../storage/database.js';
import { ConfigError } from './config-error.js';

/** What is MACed: a fixed text, so the fingerprint reveals nothing about the secret (HMAC is a PRF). */
const PROBE = 'hdld secret fingerprint v1';

export function secretFingerprint(secret: string): string {
  return createHmac('sha256', secret).update(PROBE).digest('base64url');
}

/**
 * Records `secret`'s fingerprint under `name` on the first start of a database, and on every later
 * start refuses another secret (N3: another ID secret draws contract IDs from another permutation, so
 * IDs could repeat; the sealed webhook secrets would no longer open). `setting` names it in the error.
 */
export async function checkSecretFingerprint(
  db: Database,
  name: string,
  secret: string,
  setting: string,
): Promise<void> {
  const fingerprint = secretFingerprint(secret);
  await db.query(
    'INSERT INTO secret_fingerprints (name, fingerprint) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING',
    [name, fingerprint],
  );
  const { rows } = await db.query<{ fingerprint: string }>(
    'SELECT fingerprint FROM secret_fingerprints WHERE name = $1',
    [name],
  );
  if (rows[0]?.fingerprint !== fingerprint) {
    throw new ConfigError(setting, {
      en: 'differs from the secret this database was started with (its stored fingerprint does not match); start with the original secret',
      vi: 'khác với bí mật cơ sở dữ liệu này đã dùng khi khởi động lần đầu (dấu vân tay lưu trữ không khớp); hãy dùng bí mật ban đầu',
    });
  }
}
