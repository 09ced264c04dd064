import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from '../documents/cms/bytes.js';
import { integer } from '../documents/cms/der.js';
import { ensureCryptoEngine } from '../documents/cms/engine.js';
import { OID } from '../documents/cms/oids.js';
import { authorityKeyIdentifier } from './certificate-extensions.js';
import type { CertificateAuthorityKey } from './certificate-factory.js';

export interface CrlRequest {
  issuer: CertificateAuthorityKey;
  revoked: ReadonlyArray<{ serialNumber: bigint; revokedAt: Date }>;
  thisUpdate: Date;
  nextUpdate: Date;
  crlNumber?: bigint;
}

/** An X.509 v2 CRL signed by the issuing CA (the one that issued the revoked certificates). */
export async function issueCrl(request: CrlRequest): Promise<Uint8Array> {
  ensureCryptoEngine();
  const time = (value: Date) => new pkijs.Time({ type: pkijs.TimeType.UTCTime, value });
  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.issuer = pkijs.RelativeDistinguishedNames.fromBER(toArrayBuffer(request.issuer.name));
  crl.thisUpdate = time(request.thisUpdate);
  crl.nextUpdate = time(request.nextUpdate);
  if (request.revoked.length > 0) {
    crl.revokedCertificates = request.revoked.map(
      (r) =>
        new pkijs.RevokedCertificate({
          userCertificate: asn1js.Integer.fromBigInt(r.serialNumber),
          revocationDate: time(r.revokedAt),
        }),
    );
  }
  const extension = (extnID: string, value: Uint8Array) =>
    new pkijs.Extension({ extnID, critical: false, extnValue: toArrayBuffer(value) });
  crl.crlExtensions = new pkijs.Extensions({
    extensions: [
      extension(OID.authorityKeyIdentifier, authorityKeyIdentifier(request.issuer.keyId)),
      extension(OID.crlNumber, integer(request.crlNumber ?? 1n)),
    ],
  });
  await crl.sign(request.issuer.privateKey, 'SHA-256');
  return new Uint8Array(crl.toSchema(true).toBER());
}
