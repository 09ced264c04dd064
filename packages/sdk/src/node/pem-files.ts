import { readFile } from 'node:fs/promises';
import { signerFromPem } from '../documents/signing/pem-signer.js';
import type { Signer } from '../documents/signing/signer.js';

export interface PemFilesSignerOptions {
  /** Unencrypted private key PEM file (PKCS#8, PKCS#1 RSA or SEC1 EC). */
  privateKeyPath: string;
  /** PEM file with the signer certificate first, then intermediates. */
  certificateChainPath: string;
}

export async function signerFromPemFiles(options: PemFilesSignerOptions): Promise<Signer> {
  const [privateKeyPem, certificateChainPem] = await Promise.all([
    readFile(options.privateKeyPath, 'utf8'),
    readFile(options.certificateChainPath, 'utf8'),
  ]);
  return signerFromPem({ privateKeyPem, certificateChainPem });
}
