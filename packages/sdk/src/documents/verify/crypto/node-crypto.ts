import type * as NodeCrypto from 'node:crypto';
import type { Hash, KeyObject } from 'node:crypto';
import type { HashName } from '../asn1/algorithm-oids.js';
import { type CryptoProvider, type ForkableHash, KeyCache } from './crypto-provider.js';
import type { SignatureScheme } from './signature-scheme.js';

const HASH: Record<HashName, string> = {
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

function forkable(hash: Hash): ForkableHash {
  return {
    update: (bytes) => void hash.update(bytes),
    fork: () => forkable(hash.copy()),
    digest: () => hash.digest(),
  };
}

/** The key types each scheme accepts, as WebCrypto's importKey would (an EC key never verifies "RSA"). */
function checkKeyFits(key: KeyObject, scheme: SignatureScheme): void {
  const type = key.asymmetricKeyType;
  const fits =
    scheme.kind === 'ECDSA'
      ? type === 'ec' && key.asymmetricKeyDetails?.namedCurve === scheme.curve.openSsl
      : type === 'rsa' || (scheme.kind === 'RSA-PSS' && type === 'rsa-pss');
  if (!fits) throw new Error(`The certificate key does not fit ${scheme.kind}`);
}

/**
 * node:crypto, reached without a static import so that browser bundles of the core never see it
 * (process.getBuiltinModule: Node >= 20.16, the SDK's engines floor is 20.19). Undefined elsewhere.
 */
export function nodeCryptoProvider(): CryptoProvider | undefined {
  const crypto = (
    globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
  ).process?.getBuiltinModule?.('node:crypto') as typeof NodeCrypto | undefined;
  if (!crypto?.createHash || !crypto.verify) return undefined;
  const keys = new KeyCache<KeyObject>();
  return {
    name: 'node:crypto',
    digest(hash, parts) {
      const state = crypto.createHash(HASH[hash]);
      for (const part of parts) state.update(part);
      return state.digest();
    },
    forkableHash: (hash) => forkable(crypto.createHash(HASH[hash])),
    verify(scheme, spki, signature, data) {
      const id = scheme.kind === 'ECDSA' ? scheme.curve.name : scheme.kind;
      const key = keys.get(spki, id, () => {
        const imported = crypto.createPublicKey({ key: spki as Buffer, format: 'der', type: 'spki' });
        checkKeyFits(imported, scheme);
        return imported;
      });
      const hash = HASH[scheme.hash];
      if (scheme.kind === 'ECDSA')
        return crypto.verify(hash, data, { key, dsaEncoding: 'ieee-p1363' }, signature);
      if (scheme.kind === 'RSA-PSS') {
        const padding = crypto.constants.RSA_PKCS1_PSS_PADDING;
        return crypto.verify(hash, data, { key, padding, saltLength: scheme.saltLength }, signature);
      }
      return crypto.verify(hash, data, key, signature);
    },
  };
}
