import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.js';
import { startServerProcess } from '../support/server-process.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { eventually, FAST_OUTBOX, type SmtpSink, startBlackHole, startSmtpSink } from './smtp-sink.js';

async function operatorCaller(dataDir: string, url: string) {
  const { clientId, clientSecret } = JSON.parse(
    await readFile(join(dataDir, 'sandbox-operator.json'), 'utf8'),
  ) as {
    clientId: string;
    clientSecret: string;
  };
  const response = await fetch(`${url}/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    }),
  });
  const { access_token: token } = (await response.json()) as { access_token: string };
  return (path: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
}

/**
 * F39 durability (issue 7): the status change commits, then the server process dies (SIGKILL)
 * with one e-mail in the middle of its SMTP session and another not attempted yet. A new process
 * on the same database delivers each exactly once, with the Message-ID of its outbox row.
 */
describe.each(engines)('e-mail outbox across a crash on %s', (engine) => {
  let dataDir: string;
  let database: TestDatabase | undefined;
  let smtp: SmtpSink | undefined;
  let server: TestServer | undefined;
  afterAll(async () => {
    await server?.close();
    await smtp?.stop();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('delivers every committed notice exactly once after a restart', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hdld-outbox-crash-'));
    database = engine === 'postgres' ? await createTestDatabase('postgres') : undefined;
    const blackHole = await startBlackHole();
    const child = await startServerProcess({
      HDLD_DATA_DIR: dataDir,
      ...(database?.url ? { DATABASE_URL: database.url } : {}),
      HDLD_SMTP_URL: blackHole.url,
      HDLD_OUTBOX_POLL_MS: '50',
      HDLD_OUTBOX_LEASE_MS: '2000',
    });
    const operator = await operatorCaller(dataDir, child.url);
    const suspend = await operator('/v1/providers/sandbox/status', {
      status: 'SUSPENDED',
      reason: 'Tạm ngừng để kiểm tra.',
    });
    expect(suspend.status).toBe(200);
    // The sender claimed the suspension notice and is stuck in its SMTP session...
    await eventually(() => (blackHole.connections() > 0 ? true : undefined));
    // ...while the restoration commits behind it, then the process dies.
    const restore = await operator('/v1/providers/sandbox/status', {
      status: 'ACTIVE',
      reason: 'Đã kiểm tra xong.',
    });
    expect(restore.status).toBe(200);
    child.child.kill('SIGKILL');
    await child.exited;
    await blackHole.stop();

    smtp = await startSmtpSink();
    server = await startTestServer({
      dataDir,
      ...(database?.url ? { databaseUrl: database.url } : {}),
      smtpUrl: smtp.url,
      outbox: FAST_OUTBOX,
    });
    const outbox = server.platform.storage.outbox;
    const rows = await eventually(async () => {
      const page = await outbox.page({ providerId: 'sandbox', limit: 10 });
      return page.length === 2 && page.every((row) => row.status === 'SENT') ? page : undefined;
    });
    expect(smtp.received.map((m) => m.subject?.split('] ')[1]).sort()).toEqual([
      'Thông báo khôi phục kết nối / Connection restored',
      'Thông báo tạm ngừng kết nối / Connection suspended',
    ]);
    expect(smtp.received.map((m) => m.messageId).sort()).toEqual(rows.map((row) => row.messageId).sort());
    const byKind = Object.fromEntries(rows.map((row) => [row.kind, row]));
    // Claimed by the dead process, taken over once its lease ran out.
    expect(byKind.PROVIDER_SUSPENDED?.attempts).toBeGreaterThanOrEqual(2);
    // Committed but never attempted before the crash: sent by the first attempt.
    expect(byKind.PROVIDER_RESTORED?.attempts).toBe(1);
  });
});
