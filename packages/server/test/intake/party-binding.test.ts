import { issueContractPartyCertificates, issuePartyCertificate } from '@hdld/sdk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/databases.js';
import { type SandboxKit, startSandboxKit, waitForFinal } from '../support/sandbox-kit.js';

type Final = { status: string; failureClass?: string; errors: { code: string; detail: string }[] };

/** F8, N2 (Decree Art. 7.2.b, 8): each party signs with a certificate naming that party, on both engines. */
describe.each(engines)('signer-to-party binding on %s', (engine) => {
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

  it("refuses a contract the employer signed with another employer's certificate", async () => {
    const own = await issueContractPartyCertificates(kit.pki, (await kit.sample(40)).mainData);
    const intruder = await issuePartyCertificate(kit.pki.intermediate, {
      party: 'EMPLOYER',
      name: 'Công ty TNHH Không Liên Quan',
      taxCode: '0100000001',
    });
    const sample = await kit.sample(40, {
      providerReference: 'HD-BIND-EMPLOYER',
      signers: { employer: intruder, employee: own.employee },
    });
    const final = await submitAndWait(sample.submission, 'vi');
    expect(final).toMatchObject({ status: 'FAILED', failureClass: 'SIGNATURE' });
    expect(final.errors).toEqual([
      expect.objectContaining({
        code: 'SIGNATURE_PARTY_MISMATCH',
        detail: expect.stringContaining(
          'chữ ký 1 (của người sử dụng lao động): chứng thư CN=Công ty TNHH Không Liên Quan',
        ),
      }),
    ]);
  });

  it("refuses a contract the employee signed with someone else's certificate", async () => {
    const own = await issueContractPartyCertificates(kit.pki, (await kit.sample(41)).mainData);
    const sample = await kit.sample(41, {
      providerReference: 'HD-BIND-EMPLOYEE',
      signers: { employer: own.employer, employee: kit.pki.employee },
    });
    const final = await submitAndWait(sample.submission);
    expect(final).toMatchObject({ status: 'FAILED', failureClass: 'SIGNATURE' });
    expect(final.errors).toEqual([
      expect.objectContaining({
        code: 'SIGNATURE_PARTY_MISMATCH',
        detail: expect.stringContaining(
          "signature 2 (the employee's): the certificate CN=Nguyễn Thị Hương, UID=CCCD:",
        ),
      }),
    ]);
    expect(final.errors[0]!.detail).not.toContain('001190012345');
  });

  it('accepts a contract signed by its own parties', async () => {
    const sample = await kit.sample(42, { providerReference: 'HD-BIND-OWN' });
    const final = await submitAndWait(sample.submission);
    expect(final).toMatchObject({ status: 'SUCCEEDED' });
  });
});
