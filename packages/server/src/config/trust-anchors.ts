import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { VerifyOptions } from '@hdld/sdk/documents';

type Trust = VerifyOptions['trust'];
const SERVICES = ['ca', 'tsa', 'certification'] as const;

/**
 * Trust anchors per service type (F8): `<dir>/ca`, `<dir>/tsa`, `<dir>/certification`, each holding
 * PEM or DER certificates. The verifier pins each by the SHA-256 of its DER.
 */
export async function loadTrustDirectory(dir: string | undefined): Promise<Trust> {
  const trust: Record<(typeof SERVICES)[number], (Uint8Array | string)[]> = {
    ca: [],
    tsa: [],
    certification: [],
  };
  if (!dir) return trust;
  for (const service of SERVICES) {
    const folder = join(dir, service);
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names.filter((n) => /\.(pem|crt|cer|der)$/i.test(n)).sort()) {
      const bytes = new Uint8Array(await readFile(join(folder, name)));
      // PEM files are text for the verifier; anything else is DER.
      const pem = new TextDecoder().decode(bytes.subarray(0, 64)).includes('-----BEGIN');
      trust[service].push(pem ? new TextDecoder().decode(bytes) : bytes);
    }
  }
  return trust;
}
