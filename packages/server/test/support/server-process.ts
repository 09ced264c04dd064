import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePem } from '@hdld/sdk/documents';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

export type ServerProcess = {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  stop(): Promise<void>;
};

/** Writes trust anchors where `HDLD_TRUST_DIR` expects them (ca/, tsa/, certification/). */
export async function writeTrustDirectory(dir: string, rootDer: Uint8Array): Promise<string> {
  for (const service of ['ca', 'tsa', 'certification']) {
    await mkdir(join(dir, service), { recursive: true });
    await writeFile(join(dir, service, 'root.pem'), encodePem('CERTIFICATE', rootDer));
  }
  return dir;
}

/**
 * The real server entry point in its own process (as `hdld-server` runs it), so tests can run two
 * of them on one database or kill one with SIGKILL. Resolves once it listens.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--conditions=@hdld/source', '--import', 'tsx', MAIN], {
    env: { ...process.env, PORT: '0', HDLD_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s,]+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    exited.then((code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return {
    url,
    child,
    exited,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
