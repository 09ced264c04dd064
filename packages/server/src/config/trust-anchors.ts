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
  const trust: { ca: Uint8Array[]; tsa: Uint8Array[]; certification: Uint8Array[] } = {
    ca: [],
    tsa: [],
    certification: [],
  };
  if (!dir) return trust;
  for (const service of SERVICES) {
    const folder = join(dir, service);
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names.filter((n) => /\.(pem|crt|cer|der)$/i.test(n)).sort()) {
      trust[service].push(new Uint8Array(await readFile(join(folder, name))));
    }
  }
  return trust;
}
