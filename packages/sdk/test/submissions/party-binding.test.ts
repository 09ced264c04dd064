import type { ContractMainData } from '@hdld/spec';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatVerificationReport, signPdf } from '../../src/documents/index.js';
import { validateLocally } from '../../src/index.js';
import {
  createSamplePdf,
  createTestTsa,
  issueContractPartyCertificates,
  issuePartyCertificate,
  type TestIdentity,
} from '../../src/testing/index.js';
import { type ContractFactory, contractFactory } from './support/signed-submissions.js';

// F8, N2 (Decree Art. 7.2.b, 8): each party's signature must be made with a certificate naming that party.
let factory: ContractFactory;
let tsa: ReturnType<typeof createTestTsa>;
beforeAll(async () => {
  factory = await contractFactory();
  const { pki } = factory;
  tsa = createTestTsa({
    certificate: pki.tsa.certificate,
    intermediates: [pki.intermediate.certificate],
    key: pki.tsa.privateKey,
  });
});

async function signedBy(employer: TestIdentity, employee: TestIdentity): Promise<Uint8Array> {
  const unsigned = await createSamplePdf({ title: 'HD party binding', useObjectStreams: false });
  const byEmployer = await signPdf(unsigned, employer.signer, { tsa, fieldName: 'EmployerSignature' });
  return signPdf(byEmployer, employee.signer, { tsa, fieldName: 'EmployeeSignature' });
}

const check = (pdf: Uint8Array, mainData: ContractMainData, lang: 'en' | 'vi' = 'en') =>
  validateLocally({ pdf, mainData, trust: factory.trust, lang });

describe('signer-to-party binding (F8, N2)', () => {
  it('accepts each party signing with its own certificate and reports which party signed', async () => {
    const mainData = factory.mainDataFor(21);
    const own = await issueContractPartyCertificates(factory.pki, mainData);
    const result = await check(await signedBy(own.employer, own.employee), mainData);
    expect(result.errors).toEqual([]);
    expect(result.signatures.signatures.map((s) => s.party)).toEqual(['EMPLOYER', 'EMPLOYEE']);
    expect(result.signatures.signatures[0]?.signer?.subjectUserIds).toEqual([
      `MST:${mainData.employer.taxCode}`,
    ]);
    expect(formatVerificationReport(result.signatures, 'vi')).toContain('Bên ký: người lao động');
  });

  it('refuses an employer signature made with another employer’s certificate', async () => {
    const mainData = factory.mainDataFor(22);
    const own = await issueContractPartyCertificates(factory.pki, mainData);
    const otherEmployer = factory.mainDataFor(23);
    otherEmployer.employer = { ...otherEmployer.employer, taxCode: '0109999999' };
    const foreign = await issueContractPartyCertificates(factory.pki, otherEmployer);
    const pdf = await signedBy(foreign.employer, own.employee);
    const result = await check(pdf, mainData);
    expect(result).toMatchObject({ ok: false, failureClass: 'SIGNATURE' });
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'SIGNATURE_PARTY_MISMATCH',
        detail: expect.stringMatching(/signature 1 \(the employer's\).*UID=MST:0109999999.*MST:/),
      }),
    ]);
    expect(result.signatures.signatures[0]).toMatchObject({
      party: 'EMPLOYER',
      code: 'SIGNATURE_PARTY_MISMATCH',
    });
    const vi = await check(pdf, mainData, 'vi');
    expect(vi.errors[0]?.detail).toContain('chữ ký 1 (của người sử dụng lao động)');
  });

  it('refuses an employee signature made with someone else’s certificate, masking the ID number', async () => {
    const mainData = factory.mainDataFor(24);
    const own = await issueContractPartyCertificates(factory.pki, mainData);
    const result = await check(await signedBy(own.employer, factory.pki.employee), mainData);
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'SIGNATURE_PARTY_MISMATCH',
        detail: expect.stringContaining('signature 2 (the employee'),
      }),
    ]);
    const detail = result.errors[0]!.detail!;
    expect(detail).toContain('CN=Nguyễn Thị Hương, UID=CCCD:*********345');
    expect(detail).not.toContain('001190012345');
    expect(detail).not.toContain(mainData.employee.identity.number);
  });

  it('refuses a party certificate without any identifier', async () => {
    const mainData = factory.mainDataFor(25);
    const own = await issueContractPartyCertificates(factory.pki, mainData);
    const result = await check(await signedBy(factory.pki.provider, own.employee), mainData);
    expect(result.errors.map((e) => e.code)).toEqual(['SIGNATURE_PARTY_MISMATCH']);
  });

  it('accepts a passport holder signing with an HC: certificate, and a representative’s personal one', async () => {
    const mainData = factory.mainDataFor(26);
    mainData.employee = {
      ...mainData.employee,
      identity: { type: 'PASSPORT', number: 'B1234567' },
      nationality: 'KR',
    };
    const passport = await issueContractPartyCertificates(factory.pki, mainData);
    const representative = await issuePartyCertificate(factory.pki.intermediate, {
      party: 'EMPLOYER',
      name: mainData.employer.name,
      taxCode: mainData.employer.taxCode!,
      representative: {
        fullName: mainData.employer.representative.fullName,
        identity: { type: 'CCCD', number: '079080001234' },
      },
    });
    const result = await check(await signedBy(representative, passport.employee), mainData);
    expect(result.errors).toEqual([]);
    expect(passport.employee.name.userIds).toEqual(['HC:B1234567']);
  });
});
