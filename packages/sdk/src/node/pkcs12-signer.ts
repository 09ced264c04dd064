import { readFile } from 'node:fs/promises';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual, toArrayBuffer } from '../documents/cms/bytes.js';
import { readCertificateIdentity } from '../documents/cms/certificate-identity.js';
import { ensureCryptoEngine } from '../documents/cms/engine.js';
import { signerFromCryptoKey } from '../documents/signing/crypto-key-signer.js';
import { importSigningKey } from '../documents/signing/private-key-import.js';
import type { Signer } from '../documents/signing/signer.js';

const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
} as const;
const X509_CERT_TYPE = '1.2.840.113549.1.9.22.1';

/** Reads a PKCS#12 (.p12/.pfx) file holding one signing key and its certificate chain. */
export async function signerFromPkcs12File(path: string, password: string): Promise<Signer> {
  return signerFromPkcs12(new Uint8Array(await readFile(path)), password);
}

/**
 * Opens PKCS#12 bytes (password-based integrity and PBES2 encryption, as `openssl pkcs12 -export` writes by
 * default) and returns a signer for the key. The chain is ordered leaf first by issuer/subject links.
 */
export async function signerFromPkcs12(p12: Uint8Array, password: string): Promise<Signer> {
  ensureCryptoEngine();
  const pwd = toArrayBuffer(new TextEncoder().encode(password));
  const pfx = pkijs.PFX.fromBER(toArrayBuffer(p12));
  try {
    await pfx.parseInternalValues({ password: pwd, checkIntegrity: true });
  } catch (error) {
    throw new Error(
      `Cannot open PKCS#12: wrong password or unsupported protection (${(error as Error).message})`,
    );
  }
  const authenticatedSafe = pfx.parsedValue?.authenticatedSafe;
  if (!authenticatedSafe) throw new Error('PKCS#12 has no authenticated safe');
  await authenticatedSafe.parseInternalValues({
    safeContents: authenticatedSafe.safeContents.map(() => ({ password: pwd })),
  });

  const keys: Uint8Array[] = [];
  const certificates: Uint8Array[] = [];
  const contents = authenticatedSafe.parsedValue.safeContents as Array<{ value: pkijs.SafeContents }>;
  for (const bag of contents.flatMap((c) => c.value.safeBags)) {
    if (bag.bagId === BAG.key) keys.push(der(bag.bagValue as pkijs.PrivateKeyInfo));
    if (bag.bagId === BAG.shroudedKey)
      keys.push(await decryptKeyBag(bag.bagValue as pkijs.PKCS8ShroudedKeyBag, pwd));
    if (bag.bagId === BAG.cert) {
      const certBag = bag.bagValue as pkijs.CertBag;
      // certValue holds the certificate DER byte-exact; re-encoding the parsed object could alter it.
      if (certBag.certId === X509_CERT_TYPE && certBag.certValue instanceof asn1js.OctetString) {
        certificates.push(new Uint8Array(certBag.certValue.getValue()));
      }
    }
  }
  if (keys.length !== 1) throw new Error(`PKCS#12 must hold exactly one private key (found ${keys.length})`);
  return signerFromCryptoKey({
    privateKey: await importSigningKey(keys[0]!),
    certificateChain: orderChain(certificates),
  });
}

async function decryptKeyBag(bag: pkijs.PKCS8ShroudedKeyBag, password: ArrayBuffer): Promise<Uint8Array> {
  const encrypted = new pkijs.EncryptedData({
    encryptedContentInfo: new pkijs.EncryptedContentInfo({
      contentEncryptionAlgorithm: bag.encryptionAlgorithm,
      encryptedContent: bag.encryptedData,
    }),
  });
  return new Uint8Array(await encrypted.decrypt({ password }));
}

function der(keyInfo: pkijs.PrivateKeyInfo): Uint8Array {
  return new Uint8Array(keyInfo.toSchema().toBER());
}

/** Leaf = the certificate that issued no other one; then follow issuer -> subject links upwards. */
function orderChain(certificates: readonly Uint8Array[]): Uint8Array[] {
  const ids = certificates.map((c) => ({ der: c, ...readCertificateIdentity(c) }));
  const leaf = ids.find((c) => !ids.some((o) => o !== c && bytesEqual(o.issuer, c.subject)));
  if (!leaf) throw new Error('PKCS#12 holds no end-entity certificate');
  const chain = [leaf];
  for (let current = leaf; !bytesEqual(current.issuer, current.subject); ) {
    const parent = ids.find((c) => bytesEqual(c.subject, current.issuer) && !chain.includes(c));
    if (!parent) break;
    chain.push(parent);
    current = parent;
  }
  return chain.map((c) => c.der);
}
