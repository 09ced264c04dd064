import { afterAll, describe, expect, it } from 'vitest';
import { signerFromCryptoKey } from '../../src/documents/signing/crypto-key-signer.js';
import { signerFromPem } from '../../src/documents/signing/pem-signer.js';
import { importSigningKey } from '../../src/documents/signing/private-key-import.js';
import { createRemoteSigner } from '../../src/documents/signing/remote-signer.js';
import { signPdf } from '../../src/documents/signing/sign-pdf.js';
import type { Signer } from '../../src/documents/signing/signer.js';
import { signerFromPemFiles, signerFromPkcs12File } from '../../src/node/index.js';
import { createSamplePdf, createTestPki, createTestTsa, type TestKeyType } from '../../src/testing/index.js';
import { createNssTrustStore, runTool, runToolBinary, scratchDir } from '../testing/external-tools.js';

const files = scratchDir();
afterAll(files.cleanup);

describe.each<TestKeyType>(['RSA', 'ECDSA-P256'])(
  'every Signer kind signs a B-T PDF that pdfsig trusts (%s)',
  async (keyType) => {
    const pki = await createTestPki({ keyType });
    const tsa = createTestTsa({ certificate: pki.tsa.certificate, key: pki.tsa.privateKey });
    const dir = files.path(keyType);
    runTool('mkdir', ['-p', dir]);
    const nssDir = createNssTrustStore(dir, pki.rootPem);
    const party = pki.employee;
    const keyFile = files.write(`${keyType}/key.pem`, party.privateKeyPem);
    const chainFile = files.write(`${keyType}/chain.pem`, party.chainPem);
    const unsigned = await createSamplePdf();

    const expectTrusted = async (signer: Signer, label: string) => {
      expect(signer.algorithm).toBe(keyType === 'RSA' ? 'RSASSA-PKCS1-v1_5' : 'ECDSA-P256');
      const pdf = await signPdf(unsigned, signer, { tsa });
      const report = runTool('pdfsig', ['-nssdir', nssDir, files.write(`${keyType}/${label}.pdf`, pdf)]);
      expect(report.stdout).toContain('Signature Validation: Signature is Valid.');
      expect(report.stdout).toContain('Certificate Validation: Certificate is Trusted.');
    };

    it('PEM key (PKCS#8) + PEM chain', async () => {
      await expectTrusted(
        await signerFromPem({ privateKeyPem: party.privateKeyPem, certificateChainPem: party.chainPem }),
        'pem',
      );
    });

    it('PEM key in the traditional format (PKCS#1 RSA / SEC1 EC), read from files', async () => {
      const traditional = runToolBinary('openssl', ['pkey', '-in', keyFile, '-traditional']);
      const text = new TextDecoder().decode(traditional);
      expect(text).toContain(keyType === 'RSA' ? 'BEGIN RSA PRIVATE KEY' : 'BEGIN EC PRIVATE KEY');
      const traditionalFile = files.write(`${keyType}/traditional.pem`, traditional);
      await expectTrusted(
        await signerFromPemFiles({ privateKeyPath: traditionalFile, certificateChainPath: chainFile }),
        'pem-files',
      );
    });

    it('non-extractable WebCrypto CryptoKey', async () => {
      const privateKey = await importSigningKey(party.pkcs8);
      expect(privateKey.extractable).toBe(false);
      await expectTrusted(signerFromCryptoKey({ privateKey, certificateChain: party.chain }), 'crypto-key');
    });

    it('remote/HSM callback that only ever receives the 32-byte digest (openssl pkeyutl as the HSM)', async () => {
      const seen: Uint8Array[] = [];
      const signer = createRemoteSigner({
        certificateChain: party.chain,
        algorithm: keyType === 'RSA' ? 'RSASSA-PKCS1-v1_5' : 'ECDSA-P256',
        signDigest: async (digest) => {
          seen.push(digest);
          return runToolBinary(
            'openssl',
            ['pkeyutl', '-sign', '-inkey', keyFile, '-pkeyopt', 'digest:sha256'],
            digest,
          );
        },
      });
      await expectTrusted(signer, 'remote');
      expect(seen.map((d) => d.byteLength)).toEqual([32]);
    });

    it('PKCS#12 file made by openssl pkcs12 -export (AES-256 / PBKDF2 defaults)', async () => {
      const p12 = files.path(`${keyType}/party.p12`);
      const made = runTool('openssl', [
        'pkcs12',
        '-export',
        '-inkey',
        keyFile,
        '-in',
        files.write(`${keyType}/leaf.pem`, party.certificatePem),
        '-certfile',
        files.write(`${keyType}/ca.pem`, pki.intermediate.certificatePem + pki.rootPem),
        '-passout',
        'pass:mật-khẩu-thử',
        '-out',
        p12,
      ]);
      expect(made.status).toBe(0);
      const signer = await signerFromPkcs12File(p12, 'mật-khẩu-thử');
      expect(signer.certificateChain).toEqual([
        party.certificate,
        pki.intermediate.certificate,
        pki.root.certificate,
      ]);
      await expectTrusted(signer, 'p12');
      await expect(signerFromPkcs12File(p12, 'wrong')).rejects.toThrow(/wrong password/);
    });
  },
);
