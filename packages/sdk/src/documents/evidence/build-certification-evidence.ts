import { sha256 } from '../cms/bytes.js';
import { OID } from '../cms/oids.js';
import { createCadesSignature } from '../signing/cades-signature.js';
import type { Signer } from '../signing/signer.js';
import type { TimestampAuthority, TimestampOptions } from '../signing/timestamp-client.js';
import { type CertificationEvidence, CertificationEvidenceSchema } from './certification-evidence.js';

export interface CertificationEvidenceOptions {
  /** The evidence is timestamped (CAdES B-T) so the certification time does not rest on the provider's clock. */
  tsa: TimestampAuthority;
  timestamp?: TimestampOptions;
}

/**
 * Builds the certification evidence file: a DER CMS SignedData whose encapsulated id-data content is the
 * UTF-8 JSON evidence, signed by the provider's certification certificate, with a signature timestamp
 * (N2, T8). The JSON is validated first and written in schema key order, so equal content gives equal bytes.
 */
export async function buildCertificationEvidence(
  content: CertificationEvidence,
  signer: Signer,
  options: CertificationEvidenceOptions,
): Promise<Uint8Array> {
  const checked = CertificationEvidenceSchema.safeParse(content);
  if (!checked.success) {
    throw new Error(
      `Invalid certification evidence / Nội dung chứng thực không hợp lệ: ${checked.error.issues
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
  const json = new TextEncoder().encode(JSON.stringify(checked.data));
  const { contentInfo } = await createCadesSignature({
    signer,
    contentType: OID.data,
    contentDigest: await sha256(json),
    encapsulatedContent: json,
    tsa: options.tsa,
    timestamp: options.timestamp,
  });
  return contentInfo;
}
