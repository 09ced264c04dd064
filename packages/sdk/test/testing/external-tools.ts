import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A scratch directory for handing files to openssl/pdfsig/certutil; removed by `cleanup`. */
export function scratchDir(): {
  path: (name: string) => string;
  write: (name: string, data: Uint8Array | string) => string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'hdld-signing-'));
  return {
    path: (name) => join(dir, name),
    write: (name, data) => {
      const file = join(dir, name);
      writeFileSync(file, data);
      return file;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface ToolResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runTool(command: string, args: readonly string[], input?: Uint8Array): ToolResult {
  const result = spawnSync(command, args, { input, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function runToolBinary(command: string, args: readonly string[], input?: Uint8Array): Uint8Array {
  return new Uint8Array(execFileSync(command, args, { input }));
}

/** An NSS database trusting `rootPem`, so pdfsig can report "Certificate is Trusted" (pdfsig -nssdir). */
export function createNssTrustStore(dir: string, rootPem: string): string {
  const rootFile = `${dir}/nss-root.pem`;
  writeFileSync(rootFile, rootPem);
  mkdirSync(`${dir}/nss`, { recursive: true });
  execFileSync('certutil', ['-N', '-d', `sql:${dir}/nss`, '--empty-password']);
  execFileSync('certutil', [
    '-A',
    '-d',
    `sql:${dir}/nss`,
    '-n',
    'hdld-test-root',
    '-t',
    'CT,C,C',
    '-i',
    rootFile,
  ]);
  return `sql:${dir}/nss`;
}
