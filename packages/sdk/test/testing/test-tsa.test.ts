import { afterAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/documents/cms/bytes.js';
import { OID } from '../../src/documents/cms/oids.js';
import { readSignedData } from '../../src/documents/cms/signed-data-reader.js';
import {
  requestTimestampToken,
  timestampTokenFromResponse,
} from '../../src/documents/signing/timestamp-client.js';
import { encodeTimestampRequest } from '../../src/documents/signing/timestamp-request.js';
import { readTimestampToken } from '../../src/documents/signing/timestamp-token.js';
import { createTestPki, createTestTsa, TEST_TSA_POLICY } from '../../src/testing/index.js';
import { runTool, runToolBinary, scratchDir } from './external-tools.js';

describe('createTestTsa', async () => {
  const pki = await createTestPki();
  const fixedTime = new Date('2026-03-01T08:30:15.250Z');
  const tsa = createTestTsa({
    certificate: pki.tsa.certificate,
    intermediates: [pki.intermediate.certificate],
    key: pki.tsa.privateKey,
    clock: () => fixedTime,
  });
  const files = scratchDir();
  afterAll(files.cleanup);
  const data = new TextEncoder().encode('Hợp đồng lao động số 01/2026');

  it('answers an openssl-made request with a token that openssl ts -verify accepts', async () => {
    const query = runToolBinary('openssl', ['ts', '-query', '-sha256', '-cert'], data);
    const reply = await tsa.timestamp(query);
    const text = runTool('openssl', ['ts', '-reply', '-in', files.write('reply.tsr', reply), '-text']);
    expect(text.stdout).toContain('Status: Granted.');
    expect(text.stdout).toContain(`Policy OID: ${TEST_TSA_POLICY}`);
    expect(text.stdout).toContain('Accuracy: 0x01 seconds');
    expect(text.stdout).toContain('Time stamp: Mar  1 08:30:15.25 2026 GMT');
    const verified = runTool('openssl', [
      'ts',
      '-verify',
      '-in',
      files.path('reply.tsr'),
      '-data',
      files.write('data.bin', data),
      '-CAfile',
      files.write('root.pem', pki.rootPem),
      '-untrusted',
      files.write('tsa-chain.pem', pki.tsa.chainPem),
    ]);
    expect(verified.stdout + verified.stderr).toContain('Verification: OK');
  });

  it('echoes the nonce, counts serials up and signs ESSCertIDv2 + TSTInfo content type', async () => {
    const imprint = await sha256(data);
    const first = readTimestampToken(await requestTimestampToken(tsa, imprint));
    const tokenDer = await requestTimestampToken(tsa, imprint, {
      randomBytes: () => new Uint8Array(8).fill(0xab),
    });
    const second = readTimestampToken(tokenDer);
    expect(second.serialNumber).toBeGreaterThan(first.serialNumber);
    expect(second.nonce).toBe(0x2babababababababn);
    expect(second.genTime).toEqual(fixedTime);
    expect(second.accuracyMs).toBe(1000);
    const [signerInfo] = readSignedData(tokenDer).signerInfos;
    expect(signerInfo?.signedAttributeValues(OID.signingCertificateV2)).toHaveLength(1);
    expect(signerInfo?.signedAttributeValues(OID.signingTime)).toHaveLength(0);
  });

  it('leaves certificates out when certReq is false', async () => {
    const query = runToolBinary('openssl', ['ts', '-query', '-sha256', '-no_nonce'], data);
    const token = timestampTokenFromResponse(await tsa.timestamp(query));
    expect(readSignedData(token).certificates).toHaveLength(0);
    expect(readTimestampToken(token).nonce).toBeUndefined();
  });

  it('rejects malformed requests, unknown policies and unsupported hashes with RFC 3161 failure info', async () => {
    const garbage = await tsa.timestamp(new Uint8Array([1, 2, 3]));
    expect(() => timestampTokenFromResponse(garbage)).toThrow(/status 2: Malformed TimeStampReq/);
    const otherPolicy = encodeTimestampRequest(await sha256(data), new Uint8Array(8).fill(1), '1.2.3.4');
    await expect(tsa.timestamp(otherPolicy.der).then(timestampTokenFromResponse)).rejects.toThrow(
      /Policy 1.2.3.4/,
    );
    const sha1Query = runToolBinary('openssl', ['ts', '-query', '-sha1'], data);
    const text = runTool('openssl', [
      'ts',
      '-reply',
      '-in',
      files.write('sha1.tsr', await tsa.timestamp(sha1Query)),
      '-text',
    ]);
    expect(text.stdout).toContain('Status: Rejected');
    expect(text.stdout).toContain('unrecognized or unsupported algorithm identifier');
  });

  it('serves RFC 3161 over HTTP on 127.0.0.1', async () => {
    const server = await tsa.listen();
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      const token = await requestTimestampToken(server.url, await sha256(data));
      expect(readTimestampToken(token).genTime).toEqual(fixedTime);
      const wrongType = await fetch(server.url, {
        method: 'POST',
        body: 'x',
        headers: { 'content-type': 'text/plain' },
      });
      expect(wrongType.status).toBe(415);
    } finally {
      await server.close();
    }
  });
});
