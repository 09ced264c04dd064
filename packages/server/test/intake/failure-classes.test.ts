import { buildContractPdf, signPdf } from '@hdld/sdk/documents';
import { loadContractFonts } from '@hdld/sdk/node';
import { createTestTsa, issueContractPartyCertificates } from '@hdld/sdk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/databases.js';
import { type SandboxKit, startSandboxKit, waitForFinal } from '../support/sandbox-kit.js';

type Final = {
  status: string;
  failureClass?: string;
  errors: { code: string; pointer?: string; detail: string }[];
};

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/**
 * Issue 4 / T9, T10: each failure class of the catalog, produced by a crafted bad input and
 * returned with its code and location, on both storage engines.
 */
describe.each(engines)('failure classes on %s', (engine) => {
  let kit: SandboxKit;
  beforeAll(async () => {
    kit = await startSandboxKit(engine);
  });
  afterAll(async () => kit?.close());

  const submitAndWait = async (body: unknown, lang?: string): Promise<Final> => {
    const response = await kit.api('/v1/contracts', { body });
    expect(response.status).toBe(202);
    const { transactionId } = (await response.json()) as { transactionId: string };
    await waitForFinal(kit, transactionId);
    const read = await kit.api(`/v1/transactions/${transactionId}`, {
      headers: lang ? { 'accept-language': lang } : {},
    });
    return (await read.json()) as Final;
  };

  it('FORMAT: a schema violation is refused at once with JSON pointers, nothing stored', async () => {
    const sample = await kit.sample(10);
    const body = {
      ...sample.submission,
      mainData: { ...sample.mainData, employee: { ...sample.mainData.employee, sex: 'X' } },
    };
    const response = await kit.api('/v1/contracts', { body });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { code: string; errors: { pointer: string }[] };
    expect(problem.code).toBe('REQUEST_INVALID');
    expect(problem.errors.map((e) => e.pointer)).toContain('/mainData/employee/sex');
    const lookup = await kit.api(`/v1/transactions/by-reference/${sample.submission.providerReference}`);
    expect(lookup.status).toBe(404);
  });

  it('BUSINESS: a fixed term over 36 months fails with LABOR_TERM_INVALID at the field, in Vietnamese on request', async () => {
    const sample = await kit.sample(11);
    const term = { type: 'FIXED_TERM' as const, startDate: '2026-01-01', endDate: '2030-01-01' };
    const final = await submitAndWait({ ...sample.submission, mainData: { ...sample.mainData, term } }, 'vi');
    expect(final).toMatchObject({ status: 'FAILED', failureClass: 'BUSINESS' });
    expect(final.errors[0]).toMatchObject({ code: 'LABOR_TERM_INVALID', pointer: '/mainData/term/endDate' });
    expect(final.errors[0]!.detail).toContain('tối đa 36 tháng');
  });

  it('BUSINESS: an employee unknown to the population registry fails with IDENTITY_NOT_FOUND', async () => {
    const sample = await kit.sample(12);
    const employee = {
      ...sample.mainData.employee,
      identity: { type: 'CCCD' as const, number: '001099000000' },
    };
    const final = await submitAndWait({ ...sample.submission, mainData: { ...sample.mainData, employee } });
    expect(final).toMatchObject({ status: 'FAILED', failureClass: 'BUSINESS' });
    expect(final.errors.map((e) => e.code)).toContain('IDENTITY_NOT_FOUND');
  });

  it('BUSINESS: main data that differs from the data embedded in the signed PDF fails with MAIN_DATA_MISMATCH', async () => {
    const sample = await kit.sample(13);
    const pay = { ...sample.mainData.pay, salary: sample.mainData.pay.salary + 1 };
    const final = await submitAndWait({ ...sample.submission, mainData: { ...sample.mainData, pay } });
    expect(final).toMatchObject({ status: 'FAILED', failureClass: 'BUSINESS' });
    expect(final.errors[0]!.code).toBe('MAIN_DATA_MISMATCH');
  });

  it('FILE: a document that is not a PDF fails with PDF_MALFORMED', async () => {
    const sample = await kit.sample(14);
    const documents = [
      { ...sample.submission.documents[0]!, contentBase64: base64(new TextEncoder().encode('not a pdf')) },
    ];
    const final = await submitAndWait({ ...sample.submission, documents });
    expect(final).toMatchObject({ status: 'FAILED', failureClass: 'FILE' });
    expect(final.errors[0]!.code).toBe('PDF_MALFORMED');
  });

  it('SIGNATURE: a byte changed inside a signed range fails with a signature code', async () => {
    const sample = await kit.sample(15);
    const tampered = sample.pdf.slice();
    tampered[400] = tampered[400]! ^ 0x01; // inside the first signed range, in the page content
    const resigned = await kit.sample(15, { providerReference: 'HD-TAMPERED-15', signedPdf: tampered });
    const final = await submitAndWait(resigned.submission);
    expect(final).toMatchObject({ status: 'FAILED', failureClass: 'SIGNATURE' });
    expect(final.errors[0]!.code).toMatch(/^SIGNATURE_/);
  });

  it('SIGNATURE: a contract signed by the employer only fails with SIGNATURE_PARTY_MISSING', async () => {
    const sample = await kit.sample(16);
    const tsaService = createTestTsa({
      certificate: kit.pki.tsa.certificate,
      intermediates: [kit.pki.intermediate.certificate],
      key: kit.pki.tsa.privateKey,
    });
    const built = await buildContractPdf(sample.mainData, { fonts: await loadContractFonts() });
    const { employer } = await issueContractPartyCertificates(kit.pki, sample.mainData);
    const oneParty = await signPdf(built.pdf, employer.signer, {
      tsa: { timestamp: (r) => tsaService.timestamp(r) },
    });
    const resubmitted = await kit.sample(16, { providerReference: 'HD-ONE-PARTY-16', signedPdf: oneParty });
    const final = await submitAndWait(resubmitted.submission);
    expect(final).toMatchObject({ status: 'FAILED', failureClass: 'SIGNATURE' });
    expect(final.errors[0]!.code).toBe('SIGNATURE_PARTY_MISSING');
  });

  it('SIGNATURE: evidence that does not list the submitted document fails with EVIDENCE_DOCUMENT_MISMATCH', async () => {
    const a = await kit.sample(17);
    const b = await kit.sample(18, { providerReference: a.submission.providerReference });
    const final = await submitAndWait({ ...a.submission, evidence: b.submission.evidence });
    expect(final).toMatchObject({ status: 'FAILED', failureClass: 'SIGNATURE' });
    expect(final.errors[0]!.code).toBe('EVIDENCE_DOCUMENT_MISMATCH');
  });
});
