import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TrustAnchorConfig } from '../documents/verify/index.js';

/** The three kinds of trust anchors, each in its own folder of a trust directory (F8). */
export const TRUST_KINDS = ['ca', 'tsa', 'certification'] as const;
export type TrustKind = (typeof TRUST_KINDS)[number];
const CERTIFICATE_FILE = /\.(pem|crt|cer|der)$/i;

/**
 * Reads the Platform's trust layout, `<dir>/ca`, `<dir>/tsa`, `<dir>/certification`, each holding
 * PEM or DER certificates (a missing folder is an empty kind). The server (HDLD_TRUST_DIR) and
 * `hdld validate --trust-dir` read it with this one function, so both trust the same anchors.
 */
export async function readTrustDirectory(dir: string): Promise<Record<TrustKind, (Uint8Array | string)[]>> {
  const trust: Record<TrustKind, (Uint8Array | string)[]> = { ca: [], tsa: [], certification: [] };
  for (const kind of TRUST_KINDS) {
    const folder = join(dir, kind);
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names.filter((n) => CERTIFICATE_FILE.test(n)).sort()) {
      const bytes = new Uint8Array(await readFile(join(folder, name)));
      // PEM files are text for the verifier; anything else is DER.
      const pem = new TextDecoder().decode(bytes.subarray(0, 64)).includes('-----BEGIN');
      trust[kind].push(pem ? new TextDecoder().decode(bytes) : bytes);
    }
  }
  return trust satisfies TrustAnchorConfig;
}
