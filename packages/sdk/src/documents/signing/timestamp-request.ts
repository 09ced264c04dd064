import {
  algorithmIdentifier,
  integerFromUnsigned,
  objectIdentifier,
  octetString,
  sequence,
} from '../cms/der.js';
import { OID } from '../cms/oids.js';

export interface TimestampRequest {
  der: Uint8Array;
  nonce: bigint;
}

/**
 * RFC 3161 TimeStampReq for a SHA-256 imprint, with certReq=true (the TSA's certificate must travel with the
 * token for long-term checks) and a positive 64-bit nonce.
 */
export function encodeTimestampRequest(
  sha256Imprint: Uint8Array,
  nonceBytes: Uint8Array,
  policy?: string,
): TimestampRequest {
  if (sha256Imprint.byteLength !== 32) throw new Error('Timestamp imprint must be a SHA-256 digest');
  const magnitude = nonceBytes.slice(0, 8);
  magnitude[0] = (magnitude[0] ?? 0) & 0x7f; // keep the nonce positive without relying on INTEGER padding
  if (magnitude.every((b) => b === 0)) magnitude[magnitude.length - 1] = 1;
  const nonce = magnitude.reduce((n, b) => (n << 8n) | BigInt(b), 0n);
  const der = sequence(
    Uint8Array.of(0x02, 0x01, 0x01), // version 1
    sequence(algorithmIdentifier(OID.sha256), octetString(sha256Imprint)),
    ...(policy ? [objectIdentifier(policy)] : []),
    integerFromUnsigned(magnitude),
    Uint8Array.of(0x01, 0x01, 0xff), // certReq TRUE
  );
  return { der, nonce };
}
