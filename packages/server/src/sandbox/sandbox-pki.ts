import { join } from 'node:path';
import { encodePem, SAMPLE_EMPLOYERS, sampleContractMainData } from '@hdld/sdk/documents';
// The sandbox is the test environment (S2.4): test material is what it is meant to hand out.
import {
  createTestPki,
  encodeName,
  generateTestKeyPair,
  issueCertificate,
  type NameSpec,
} from '@hdld/sdk/testing';
import type { ContractMainData } from '@hdld/spec';
import { readOrCreateFile } from '../config/create-once-file.js';

type Employee = ContractMainData['employee'];

/** A key and its certificate chain (leaf first, then the issuing CA), as PEM. */
export type SandboxKeyPair = { certificate: string; chain: string; privateKey: string };
export type SandboxParty = SandboxKeyPair & {
  party: 'EMPLOYER' | 'EMPLOYEE';
  name: string;
  /** The VN-profile identifier the certificate carries: `MST:<tax code>`, `CCCD:<number>`, `HC:<passport>`. */
  uid: string;
};

/** The sandbox's own test PKI (S2.4, issue 13), kept in `<data dir>/sandbox-pki.json`. */
export type SandboxPki = {
  notice: string;
  root: string;
  ca: string;
  tsa: SandboxKeyPair;
  provider: SandboxKeyPair;
  parties: SandboxParty[];
};

export const SANDBOX_PKI_NOTICE =
  'TEST ONLY: the hdld sandbox test PKI; its keys are public and no production Platform trusts it / CHỈ ĐỂ THỬ NGHIỆM: khoá của môi trường thử nghiệm là công khai, không dùng cho môi trường thật';

/** The sample contracts whose employees the sandbox seeds and issues certificates for (`sampleContractMainData`). */
export const SANDBOX_SAMPLE_SEEDS = [1, 2, 3] as const;

/**
 * Loads the sandbox PKI of `dataDir`, creating it on first start: root, issuing CA, TSA, the provider's
 * certification certificate and one certificate per seeded party (the sample employers by MST, the sample
 * employees by CCCD/HC), so what the sandbox signs verifies against what it trusts. Never in production.
 */
export async function loadOrCreateSandboxPki(dataDir: string): Promise<SandboxPki> {
  const text = await readOrCreateFile(join(dataDir, 'sandbox-pki.json'), async () =>
    JSON.stringify(await generateSandboxPki(), null, 2),
  );
  return JSON.parse(text) as SandboxPki;
}

async function generateSandboxPki(): Promise<SandboxPki> {
  const pki = await createTestPki({ keyType: 'ECDSA-P256' });
  const pair = (identity: { certificatePem: string; chainPem: string; privateKeyPem: string }) => ({
    certificate: identity.certificatePem,
    chain: identity.chainPem,
    privateKey: identity.privateKeyPem,
  });
  const issue = async (name: NameSpec): Promise<SandboxKeyPair> => {
    const keys = await generateTestKeyPair('ECDSA-P256');
    const now = Date.now();
    const issued = await issueCertificate({
      subject: encodeName(name),
      publicKey: keys.publicKey,
      issuer: pki.intermediate.authority,
      serialNumber: randomSerial(),
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + 5 * 365 * DAY),
      keyUsage: ['digitalSignature', 'nonRepudiation'],
    });
    const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
    const certificate = encodePem('CERTIFICATE', issued.der);
    return {
      certificate,
      chain: certificate + pki.intermediate.certificatePem,
      privateKey: encodePem('PRIVATE KEY', pkcs8),
    };
  };
  const employers = SAMPLE_EMPLOYERS.map((e) => ({
    party: 'EMPLOYER' as const,
    name: e.name,
    uid: `MST:${e.taxCode}`,
  }));
  const employees = sandboxSampleEmployees().map((e) => ({
    party: 'EMPLOYEE' as const,
    name: e.fullName,
    uid: personalUid(e.identity),
  }));
  const parties = await Promise.all(
    [...employers, ...employees].map(async (party) => ({
      ...party,
      ...(await issue(
        party.party === 'EMPLOYER'
          ? { commonName: party.name, organization: party.name, serialNumber: party.uid }
          : { commonName: party.name, serialNumber: party.uid },
      )),
    })),
  );
  return {
    notice: SANDBOX_PKI_NOTICE,
    root: pki.rootPem,
    ca: pki.intermediate.certificatePem,
    tsa: pair(pki.tsa),
    provider: pair(pki.provider),
    parties,
  };
}

/** The employees of the sample contracts the sandbox seeds into its population registry. */
export function sandboxSampleEmployees(): Employee[] {
  return SANDBOX_SAMPLE_SEEDS.map((seed) => sampleContractMainData(seed).employee);
}

const PERSONAL_PREFIX = { CCCD: 'CCCD', CMND: 'CMND', PASSPORT: 'HC' } as const;
function personalUid(identity: Employee['identity']): string {
  return `${PERSONAL_PREFIX[identity.type]}:${identity.number}`;
}

const DAY = 86_400_000;
function randomSerial(): bigint {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);
}

/** What the sandbox trusts of its own PKI: the root, for every kind (F8). */
export function sandboxTrust(pki: SandboxPki) {
  return { ca: [pki.root], tsa: [pki.root], certification: [pki.root] };
}
