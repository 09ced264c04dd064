import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What poppler's pdfsig (the independent reference verifier) says about a file. */
export interface PdfsigVerdict {
  output: string;
  /** Every signature reports "Signature is Valid." and the last one covers the whole file. */
  signaturesValid: boolean;
  /** The "Certificate Validation:" verdict of each signature. */
  certificates: string[];
}

/** Runs the real pdfsig binary against an NSS database that trusts `rootDer` and holds the given CRLs. */
export function runPdfsig(
  pdf: Uint8Array,
  trust: { rootDer?: Uint8Array; crls?: Uint8Array[] },
): PdfsigVerdict {
  const dir = mkdtempSync(join(tmpdir(), 'hdld-pdfsig-'));
  try {
    const db = `sql:${join(dir, 'nss')}`;
    execFileSync('mkdir', [join(dir, 'nss')]);
    execFileSync('certutil', ['-N', '-d', db, '--empty-password']);
    if (trust.rootDer) {
      writeFileSync(join(dir, 'root.der'), trust.rootDer);
      execFileSync('certutil', ['-A', '-d', db, '-n', 'root', '-t', 'CT,C,C', '-i', join(dir, 'root.der')]);
    }
    (trust.crls ?? []).forEach((crl, i) => {
      writeFileSync(join(dir, `crl${i}.der`), crl);
      execFileSync('crlutil', ['-I', '-d', db, '-i', join(dir, `crl${i}.der`), '-B']);
    });
    writeFileSync(join(dir, 'file.pdf'), pdf);
    const run = spawnSync('pdfsig', ['-nssdir', db, '-no-ocsp', join(dir, 'file.pdf')], { encoding: 'utf8' });
    const output = `${run.stdout}${run.stderr}`;
    const signatures = output.split(/^Signature #\d+:/m).slice(1);
    const signaturesValid =
      run.status === 0 &&
      signatures.length > 0 &&
      signatures.every((s) => s.includes('Signature is Valid.')) &&
      signatures[signatures.length - 1]!.includes('Total document signed');
    const certificates = signatures.map((s) => /Certificate Validation: (.*)/.exec(s)?.[1]?.trim() ?? '');
    return { output, signaturesValid, certificates };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
