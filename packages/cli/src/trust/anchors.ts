import { X509Certificate } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { TrustAnchorConfig } from '@hdld/sdk/documents';
import type { Lang } from '@hdld/spec';
import { t } from '../i18n/messages.js';
import { UsageError } from '../output/errors.js';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The certificates of one file, or a usage error naming it (exit 2): never OpenSSL's own text. */
function certificatesOf(
  file: string,
  bytes: Buffer,
  lang: Lang,
): { input: Uint8Array | string; certificates: X509Certificate[] } {
  const text = bytes.toString('latin1');
  try {
    if (text.includes('-----BEGIN')) {
      const blocks = text.match(PEM_BLOCK) ?? [];
      if (blocks.length === 0) throw new Error('no CERTIFICATE block');
      return { input: bytes.toString('utf8'), certificates: blocks.map((b) => new X509Certificate(b)) };
    }
    return { input: new Uint8Array(bytes), certificates: [new X509Certificate(bytes)] };
  } catch {
    throw new UsageError(`${file}: ${t(lang, 'validate.badCertificate')}`);
  }
}

async function readInput(file: string, lang: Lang): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UsageError(`${file}: ${t(lang, missing ? 'validate.noSuchPath' : 'validate.unreadable')}`);
  }
}

/**
 * Trust anchors of `validate` and `doctor`: `--trust FILE` (repeatable) or the profile's default set.
 * Each file (PEM with one or more certificates, or DER) is trusted for signer CAs, timestamp
 * authorities and the provider certification alike, as the sandbox's single test root is.
 */
export async function loadTrustFiles(
  files: readonly string[],
  lang: Lang = 'en',
): Promise<{ config: TrustAnchorConfig; certificates: X509Certificate[] }> {
  const inputs: (Uint8Array | string)[] = [];
  const certificates: X509Certificate[] = [];
  for (const file of files) {
    const read = certificatesOf(file, await readInput(file, lang), lang);
    inputs.push(read.input);
    certificates.push(...read.certificates);
  }
  return { config: { ca: inputs, tsa: inputs, certification: inputs }, certificates };
}

/**
 * `--trust-dir DIR`: the server's own layout (`ca/`, `tsa/`, `certification/`, HDLD_TRUST_DIR), read
 * with the server's function, so `validate` trusts exactly what the Platform does; each certificate
 * is parsed first so a damaged one is named rather than failing every signature.
 */
export async function loadTrustFolder(dir: string, lang: Lang): Promise<TrustAnchorConfig> {
  const isDir = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) throw new UsageError(`${dir}: ${t(lang, 'validate.badTrustDir')}`);
  const { readTrustDirectory, TRUST_KINDS } = await import('@hdld/sdk/node');
  const trust = await readTrustDirectory(dir);
  for (const kind of TRUST_KINDS) {
    for (const input of trust[kind]) {
      const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input);
      certificatesOf(`${dir}/${kind}`, bytes, lang);
    }
  }
  return trust;
}

/** The kinds (ca, tsa, certification) that no anchor covers: each fails every check of its kind. */
export function untrustedKinds(config: TrustAnchorConfig): string[] {
  return (['ca', 'tsa', 'certification'] as const).filter((kind) => !config[kind]?.length);
}

export function mergeTrust(a: TrustAnchorConfig, b: TrustAnchorConfig): TrustAnchorConfig {
  return {
    ca: [...(a.ca ?? []), ...(b.ca ?? [])],
    tsa: [...(a.tsa ?? []), ...(b.tsa ?? [])],
    certification: [...(a.certification ?? []), ...(b.certification ?? [])],
  };
}
