import { deflateSync } from 'node:zlib';
import { createSamplePdf } from '@hdld/sdk/testing';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { contextConstructed, integer, objectIdentifier, sequence, tlv } from '../../src/documents/cms/der.js';
import { buildCertificationEvidence } from '../../src/documents/evidence/build-certification-evidence.js';
import { ContractPdfError } from '../../src/documents/pdf/contract-pdf-error.js';
import { MAX_EMBEDDED_FILE_BYTES, readEmbeddedFile } from '../../src/documents/pdf/embedded-file-reader.js';
import { extractMainData, extractMainDataFast } from '../../src/documents/pdf/extract-main-data.js';
import { MAIN_DATA_FILE_NAME } from '../../src/documents/pdf/main-data-attachment.js';
import { parseCertificate } from '../../src/documents/verify/asn1/certificate.js';
import { parseCrl } from '../../src/documents/verify/asn1/crl.js';
import { DerError, encodingOf } from '../../src/documents/verify/asn1/der-reader.js';
import { parseSignedData } from '../../src/documents/verify/asn1/signed-data.js';
import { parseTimestampToken } from '../../src/documents/verify/asn1/tst-info.js';
import { verifyEvidence, verifyPdf } from '../../src/documents/verify/index.js';
import { MAX_OBJECT_STREAM_BYTES } from '../../src/documents/verify/pdf/object-lookup.js';
import { changesAfter } from '../../src/documents/verify/pdf/revision-changes.js';
import { findSignatureDictionaries } from '../../src/documents/verify/pdf/signature-dictionaries.js';
import { type VerifyFixture, verifyFixture } from '../verify/contract-fixtures.js';
import {
  lastSignatureCms,
  mutatedDer,
  mutatedPdf,
  mutatedSignatureContents,
  nestedDer,
} from './byte-mutations.js';

/**
 * Parser fuzzing on mutated real files (issue 15, N2, F8): bit flips, truncation, inserted and deleted
 * bytes, length fields set huge, deep nesting. Every parser of untrusted bytes either gives its result
 * (a report with findings, a parsed value, `undefined`) or throws its one documented error type
 * (DerError for the DER readers, ContractPdfError for the main data); it never throws anything else,
 * never recurses out of stack and never waits forever (each run has a deadline: a hang fails the run).
 */

const RUNS = Number(process.env.HDLD_PARSER_FUZZ_RUNS ?? 150);
/** Far above a normal run (milliseconds): a run that reaches it is a hang, not a slow machine. */
const RUN_DEADLINE_MS = 20_000;
const settings = { numRuns: RUNS, timeout: RUN_DEADLINE_MS, markInterruptAsFailure: true } as const;

let f: VerifyFixture;
let signedPdf: Uint8Array;
let unsignedPdf: Uint8Array;
let cms: Uint8Array;
let timestampToken: Uint8Array;
let evidence: Uint8Array;

const TIMESTAMP_TOKEN_OID = '1.2.840.113549.1.9.16.2.14';

beforeAll(async () => {
  f = await verifyFixture();
  signedPdf = await f.twoPartyContract();
  unsignedPdf = await createSamplePdf();
  cms = lastSignatureCms(signedPdf);
  const attribute = parseSignedData(cms).signerInfos[0]!.unsignedAttributes.find(
    (a) => a.oid === TIMESTAMP_TOKEN_OID,
  );
  timestampToken = encodingOf(attribute!.values[0]!);
  evidence = await buildCertificationEvidence(
    {
      version: 1,
      provider: { id: 'prov-econtract-demo', name: 'Công ty Cổ phần Hợp Đồng Số Việt' },
      providerReference: 'HD-2026-000123',
      issuedAt: '2026-03-02T08:10:00+07:00',
      documents: [{ name: 'HD.pdf', role: 'CONTRACT', sha256: 'a'.repeat(64), size: 1 }],
      signers: [
        {
          party: 'EMPLOYEE',
          fullName: 'Nguyễn Thị Hương',
          certificateSha256: 'b'.repeat(64),
          authenticationMethod: 'OTP_SMS',
          authenticatedAt: '2026-03-02T07:59:40+07:00',
          signedAt: '2026-03-02T08:01:12+07:00',
        },
      ],
      events: [{ at: '2026-03-02T08:01:12+07:00', type: 'SIGNED', actor: 'Nguyễn Thị Hương' }],
    },
    f.pki.provider.signer,
    { tsa: f.tsa },
  );
});

/** Runs `parse`; returns normally when it succeeded or threw `allowed`, rethrows anything else. */
function onlyThrows(allowed: new (...args: never[]) => Error, parse: () => unknown): void {
  try {
    parse();
  } catch (error) {
    if (!(error instanceof allowed)) throw error;
  }
}

describe('DER readers on mutated CMS, certificates, timestamp tokens and CRLs (N2)', () => {
  it('parseSignedData returns or throws DerError for a mutated PAdES signature', () => {
    fc.assert(
      fc.property(
        fc.oneof(mutatedDer(cms), mutatedDer(evidence)),
        (der) => void onlyThrows(DerError, () => parseSignedData(der)),
      ),
      settings,
    );
  });

  it('parseTimestampToken returns or throws DerError for a mutated RFC 3161 token', () => {
    fc.assert(
      fc.property(
        mutatedDer(timestampToken),
        (der) => void onlyThrows(DerError, () => parseTimestampToken(der)),
      ),
      settings,
    );
  });

  it('parseCertificate and parseCrl return or throw DerError for mutated inputs', () => {
    fc.assert(
      fc.property(mutatedDer(f.pki.employee.certificate), mutatedDer(f.pki.crl), (certificate, crl) => {
        onlyThrows(DerError, () => parseCertificate(certificate));
        onlyThrows(DerError, () => parseCrl(crl));
      }),
      settings,
    );
  });

  it('nesting far deeper than any real file is refused with DerError, not a stack overflow', () => {
    for (const tag of [0x30, 0x31, 0x24, 0xa0]) {
      const bomb = nestedDer(200_000, tag);
      for (const parse of [parseSignedData, parseCertificate, parseCrl, parseTimestampToken])
        expect(() => parse(bomb)).toThrow(DerError);
    }
  });
});

describe('verifyPdf and verifyEvidence on mutated files: a report, never an exception (N2, F8)', () => {
  it('a mutated signed PDF gives a report that does not pass', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedPdf(signedPdf), async (pdf) => {
        const report = await verifyPdf(pdf, f.options);
        expect(report.kind).toBe('pdf');
        if (report.indication === 'TOTAL_PASSED') expect(pdf).toEqual(signedPdf);
      }),
      settings,
    );
  });

  it('a signed PDF whose /Contents holds a mutated CMS gives a failing report', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedSignatureContents(signedPdf, cms), async (pdf) => {
        const report = await verifyPdf(pdf, f.options);
        expect(report.signatures.length).toBeGreaterThan(0);
      }),
      settings,
    );
  });

  it('mutated certification evidence gives a report', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedDer(evidence), async (der) => {
        const report = await verifyEvidence(der, { ...f.options, documents: [] });
        expect(report.kind).toBe('evidence');
      }),
      settings,
    );
  });
});

describe('the xref and embedded-file readers on mutated PDFs (T9)', () => {
  it('readEmbeddedFile gives the bytes or undefined, never more than its cap, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedPdf(unsignedPdf), mutatedPdf(signedPdf)), async (pdf) => {
        const bytes = await readEmbeddedFile(pdf, MAIN_DATA_FILE_NAME);
        if (bytes) expect(bytes.byteLength).toBeLessThanOrEqual(MAX_EMBEDDED_FILE_BYTES);
      }),
      settings,
    );
  });

  it('extractMainDataFast and extractMainData return the main data or throw ContractPdfError', async () => {
    const onlyContractPdfError = (error: unknown) => {
      if (!(error instanceof ContractPdfError)) throw error;
    };
    await fc.assert(
      fc.asyncProperty(mutatedPdf(unsignedPdf), async (pdf) => {
        await extractMainDataFast(pdf).catch(onlyContractPdfError);
        await extractMainData(pdf).catch(onlyContractPdfError);
      }),
      { ...settings, numRuns: Math.ceil(RUNS / 3) },
    );
  });
});

describe('hostile structures the random mutations rarely build (regressions, issue 15)', () => {
  const pdfText = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));
  /** A revision that ends at `boundary`, then an update that changes the catalog (object 1). */
  const catalogUpdateAfter = (before: string | Uint8Array) => {
    const head = typeof before === 'string' ? pdfText(before) : before;
    const tail = pdfText('\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /OpenAction 9 0 R >>\nendobj\n%%EOF\n');
    const pdf = new Uint8Array(head.byteLength + tail.byteLength);
    pdf.set(head);
    pdf.set(tail, head.byteLength);
    return { pdf, boundary: head.byteLength };
  };
  const objectStream = (dictionary: string, data: Uint8Array) =>
    Buffer.concat([
      pdfText(`%PDF-1.7\n5 0 obj\n<< /Type /ObjStm ${dictionary} /Length ${data.byteLength} >>\nstream\n`),
      data,
      pdfText('\nendstream\nendobj\ntrailer\n<< /Size 10 >>\n%%EOF'),
    ]);

  it('an object stream claiming 10^11 objects is read as the pairs it holds', async () => {
    const { pdf, boundary } = catalogUpdateAfter(
      objectStream('/N 99999999999 /First 4', pdfText('1 0 << /Type /Catalog /Pages 2 0 R >>')),
    );
    expect(await changesAfter(pdf, boundary)).toEqual([{ objectNumber: 1, kind: 'catalog-modified' }]);
  });

  it('an object stream that inflates to 64 MiB is refused, not expanded', async () => {
    const bomb = deflateSync(new Uint8Array(64 * 1024 * 1024));
    const { pdf, boundary } = catalogUpdateAfter(objectStream('/N 1 /First 4 /Filter /FlateDecode', bomb));
    expect(MAX_OBJECT_STREAM_BYTES).toBeLessThan(64 * 1024 * 1024);
    expect(await changesAfter(pdf, boundary)).toEqual([{ objectNumber: 1, kind: 'catalog-modified' }]);
  });

  it('a file full of the word "stream" and no "obj" is scanned once, not once per word', async () => {
    const { pdf, boundary } = catalogUpdateAfter(
      `%PDF-1.7\n${'stream '.repeat(400_000)}\ntrailer << /Size 10 >>\n%%EOF`,
    );
    expect(await changesAfter(pdf, boundary)).toEqual([{ objectNumber: 1, kind: 'catalog-modified' }]);
  });

  it('thousands of /ByteRange entries pointing at one /Contents are refused as PDF_MALFORMED', async () => {
    const text = new TextDecoder('latin1').decode(signedPdf);
    const at = text.lastIndexOf('/ByteRange');
    const repeated = `${text.slice(at, text.indexOf(']', at) + 1)} `.repeat(5_000);
    const pdf = pdfText(text.slice(0, at) + repeated + text.slice(at));
    const report = await verifyPdf(pdf, f.options);
    expect(report.findings.map((x) => x.code)).toContain('PDF_MALFORMED');
    expect(report.signatures).toEqual([]);
    expect(findSignatureDictionaries(signedPdf)?.length).toBe(2);
  });

  it('evidence whose content is a 100,000-deep chunked OCTET STRING, or missing, is EVIDENCE_INVALID', async () => {
    const signedData = (content: Uint8Array[]) =>
      sequence(
        objectIdentifier('1.2.840.113549.1.7.2'),
        contextConstructed(
          0,
          sequence(
            integer(1),
            tlv(0x31),
            sequence(objectIdentifier('1.2.840.113549.1.7.1'), contextConstructed(0, ...content)),
          ),
        ),
      );
    for (const der of [signedData([nestedDer(100_000, 0x24)]), signedData([])]) {
      expect(() => parseSignedData(der)).toThrow(DerError);
      const report = await verifyEvidence(der, { ...f.options, documents: [] });
      expect(report.findings.map((x) => x.code)).toEqual(['EVIDENCE_INVALID']);
    }
  });
});
