import { afterAll, describe, expect, it } from 'vitest';
import { sampleContractMainData } from '../../src/documents/pdf/sample-data.js';
import {
  createTestPki,
  issueContractPartyCertificates,
  issuePartyCertificate,
} from '../../src/testing/index.js';
import { runTool, scratchDir } from './external-tools.js';

// F8, N2: each contract is signed with certificates naming its own parties (Vietnamese CA profile UID).
describe('per-party test certificates', async () => {
  const pki = await createTestPki();
  const files = scratchDir();
  afterAll(files.cleanup);
  const subjectOf = (pem: string, name: string) =>
    runTool('openssl', [
      'x509',
      '-noout',
      '-subject',
      '-nameopt',
      'utf8,sep_comma_plus',
      '-in',
      files.write(name, pem),
    ]).stdout;

  it('names the employer by MST and the employee by CCCD from the main data, chained to the root', async () => {
    const mainData = sampleContractMainData(3);
    const { employer, employee } = await issueContractPartyCertificates(pki, mainData);
    expect(subjectOf(employer.certificatePem, 'employer.pem')).toContain(
      `UID=MST:${mainData.employer.taxCode}`,
    );
    expect(subjectOf(employee.certificatePem, 'employee.pem')).toContain(
      `UID=CCCD:${mainData.employee.identity.number}`,
    );
    const root = files.write('root.pem', pki.rootPem);
    const issuing = files.write('issuing.pem', pki.intermediate.certificatePem);
    const verify = runTool('openssl', [
      'verify',
      '-CAfile',
      root,
      '-untrusted',
      issuing,
      files.path('employee.pem'),
    ]);
    expect(verify.status).toBe(0);
  });

  it('names a passport holder by HC and a representative by personal ID plus the employer MST', async () => {
    const passport = await issuePartyCertificate(pki.intermediate, {
      party: 'EMPLOYEE',
      fullName: 'John Smith',
      identity: { type: 'PASSPORT', number: 'M12345678' },
    });
    expect(subjectOf(passport.certificatePem, 'passport.pem')).toContain('UID=HC:M12345678');
    const representative = await issuePartyCertificate(pki.intermediate, {
      party: 'EMPLOYER',
      name: 'Công ty TNHH Dệt may Thành Công Việt Nam',
      taxCode: '0201234567',
      representative: { fullName: 'Trần Quốc Hưng', identity: { type: 'CCCD', number: '001080012345' } },
    });
    const subject = subjectOf(representative.certificatePem, 'representative.pem');
    expect(subject).toContain('UID=CCCD:001080012345');
    expect(subject).toContain('UID=MST:0201234567');
  });

  it('issues each identity once (memoised)', async () => {
    const mainData = sampleContractMainData(3);
    const [first, second] = await Promise.all([
      issueContractPartyCertificates(pki, mainData),
      issueContractPartyCertificates(pki, mainData),
    ]);
    expect(second.employee).toBe(first.employee);
    expect(second.employer).toBe(first.employer);
  });
});
