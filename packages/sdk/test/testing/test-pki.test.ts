import { afterAll, describe, expect, it } from 'vitest';
import { createTestPki, type TestIdentity } from '../../src/testing/index.js';
import { runTool, scratchDir } from './external-tools.js';

describe('createTestPki (RSA)', async () => {
  const pki = await createTestPki();
  const files = scratchDir();
  const root = files.write('root.pem', pki.rootPem);
  const issuing = files.write('issuing.pem', pki.intermediate.certificatePem);
  const crl = files.write('crl.pem', pki.crlPem);
  afterAll(files.cleanup);
  const verify = (identity: TestIdentity, ...extra: string[]) =>
    runTool('openssl', [
      'verify',
      '-CAfile',
      root,
      '-untrusted',
      issuing,
      ...extra,
      files.write(`${identity.serialNumber}.pem`, identity.certificatePem),
    ]);

  it('chains every party to the root (openssl verify)', () => {
    for (const party of [pki.employer, pki.employee, pki.provider, pki.organisation]) {
      expect(verify(party).status, party.name.commonName).toBe(0);
    }
  });

  it('marks the TSA certificate for time stamping only (critical EKU)', () => {
    const text = runTool('openssl', [
      'x509',
      '-noout',
      '-text',
      '-in',
      files.write('tsa.pem', pki.tsa.certificatePem),
    ]);
    expect(text.stdout).toMatch(/X509v3 Extended Key Usage: critical\s+Time Stamping/);
    expect(verify(pki.tsa, '-purpose', 'timestampsign').status).toBe(0);
  });

  it('writes Vietnamese names as UTF8String', () => {
    const dump = runTool('openssl', [
      'asn1parse',
      '-in',
      files.write('employee.pem', pki.employee.certificatePem),
    ]);
    expect(dump.stdout).toMatch(/UTF8STRING\s+:Nguyễn Thị Hương/);
    const subject = runTool('openssl', [
      'x509',
      '-noout',
      '-subject',
      '-nameopt',
      'utf8,sep_comma_plus',
      '-in',
      files.path('employee.pem'),
    ]);
    expect(subject.stdout).toContain('CN=Nguyễn Thị Hương');
  });

  it('rejects the expired certificate and, with the CRL, the revoked one', () => {
    expect(verify(pki.expired).stderr).toContain('certificate has expired');
    expect(verify(pki.revoked).status).toBe(0);
    const revoked = verify(pki.revoked, '-crl_check', '-CRLfile', crl);
    expect(revoked.stderr).toContain('certificate revoked');
    expect(verify(pki.employee, '-crl_check', '-CRLfile', crl).status).toBe(0);
  });

  it('chains hold the leaf then the issuing CA, never the root', () => {
    expect(pki.employer.chain).toEqual([pki.employer.certificate, pki.intermediate.certificate]);
    expect(pki.intermediate.chain).toEqual([pki.intermediate.certificate]);
  });
});

describe('createTestPki (ECDSA P-256)', async () => {
  const pki = await createTestPki({ keyType: 'ECDSA-P256' });

  it('issues P-256 certificates signed with ecdsa-with-SHA256', () => {
    const files = scratchDir();
    const text = runTool('openssl', [
      'x509',
      '-noout',
      '-text',
      '-in',
      files.write('e.pem', pki.employer.certificatePem),
    ]);
    expect(text.stdout).toContain('ASN1 OID: prime256v1');
    expect(text.stdout).toContain('Signature Algorithm: ecdsa-with-SHA256');
    const ok = runTool('openssl', [
      'verify',
      '-CAfile',
      files.write('root.pem', pki.rootPem),
      '-untrusted',
      files.write('issuing.pem', pki.intermediate.certificatePem),
      files.path('e.pem'),
    ]);
    expect(ok.status).toBe(0);
    files.cleanup();
  });
});
