import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { TransactionSchema } from '@hdld/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/test/support/test-server.js';

const run = promisify(execFile);
const cli = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/**
 * The walking skeleton (issue 2): the spec-driven server, the SDK over openapi-fetch and the built
 * `hdld` binary, end to end over real HTTP.
 */
describe('hdld status against the reference server', () => {
  let server: TestServer;
  let transactionId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const { transaction } = await server.platform.storage.transactions.insert({
      providerId: server.sandbox.providerId,
      providerReference: 'HD-2026-000123',
      kind: 'CONTRACT',
      payloadSha256: 'a'.repeat(64),
      request: {},
    });
    transactionId = transaction.id;
  });
  afterAll(async () => server?.close());

  const hdld = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, [cli, ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        HDLD_BASE_URL: server.url,
        HDLD_CLIENT_ID: server.sandbox.clientId,
        HDLD_CLIENT_SECRET: server.sandbox.clientSecret,
        ...env,
      },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('prints the transaction as the spec describes it with --json', async () => {
    const { code, stdout } = await hdld(['status', transactionId, '--json']);
    expect(code).toBe(0);
    const printed = TransactionSchema.parse(JSON.parse(stdout));
    expect(printed).toMatchObject({ transactionId, status: 'RECEIVED', providerReference: 'HD-2026-000123' });
  });

  it('prints a readable table, in Vietnamese with --lang vi', async () => {
    const { code, stdout } = await hdld(['status', transactionId, '--lang', 'vi']);
    expect(code).toBe(0);
    expect(stdout).toContain('Trạng thái');
    expect(stdout).toContain('RECEIVED (đã tiếp nhận)');
  });

  it('exits 3 (a 4xx refusal, README) with the catalog code for an unknown id', async () => {
    const { code, stdout, stderr } = await hdld(['status', '0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e']);
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toContain('Transaction not found (TRANSACTION_NOT_FOUND)');
  });

  it('refuses a wrong secret with the authentication exit code', async () => {
    const { code, stderr } = await hdld(['status', transactionId], { HDLD_CLIENT_SECRET: 'wrong' });
    expect(code).toBe(4);
    expect(stderr).toContain('CLIENT_AUTH_FAILED');
  });
});
