import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual, toArrayBuffer } from '../cms/bytes.js';
import { parseAsn1 } from '../cms/der.js';
import { ensureCryptoEngine } from '../cms/engine.js';
import { OID } from '../cms/oids.js';
import { encodeTimestampRequest } from './timestamp-request.js';
import { readTimestampToken } from './timestamp-token.js';

/** An in-process TSA (e.g. `createTestTsa()` or an HSM-backed one): DER TimeStampReq in, DER TimeStampResp out. */
export interface TimestampFunction {
  timestamp(requestDer: Uint8Array): Promise<Uint8Array>;
}

export interface TimestampUrl {
  url: string;
  /** Extra HTTP headers, e.g. authorisation required by a commercial TSA. */
  headers?: Record<string, string>;
  fetch?: typeof globalThis.fetch;
}

/** Where B-T timestamps come from: a TSA URL (RFC 3161 over HTTP) or an in-process function. */
export type TimestampAuthority = string | TimestampUrl | TimestampFunction;

export interface TimestampOptions {
  /** Random source for the nonce; inject a fixed one for byte-for-byte reproducible output. */
  randomBytes?: (length: number) => Uint8Array;
  policy?: string;
}

/**
 * Gets an RFC 3161 timestamp token for a SHA-256 imprint and checks that the response answers this request
 * (status granted, same imprint, same nonce). Returns the token (DER ContentInfo).
 */
export async function requestTimestampToken(
  tsa: TimestampAuthority,
  sha256Imprint: Uint8Array,
  options: TimestampOptions = {},
): Promise<Uint8Array> {
  const randomBytes = options.randomBytes ?? ((n: number) => crypto.getRandomValues(new Uint8Array(n)));
  const request = encodeTimestampRequest(sha256Imprint, randomBytes(8), options.policy);
  const response = await sendTimestampRequest(tsa, request.der);
  const token = timestampTokenFromResponse(response);
  const info = readTimestampToken(token);
  if (info.hashAlgorithm !== OID.sha256 || !bytesEqual(info.hashedMessage, sha256Imprint)) {
    throw new Error('TSA answered with a timestamp for a different message imprint');
  }
  if (info.nonce !== request.nonce) throw new Error('TSA answered with a different nonce');
  return token;
}

async function sendTimestampRequest(tsa: TimestampAuthority, requestDer: Uint8Array): Promise<Uint8Array> {
  if (typeof tsa === 'object' && 'timestamp' in tsa) return tsa.timestamp(requestDer);
  const target: TimestampUrl = typeof tsa === 'string' ? { url: tsa } : tsa;
  const doFetch = target.fetch ?? globalThis.fetch;
  const res = await doFetch(target.url, {
    method: 'POST',
    headers: { ...target.headers, 'content-type': 'application/timestamp-query' },
    body: toArrayBuffer(requestDer),
  });
  if (!res.ok) throw new Error(`TSA ${target.url} answered HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Extracts the token, byte-exact, from a TimeStampResp; a refused request becomes an error with the TSA text. */
export function timestampTokenFromResponse(responseDer: Uint8Array): Uint8Array {
  ensureCryptoEngine();
  const asn1 = parseAsn1(responseDer, 'TimeStampResp');
  const response = new pkijs.TimeStampResp({ schema: asn1 });
  const status = response.status.status;
  if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods) {
    const text = response.status.statusStrings?.map((s) => s.valueBlock.value).join('; ');
    throw new Error(`TSA refused the request (status ${status}${text ? `: ${text}` : ''})`);
  }
  const token = (asn1 as asn1js.Sequence).valueBlock.value[1];
  if (!token) throw new Error('TSA response has no timestamp token');
  return new Uint8Array(token.valueBeforeDecodeView);
}
