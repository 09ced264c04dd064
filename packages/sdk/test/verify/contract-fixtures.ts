import { signPdf } from '@hdld/sdk/documents';
import {
  createSamplePdf,
  createTestPki,
  createTestTsa,
  type TestIdentity,
  type TestPki,
} from '@hdld/sdk/testing';
import type { VerifyOptions } from '../../src/documents/verify/index.js';

/** A test PKI, its TSA and trust configuration, shared by the verifier tests (N2, F8). */
export interface VerifyFixture {
  pki: TestPki;
  tsa: ReturnType<typeof createTestTsa>;
  options: VerifyOptions;
  /** Signs `pdf` as one more party (PAdES B-T unless `timestamp` is false). */
  sign(pdf: Uint8Array, who: TestIdentity, timestamp?: boolean): Promise<Uint8Array>;
  /** Employer then employee, both B-T: the clean two-party contract. */
  twoPartyContract(pages?: number): Promise<Uint8Array>;
}

let fixture: Promise<VerifyFixture> | undefined;

export function verifyFixture(): Promise<VerifyFixture> {
  fixture ??= build();
  return fixture;
}

async function build(): Promise<VerifyFixture> {
  const pki = await createTestPki();
  const tsa = createTestTsa({
    certificate: pki.tsa.certificate,
    intermediates: [pki.intermediate.certificate],
    key: pki.tsa.privateKey,
  });
  const options: VerifyOptions = {
    trust: { ca: [pki.root.certificate], tsa: [pki.root.certificate], certification: [pki.root.certificate] },
  };
  const sign = (pdf: Uint8Array, who: TestIdentity, timestamp = true) =>
    signPdf(pdf, who.signer, timestamp ? { tsa } : {});
  return {
    pki,
    tsa,
    options,
    sign,
    async twoPartyContract(pages = 1) {
      const pdf = await createSamplePdf({ pages });
      return sign(await sign(pdf, pki.employer), pki.employee);
    },
  };
}
