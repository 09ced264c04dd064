import { decodePem } from '../cms/pem.js';
import { signerFromCryptoKey } from './crypto-key-signer.js';
import { importSigningKey } from './private-key-import.js';
import type { Signer } from './signer.js';

export interface PemSignerOptions {
  /** Unencrypted private key PEM (PKCS#8, PKCS#1 RSA or SEC1 EC). */
  privateKeyPem: string;
  /** One PEM text with the leaf certificate first, then intermediates (or one PEM text per certificate). */
  certificateChainPem: string | readonly string[];
}

export async function signerFromPem({
  privateKeyPem,
  certificateChainPem,
}: PemSignerOptions): Promise<Signer> {
  const texts = typeof certificateChainPem === 'string' ? [certificateChainPem] : certificateChainPem;
  const certificateChain = texts.flatMap((t) =>
    decodePem(t)
      .filter((b) => b.label === 'CERTIFICATE')
      .map((b) => b.der),
  );
  if (certificateChain.length === 0) throw new Error('No certificate found in the PEM chain');
  return signerFromCryptoKey({ privateKey: await importSigningKey(privateKeyPem), certificateChain });
}
