import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { sha256 } from '../documents/cms/bytes.js';
import { generalizedTime, integer, objectIdentifier, sequence, tlv } from '../documents/cms/der.js';
import { ensureCryptoEngine } from '../documents/cms/engine.js';
import { OID } from '../documents/cms/oids.js';
import { buildSignedData } from '../documents/cms/signed-data.js';
import { signerFromCryptoKey } from '../documents/signing/crypto-key-signer.js';
import type { TimestampFunction } from '../documents/signing/timestamp-client.js';

export interface TestTsaOptions {
  /** DER certificate of the TSA (must carry EKU id-kp-timeStamping, critical). */
  certificate: Uint8Array;
  /** Intermediate CA certificates sent along with the TSA certificate when certReq is set. */
  intermediates?: readonly Uint8Array[];
  key: CryptoKey;
  /** Source of genTime; inject a fixed clock for reproducible tokens. Default: current time. */
  clock?: () => Date;
  /** TSA policy OID written in every TSTInfo. */
  policy?: string;
}

export interface TestTsa extends TimestampFunction {
  /** Serves RFC 3161 over HTTP (POST application/timestamp-query) on 127.0.0.1. */
  listen(port?: number): Promise<{ url: string; close(): Promise<void> }>;
}

/** id-TEST-certPolicyOne (RFC 7229): an OID reserved for tests, so no real TSA policy is impersonated. */
export const TEST_TSA_POLICY = '1.3.6.1.5.5.7.13.1';

const HASH_LENGTHS: Record<string, number> = {
  [OID.sha256]: 32,
  '2.16.840.1.101.3.4.2.2': 48,
  '2.16.840.1.101.3.4.2.3': 64,
};

/** PKIFailureInfo bit numbers (RFC 3161 2.4.2). */
const FAILURE = { badAlg: 0, badRequest: 2, badDataFormat: 5, unacceptedPolicy: 15 } as const;

class TsaRejection extends Error {
  constructor(
    readonly failure: keyof typeof FAILURE,
    message: string,
  ) {
    super(message);
  }
}

/**
 * An in-process RFC 3161 time-stamping authority for tests: TSTInfo with policy, increasing serial, genTime,
 * accuracy and the echoed nonce; token signed attributes content-type id-ct-TSTInfo, message-digest and
 * signing-certificate-v2; the certificate chain is included only when the request sets certReq.
 */
export function createTestTsa(options: TestTsaOptions): TestTsa {
  const clock = options.clock ?? (() => new Date());
  const policy = options.policy ?? TEST_TSA_POLICY;
  const signer = signerFromCryptoKey({
    privateKey: options.key,
    certificateChain: [options.certificate, ...(options.intermediates ?? [])],
  });
  let serial = 0n;

  async function timestamp(requestDer: Uint8Array): Promise<Uint8Array> {
    ensureCryptoEngine();
    try {
      const request = parseRequest(requestDer, policy);
      serial += 1n;
      const tstInfo = sequence(
        integer(1),
        objectIdentifier(policy),
        request.messageImprint,
        integer(serial),
        generalizedTime(clock()),
        sequence(integer(1)), // accuracy: 1 second
        ...(request.nonce ? [request.nonce] : []),
      );
      const { contentInfo } = await buildSignedData({
        signer,
        contentType: OID.tstInfo,
        contentDigest: await sha256(tstInfo),
        encapsulatedContent: tstInfo,
        includeCertificates: request.certReq,
      });
      return sequence(sequence(integer(0)), contentInfo); // status: granted
    } catch (error) {
      if (!(error instanceof TsaRejection)) throw error;
      return rejection(error);
    }
  }

  return {
    timestamp,
    async listen(port = 0) {
      const { serveTimestamps } = await import('./tsa-http-server.js');
      return serveTimestamps(timestamp, port);
    },
  };
}

interface ParsedRequest {
  messageImprint: Uint8Array;
  nonce: Uint8Array | undefined;
  certReq: boolean;
}

function parseRequest(requestDer: Uint8Array, policy: string): ParsedRequest {
  const asn1 = asn1js.fromBER(requestDer);
  if (asn1.offset === -1 || asn1.offset !== requestDer.byteLength) {
    throw new TsaRejection('badDataFormat', 'Malformed TimeStampReq');
  }
  let request: pkijs.TimeStampReq;
  try {
    request = new pkijs.TimeStampReq({ schema: asn1.result });
  } catch {
    throw new TsaRejection('badDataFormat', 'Malformed TimeStampReq');
  }
  if (request.version !== 1) throw new TsaRejection('badRequest', 'Unsupported TimeStampReq version');
  const algorithm = request.messageImprint.hashAlgorithm.algorithmId;
  const hashLength = HASH_LENGTHS[algorithm];
  if (!hashLength) throw new TsaRejection('badAlg', `Unsupported hash algorithm ${algorithm}`);
  if (request.messageImprint.hashedMessage.valueBlock.valueHexView.byteLength !== hashLength) {
    throw new TsaRejection('badDataFormat', 'Message imprint length does not match its hash algorithm');
  }
  if (request.reqPolicy && request.reqPolicy !== policy) {
    throw new TsaRejection('unacceptedPolicy', `Policy ${request.reqPolicy} is not offered`);
  }
  return {
    // Echo the imprint and nonce exactly as the client encoded them.
    messageImprint: new Uint8Array(
      (asn1.result as asn1js.Sequence).valueBlock.value[1]!.valueBeforeDecodeView,
    ),
    nonce: request.nonce ? new Uint8Array(request.nonce.valueBeforeDecodeView) : undefined,
    certReq: request.certReq ?? false,
  };
}

function rejection(error: TsaRejection): Uint8Array {
  const bit = FAILURE[error.failure];
  const bytes = new Uint8Array(Math.floor(bit / 8) + 1);
  bytes[Math.floor(bit / 8)] = 0x80 >> (bit % 8);
  const failInfo = tlv(0x03, Uint8Array.of(7 - (bit % 8)), bytes);
  const text = sequence(tlv(0x0c, new TextEncoder().encode(error.message)));
  return sequence(sequence(integer(2), text, failInfo)); // status: rejection
}
