import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { TrustAnchorConfig } from '@hdld/sdk/documents';

/**
 * Trust anchors of `validate` and `doctor`: `--trust FILE` (repeatable) or the profile's default set.
 * Each file (PEM with one or more certificates, or DER) is trusted for signer CAs, timestamp
 * authorities and the provider certification alike, as the sandbox's single test root is.
 */
export async function loadTrustFiles(
  files: readonly string[],
): Promise<{ config: TrustAnchorConfig; certificates: X509Certificate[] }> {
  const inputs: (Uint8Array | string)[] = [];
  const certificates: X509Certificate[] = [];
  for (const file of files) {
    const bytes = await readFile(file);
    const text = bytes.toString('latin1');
    if (text.includes('-----BEGIN CERTIFICATE-----')) {
      inputs.push(bytes.toString('utf8'));
      for (const block of text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []) {
        certificates.push(new X509Certificate(block));
      }
    } else {
      inputs.push(new Uint8Array(bytes));
      certificates.push(new X509Certificate(bytes));
    }
  }
  return { config: { ca: inputs, tsa: inputs, certification: inputs }, certificates };
}
