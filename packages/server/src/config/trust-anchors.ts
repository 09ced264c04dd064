import { join } from 'node:path';
import type { VerifyOptions } from '@hdld/sdk/documents';
import { readTrustDirectory, TRUST_KINDS } from '@hdld/sdk/node';
import { ConfigError } from './config-error.js';
import type { Mode } from './settings.js';

type Trust = VerifyOptions['trust'];

/** HDLD_TRUST_DIR, else `<data dir>/trust`. */
export function trustDirOf(config: { trustDir?: string; dataDir?: string }): string | undefined {
  return config.trustDir ?? (config.dataDir ? join(config.dataDir, 'trust') : undefined);
}

/**
 * Trust anchors per service type (F8): `<dir>/ca`, `<dir>/tsa`, `<dir>/certification`, each holding
 * PEM or DER certificates. The verifier pins each by the SHA-256 of its DER. In production a missing
 * or empty kind stops the start (every submission would otherwise fail its signature checks); the
 * sandbox allows it.
 */
export async function loadTrustDirectory(dir: string | undefined, mode: Mode = 'sandbox'): Promise<Trust> {
  if (!dir) {
    if (mode === 'production') throw untrusted('(no HDLD_TRUST_DIR nor HDLD_DATA_DIR)');
    return { ca: [], tsa: [], certification: [] };
  }
  // The layout `hdld validate --trust-dir` reads with the same function (sdk/src/node/trust-directory.ts).
  const trust = await readTrustDirectory(dir);
  const empty = TRUST_KINDS.find((kind) => trust[kind].length === 0);
  if (mode === 'production' && empty) throw untrusted(join(dir, empty));
  return trust;
}

function untrusted(folder: string): ConfigError {
  return new ConfigError('HDLD_TRUST_DIR', {
    en: `${folder} is missing or holds no certificate (.pem, .crt, .cer, .der); production needs ca/, tsa/ and certification/`,
    vi: `${folder} không tồn tại hoặc không có chứng thư (.pem, .crt, .cer, .der); môi trường production cần ca/, tsa/ và certification/`,
  });
}

/**
 * The start-up line of trust anchors per kind (issue 13), with a loud warning for a kind that has
 * none: in the sandbox every signature, timestamp or certification of that kind fails as untrusted.
 */
export function describeTrust(trust: Trust, dir: string | undefined): string[] {
  const counts = TRUST_KINDS.map((kind) => `${kind} ${trust[kind]?.length ?? 0}`).join(', ');
  const empty = TRUST_KINDS.filter((kind) => !trust[kind]?.length);
  return [
    `Trust anchors${dir ? ` (${dir})` : ''}: ${counts}`,
    ...empty.map(
      (kind) =>
        `WARNING: no ${kind} trust anchor: every ${KIND_TEXT[kind].en} fails as untrusted; put PEM certificates in ${dir ?? 'HDLD_TRUST_DIR'}/${kind}/ / CẢNH BÁO: chưa có chứng thư tin cậy ${kind}: mọi ${KIND_TEXT[kind].vi} sẽ bị coi là không tin cậy`,
    ),
  ];
}

const KIND_TEXT = {
  ca: { en: 'signature', vi: 'chữ ký số' },
  tsa: { en: 'timestamp', vi: 'dấu thời gian' },
  certification: { en: 'certification evidence', vi: 'bằng chứng chứng thực' },
} as const;
