import { OID } from '../documents/cms/oids.js';
import { encodePem } from '../documents/cms/pem.js';
import { signerFromCryptoKey } from '../documents/signing/crypto-key-signer.js';
import type { Signer } from '../documents/signing/signer.js';
import type { KeyUsageBit } from './certificate-extensions.js';
import {
  type CertificateAuthorityKey,
  generateTestKeyPair,
  issueCertificate,
  type TestKeyType,
} from './certificate-factory.js';
import { issueCrl } from './crl.js';
import { encodeName, type NameSpec } from './distinguished-name.js';

export interface TestPkiOptions {
  /** Default 'RSA'. */
  keyType?: TestKeyType;
  /** RSA key size for every key; default 2048 (fast). Use 4096 to exercise large chains and placeholders. */
  rsaModulusLength?: 2048 | 3072 | 4096;
  /** Reference time for validity periods and the CRL; default now. */
  now?: Date;
  /** Adds a CRL distribution point with this URL to the end-entity certificates. */
  crlUrl?: string;
}

/** A test certificate holder: key, certificate, chain and a ready Signer. Never use outside tests. */
export interface TestIdentity {
  name: NameSpec;
  certificate: Uint8Array;
  serialNumber: bigint;
  selfSigned: boolean;
  privateKey: CryptoKey;
  /** PKCS#8 DER of the private key. */
  pkcs8: Uint8Array;
  /** Leaf first, then the issuing CA (no root): what a signer embeds. */
  chain: Uint8Array[];
  certificatePem: string;
  privateKeyPem: string;
  chainPem: string;
  signer: Signer;
  /** The authority view, for issuing further certificates or CRLs with this identity. */
  authority: CertificateAuthorityKey;
}

export interface TestPki {
  keyType: TestKeyType;
  root: TestIdentity;
  /** Issuing CA of all end-entity certificates and signer of the CRL. */
  intermediate: TestIdentity;
  /** An employer certificate (UID `MST:0312345678`); contracts are signed with `issueContractPartyCertificates`. */
  employer: TestIdentity;
  /** An employee certificate (UID `CCCD:001190012345`). */
  employee: TestIdentity;
  /** The eContract provider's certification certificate (certification evidence, N2/T8). */
  provider: TestIdentity;
  /** The converting organisation's seal certificate (paper conversion, Art. 9.2). */
  organisation: TestIdentity;
  /** Timestamping unit: extended key usage id-kp-timeStamping, critical (RFC 3161 2.3). */
  tsa: TestIdentity;
  /** An employee certificate whose validity ended a year ago. */
  expired: TestIdentity;
  /** An employee certificate listed on `crl`. */
  revoked: TestIdentity;
  crl: Uint8Array;
  crlPem: string;
  rootPem: string;
}

export const SIGNING_USAGE: KeyUsageBit[] = ['digitalSignature', 'nonRepudiation'];
const DAY = 86_400_000;
const YEAR = 365 * DAY;

const cache = new Map<string, Promise<TestPki>>();

/**
 * Generates a complete offline test PKI (root -> issuing CA -> parties, TSA, expired and revoked variants, CRL)
 * with Vietnamese names. Memoised per options, so a test file generates it once.
 */
export function createTestPki(options: TestPkiOptions = {}): Promise<TestPki> {
  const key = JSON.stringify({ ...options, now: options.now?.toISOString() });
  let pki = cache.get(key);
  if (!pki) {
    pki = generateTestPki(options);
    cache.set(key, pki);
    pki.catch(() => cache.delete(key));
  }
  return pki;
}

async function generateTestPki(options: TestPkiOptions): Promise<TestPki> {
  const keyType = options.keyType ?? 'RSA';
  const now = options.now ?? new Date();
  const at = (offset: number) => new Date(now.getTime() + offset);
  const keys = await Promise.all(
    Array.from({ length: 9 }, () => generateTestKeyPair(keyType, options.rsaModulusLength ?? 2048)),
  );
  const nextKey = () => keys.pop()!;

  const root = await createIdentity({
    name: { commonName: 'HĐLĐ Test Root CA', organization: 'Bộ Nội vụ (môi trường thử nghiệm)' },
    keys: nextKey(),
    validity: [at(-DAY), at(20 * YEAR)],
    ca: { pathLength: 1 },
    keyUsage: ['keyCertSign', 'cRLSign'],
  });
  const intermediate = await createIdentity({
    name: { commonName: 'HĐLĐ Test Issuing CA', organization: 'Bộ Nội vụ (môi trường thử nghiệm)' },
    keys: nextKey(),
    issuer: root,
    validity: [at(-DAY), at(10 * YEAR)],
    ca: { pathLength: 0 },
    keyUsage: ['keyCertSign', 'cRLSign'],
  });
  const leaf = (name: NameSpec, extra: Partial<IdentitySpec> = {}) =>
    createIdentity({
      name,
      keys: nextKey(),
      issuer: intermediate,
      validity: [at(-DAY), at(5 * YEAR)],
      keyUsage: SIGNING_USAGE,
      crlUrl: options.crlUrl,
      ...extra,
    });

  const [employer, employee, provider, organisation, tsa, expired, revoked] = await Promise.all([
    leaf({
      commonName: 'Công ty TNHH Dệt May Sài Gòn',
      organization: 'Công ty TNHH Dệt May Sài Gòn',
      locality: 'Thành phố Hồ Chí Minh',
      userIds: ['MST:0312345678'],
    }),
    leaf({ commonName: 'Nguyễn Thị Hương', locality: 'Hà Nội', userIds: ['CCCD:001190012345'] }),
    leaf({
      commonName: 'Công ty Cổ phần Hợp Đồng Số Việt',
      organization: 'Công ty Cổ phần Hợp Đồng Số Việt',
    }),
    leaf({
      commonName: 'Trung tâm Số hoá Tài liệu Đà Nẵng',
      organization: 'Trung tâm Số hoá Tài liệu Đà Nẵng',
    }),
    leaf(
      { commonName: 'HĐLĐ Test TSA', organization: 'Bộ Nội vụ (môi trường thử nghiệm)' },
      { extendedKeyUsage: { purposes: [OID.kpTimeStamping], critical: true }, crlUrl: undefined },
    ),
    leaf({ commonName: 'Trần Văn Hết Hạn', locality: 'Hải Phòng' }, { validity: [at(-3 * YEAR), at(-YEAR)] }),
    leaf({ commonName: 'Lê Văn Thu Hồi', locality: 'Cần Thơ' }),
  ]);
  const crl = await issueCrl({
    issuer: intermediate.authority,
    revoked: [{ serialNumber: revoked.serialNumber, revokedAt: at(-DAY / 2) }],
    thisUpdate: at(-DAY / 4),
    nextUpdate: at(7 * DAY),
  });
  return {
    keyType,
    root,
    intermediate,
    employer,
    employee,
    provider,
    organisation,
    tsa,
    expired,
    revoked,
    crl,
    crlPem: encodePem('X509 CRL', crl),
    rootPem: root.certificatePem,
  };
}

/** What a test certificate is made of: used by createTestPki and the per-party certificates. */
export interface IdentitySpec {
  name: NameSpec;
  keys: CryptoKeyPair;
  issuer?: TestIdentity;
  validity: [Date, Date];
  ca?: { pathLength?: number };
  keyUsage: KeyUsageBit[];
  extendedKeyUsage?: { purposes: readonly string[]; critical: boolean };
  crlUrl?: string | undefined;
}

export async function createIdentity(spec: IdentitySpec): Promise<TestIdentity> {
  const subject = encodeName(spec.name);
  const serialNumber = randomSerial();
  const issued = await issueCertificate({
    subject,
    publicKey: spec.keys.publicKey,
    issuer: spec.issuer?.authority,
    selfSignKey: spec.keys.privateKey,
    serialNumber,
    notBefore: spec.validity[0],
    notAfter: spec.validity[1],
    ca: spec.ca,
    keyUsage: spec.keyUsage,
    extendedKeyUsage: spec.extendedKeyUsage,
    crlUrl: spec.crlUrl,
  });
  // The chain a signer embeds stops below the root: relying parties bring their own trust anchor.
  const chain = [issued.der, ...(spec.issuer && !spec.issuer.selfSigned ? spec.issuer.chain : [])];
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', spec.keys.privateKey));
  return {
    name: spec.name,
    certificate: issued.der,
    serialNumber,
    selfSigned: !spec.issuer,
    privateKey: spec.keys.privateKey,
    pkcs8,
    chain,
    certificatePem: encodePem('CERTIFICATE', issued.der),
    privateKeyPem: encodePem('PRIVATE KEY', pkcs8),
    chainPem: chain.map((c) => encodePem('CERTIFICATE', c)).join(''),
    signer: signerFromCryptoKey({ privateKey: spec.keys.privateKey, certificateChain: chain }),
    authority: { name: subject, keyId: issued.keyId, privateKey: spec.keys.privateKey },
  };
}

function randomSerial(): bigint {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);
}
