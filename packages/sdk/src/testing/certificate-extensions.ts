import {
  contextConstructed,
  integer,
  objectIdentifier,
  octetString,
  sequence,
  tlv,
} from '../documents/cms/der.js';

export type KeyUsageBit =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'keyCertSign'
  | 'cRLSign';

const KEY_USAGE_BITS: Record<KeyUsageBit, number> = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  keyCertSign: 5,
  cRLSign: 6,
};

export function basicConstraints(ca: boolean, pathLength?: number): Uint8Array {
  if (!ca) return sequence();
  return sequence(
    Uint8Array.of(0x01, 0x01, 0xff),
    ...(pathLength === undefined ? [] : [integer(pathLength)]),
  );
}

/** KeyUsage BIT STRING with DER named-bit rules (trailing zero bits dropped). */
export function keyUsage(usages: readonly KeyUsageBit[]): Uint8Array {
  const bits = usages.map((u) => KEY_USAGE_BITS[u]);
  const highest = Math.max(...bits);
  const byte = bits.reduce((b, bit) => b | (0x80 >> bit), 0);
  return tlv(0x03, Uint8Array.of(7 - highest, byte));
}

export function extendedKeyUsage(purposes: readonly string[]): Uint8Array {
  return sequence(...purposes.map(objectIdentifier));
}

export function subjectKeyIdentifier(keyId: Uint8Array): Uint8Array {
  return octetString(keyId);
}

export function authorityKeyIdentifier(keyId: Uint8Array): Uint8Array {
  return sequence(tlv(0x80, keyId)); // [0] IMPLICIT KeyIdentifier
}

export function crlDistributionPoints(url: string): Uint8Array {
  const uri = tlv(0x86, new TextEncoder().encode(url)); // GeneralName uniformResourceIdentifier [6]
  return sequence(sequence(contextConstructed(0, contextConstructed(0, uri))));
}
