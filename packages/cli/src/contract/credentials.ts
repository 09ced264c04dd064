import { extname } from 'node:path';
import type { Signer } from '@hdld/sdk/documents';
import { UsageError } from '../output/errors.js';

/**
 * A signing credential on the command line: `file.p12` (or .pfx), whose password is read from
 * HDLD_P12_PASSWORD_<NAME> or HDLD_P12_PASSWORD (never from a flag: it would land in shell history),
 * or `key.pem+chain.pem` (unencrypted PKCS#8/PKCS#1/SEC1 key, certificate chain leaf first).
 */
export async function loadSigner(credential: string, name: string, env: NodeJS.ProcessEnv): Promise<Signer> {
  const ext = extname(credential).toLowerCase();
  if (ext === '.p12' || ext === '.pfx') {
    const password = env[`HDLD_P12_PASSWORD_${name.toUpperCase()}`] ?? env.HDLD_P12_PASSWORD;
    if (password === undefined) {
      throw new UsageError(`${credential}: set HDLD_P12_PASSWORD_${name.toUpperCase()} or HDLD_P12_PASSWORD`);
    }
    const { signerFromPkcs12File } = await import('@hdld/sdk/node');
    return signerFromPkcs12File(credential, password);
  }
  const [privateKeyPath, certificateChainPath] = credential.split('+');
  if (!privateKeyPath || !certificateChainPath) {
    throw new UsageError(`${credential}: expected FILE.p12 or KEY.pem+CERT.pem`);
  }
  const { signerFromPemFiles } = await import('@hdld/sdk/node');
  return signerFromPemFiles({ privateKeyPath, certificateChainPath });
}

export type PartySpec = { party: 'EMPLOYER' | 'EMPLOYEE'; credential: string };

/** `employer=acme.p12` or `employee=key.pem+cert.pem`, in signing order. */
export function parsePartySpec(value: string, previous: PartySpec[] = []): PartySpec[] {
  const at = value.indexOf('=');
  const party = value.slice(0, at).toUpperCase();
  if (at < 0 || (party !== 'EMPLOYER' && party !== 'EMPLOYEE')) {
    throw new UsageError(`--signer ${value}: expected employer=CREDENTIAL or employee=CREDENTIAL`);
  }
  return [...previous, { party, credential: value.slice(at + 1) }];
}
