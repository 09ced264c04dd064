import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TrustAnchorConfig } from '@hdld/sdk/documents';
import { createTestPki, createTestTsa, type TestIdentity, type TestPki } from '@hdld/sdk/testing';

export type SandboxPki = {
  pki: TestPki;
  tsaUrl: string;
  trust: TrustAnchorConfig;
  files: { root: string; dir: string };
  close(): Promise<void>;
};

/**
 * The demo's certificates (test root, issuing CA, employer, employee, provider, TSA) written to
 * `<dir>` as PEM, and the RFC 3161 timestamp authority listening on 127.0.0.1. Test material only:
 * never trusted by a production Platform.
 */
export async function startSandboxPki(dir: string): Promise<SandboxPki> {
  const pki = await createTestPki();
  await mkdir(dir, { recursive: true });
  const write = async (name: string, identity: TestIdentity) => {
    await writeFile(join(dir, `${name}.crt`), identity.chainPem);
    await writeFile(join(dir, `${name}.key`), identity.privateKeyPem, { mode: 0o600 });
  };
  const root = join(dir, 'root.crt');
  await writeFile(root, pki.rootPem);
  await Promise.all([
    write('employer', pki.employer),
    write('employee', pki.employee),
    write('provider', pki.provider),
  ]);
  const tsa = createTestTsa({
    certificate: pki.tsa.certificate,
    intermediates: [pki.intermediate.certificate],
    key: pki.tsa.privateKey,
  });
  const server = await tsa.listen(0);
  const anchors = [pki.root.certificate];
  return {
    pki,
    tsaUrl: server.url,
    trust: { ca: anchors, tsa: anchors, certification: anchors },
    files: { root, dir },
    close: () => server.close(),
  };
}
