import { attribute } from '../cms/attributes.js';
import { sha256 } from '../cms/bytes.js';
import { OID } from '../cms/oids.js';
import { buildSignedData, type SignedDataOptions, type SignedDataResult } from '../cms/signed-data.js';
import { requestTimestampToken, type TimestampAuthority, type TimestampOptions } from './timestamp-client.js';

export interface CadesSignatureOptions extends Omit<SignedDataOptions, 'unsignedAttributes' | 'contentType'> {
  /** eContentType; default id-data. */
  contentType?: string;
  /** With a TSA the signature is CAdES/PAdES B-T (signature timestamp), without one B-B. */
  tsa?: TimestampAuthority;
  timestamp?: TimestampOptions;
}

/**
 * A CAdES baseline signature (B-B, or B-T when a TSA is given). The B-T timestamp is an RFC 3161 token over the
 * SHA-256 of the SignerInfo signature value, stored as the unsigned attribute id-aa-signatureTimeStampToken.
 */
export function createCadesSignature(options: CadesSignatureOptions): Promise<SignedDataResult> {
  const { tsa, timestamp, contentType, ...rest } = options;
  return buildSignedData({
    ...rest,
    contentType: contentType ?? OID.data,
    unsignedAttributes: tsa
      ? async (signatureValue) => {
          const token = await requestTimestampToken(tsa, await sha256(signatureValue), timestamp);
          return [attribute(OID.signatureTimeStampToken, token)];
        }
      : undefined,
  });
}
