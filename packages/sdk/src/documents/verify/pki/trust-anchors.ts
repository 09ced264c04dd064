import { decodePem } from '../../cms/pem.js';
import { type KnownCertificate, loadCertificate } from './known-certificate.js';

/**
 * A trust anchor as configured by the operator: DER bytes, PEM text (one or more CERTIFICATE blocks), or a
 * certificate with the SHA-256 fingerprint it must have (a guard against swapping the file behind the config).
 */
export type TrustAnchorInput = Uint8Array | string | { certificate: Uint8Array | string; sha256: string };

/** Trust anchors per service type: signer CAs, timestamp authorities, provider certification (F8). */
export interface TrustAnchorConfig {
  ca?: readonly TrustAnchorInput[];
  tsa?: readonly TrustAnchorInput[];
  certification?: readonly TrustAnchorInput[];
}

export type TrustService = keyof TrustAnchorConfig;

/** Anchors of one service, keyed by fingerprint: a chain is trusted only if it ends on one of these exact certificates. */
export type AnchorSet = ReadonlyMap<string, KnownCertificate>;

export class TrustConfigurationError extends Error {
  override readonly name = 'TrustConfigurationError';
}

const loaded = new WeakMap<readonly TrustAnchorInput[], Promise<AnchorSet>>();

/** Loads (once per configuration array) the anchors of one service. */
export function loadAnchors(inputs: readonly TrustAnchorInput[] = []): Promise<AnchorSet> {
  let anchors = loaded.get(inputs);
  if (!anchors) {
    anchors = readAnchors(inputs);
    loaded.set(inputs, anchors);
  }
  return anchors;
}

async function readAnchors(inputs: readonly TrustAnchorInput[]): Promise<AnchorSet> {
  const anchors = new Map<string, KnownCertificate>();
  for (const input of inputs) {
    const pinned = typeof input === 'object' && !(input instanceof Uint8Array) ? input : undefined;
    for (const der of toDerList(pinned ? pinned.certificate : (input as Uint8Array | string))) {
      const certificate = await loadCertificate(der);
      if (pinned && certificate.sha256 !== pinned.sha256.toLowerCase().replace(/[^0-9a-f]/g, '')) {
        throw new TrustConfigurationError(`Trust anchor fingerprint mismatch (expected ${pinned.sha256})`);
      }
      anchors.set(certificate.sha256, certificate);
    }
  }
  return anchors;
}

function toDerList(input: Uint8Array | string): Uint8Array[] {
  if (input instanceof Uint8Array) return [input];
  const blocks = decodePem(input).filter((b) => b.label === 'CERTIFICATE');
  if (blocks.length === 0) throw new TrustConfigurationError('No PEM CERTIFICATE block in trust anchor text');
  return blocks.map((b) => b.der);
}
