import { signPdf } from '@hdld/sdk/documents';
import { createSamplePdf, createTestPki, createTestTsa, type TestPki } from '@hdld/sdk/testing';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseCertificate } from '../../src/documents/verify/asn1/certificate.js';
import type { CryptoProvider } from '../../src/documents/verify/crypto/crypto-provider.js';
import { nodeCryptoProvider } from '../../src/documents/verify/crypto/node-crypto.js';
import { rangeDigests } from '../../src/documents/verify/crypto/range-digests.js';
import {
  cryptoProvider,
  digest,
  digestOf,
  useCryptoProvider,
  verifySignature,
} from '../../src/documents/verify/crypto/verify-crypto.js';
import { webCryptoProvider } from '../../src/documents/verify/crypto/web-crypto.js';
import { type PdfVerificationResult, verifyPdf } from '../../src/documents/verify/index.js';
import type { ByteRange } from '../../src/documents/verify/pdf/signature-dictionaries.js';
import { type VerifyFixture, verifyFixture } from './contract-fixtures.js';
import { flipByte } from './tamper.js';

/**
 * In Node the verifier uses node:crypto's synchronous calls; browsers have only WebCrypto. Both providers must
 * reach the same verdict on every file (the core stays WebCrypto-only capable: issue 3).
 */
const node = nodeCryptoProvider()!;
const web = webCryptoProvider();
const original = cryptoProvider();
afterEach(() => {
  useCryptoProvider(original);
});

let f: VerifyFixture;
let ecdsa: { pki: TestPki; pdf: Uint8Array };

beforeAll(async () => {
  f = await verifyFixture();
  const pki = await createTestPki({ keyType: 'ECDSA-P256' });
  const tsa = createTestTsa({
    certificate: pki.tsa.certificate,
    intermediates: [pki.intermediate.certificate],
    key: pki.tsa.privateKey,
  });
  const signed = await signPdf(await createSamplePdf(), pki.employer.signer, { tsa });
  ecdsa = { pki, pdf: await signPdf(signed, pki.employee.signer, { tsa }) };
});

const outcome = (r: PdfVerificationResult) => ({
  indication: r.indication,
  codes: r.signatures.map((s) => s.findings.map((x) => x.code)),
  signers: r.signatures.map((s) => s.signer?.sha256),
});

async function withProvider(provider: CryptoProvider, run: () => Promise<PdfVerificationResult>) {
  useCryptoProvider(provider);
  try {
    return outcome(await run());
  } finally {
    useCryptoProvider(original);
  }
}

describe('node:crypto and WebCrypto providers agree', () => {
  it('node:crypto is the default in Node', () => {
    expect(original.name).toBe('node:crypto');
    expect(node.forkableHash).toBeTypeOf('function');
    expect(web.forkableHash).toBeUndefined();
  });

  it('on RSA and ECDSA contracts, clean and tampered', async () => {
    const clean = await f.twoPartyContract();
    const ecdsaOptions = {
      trust: { ca: [ecdsa.pki.root.certificate], tsa: [ecdsa.pki.root.certificate] },
      requireTimestamp: true,
    };
    const cases: [Uint8Array, Parameters<typeof verifyPdf>[1]][] = [
      [clean, { ...f.options, requireTimestamp: true }],
      [flipByte(clean, 300), f.options],
      [flipByte(clean, clean.byteLength - 40), f.options],
      [ecdsa.pdf, ecdsaOptions],
      [flipByte(ecdsa.pdf, 500), ecdsaOptions],
      [ecdsa.pdf, f.options], // untrusted root
    ];
    for (const [pdf, options] of cases) {
      const viaNode = await withProvider(node, () => verifyPdf(pdf, options));
      const viaWeb = await withProvider(web, () => verifyPdf(pdf, options));
      expect(viaWeb).toEqual(viaNode);
    }
    expect((await withProvider(node, () => verifyPdf(ecdsa.pdf, ecdsaOptions))).indication).toBe(
      'TOTAL_PASSED',
    );
  });

  it('on malformed signatures and keys that do not fit the algorithm', async () => {
    const rsa = parseCertificate(f.pki.intermediate.certificate);
    const ec = parseCertificate(ecdsa.pki.intermediate.certificate);
    const leaf = parseCertificate(f.pki.employer.certificate);
    const ecLeaf = parseCertificate(ecdsa.pki.employer.certificate);
    const input = (issuer: typeof rsa, child: typeof leaf, signature = child.signature) => ({
      spki: issuer.spki,
      ...(issuer.namedCurve ? { curveOid: issuer.namedCurve } : {}),
      algorithm: child.signatureAlgorithm,
      signature,
      data: child.tbs,
    });
    const settle = async (provider: CryptoProvider, i: ReturnType<typeof input>) => {
      useCryptoProvider(provider);
      return verifySignature(i).then(
        (valid) => (valid ? 'valid' : 'invalid'),
        () => 'rejected',
      );
    };
    const inputs = [
      input(rsa, leaf),
      input(rsa, leaf, leaf.signature.subarray(1)),
      input(rsa, leaf, new Uint8Array(0)),
      input(ec, ecLeaf),
      input(ec, ecLeaf, ecLeaf.signature.subarray(0, 10)),
      input(ec, leaf), // RSA algorithm with an EC key
      input(rsa, ecLeaf), // ECDSA algorithm with an RSA key
    ];
    const expected = ['valid', 'invalid', 'invalid', 'valid', 'invalid', 'rejected', 'rejected'];
    for (const provider of [node, web]) {
      const results = [];
      for (const i of inputs) results.push(await settle(provider, i));
      expect(results).toEqual(expected);
    }
  });
});

describe('property: ByteRange digests hashed together equal each range hashed alone', () => {
  it('for nested ranges as incremental signing produces them', async () => {
    const file = new Uint8Array(4096).map((_, i) => (i * 31 + 7) & 0xff);
    const range = fc
      .tuple(fc.nat({ max: 4000 }), fc.nat({ max: 64 }), fc.nat({ max: 4096 }))
      .map(([firstLength, gap, second]): ByteRange => {
        const gapEnd = Math.min(4096, firstLength + gap);
        return [0, firstLength, gapEnd, Math.min(second, 4096 - gapEnd)];
      });
    await fc.assert(
      fc.asyncProperty(fc.array(range, { minLength: 1, maxLength: 4 }), async (ranges) => {
        const content = rangeDigests(file, ranges);
        for (const r of ranges) {
          const parts = [file.subarray(0, r[1]), file.subarray(r[2], r[2] + r[3])];
          expect(await digestOf(content(r), 'SHA-256')).toEqual(await digest('SHA-256', parts));
        }
      }),
      { numRuns: 200 },
    );
  });
});
