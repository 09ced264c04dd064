import type { Schemas } from '@hdld/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/databases.js';
import { type ApiCall, type SandboxKit, startSandboxKit } from '../support/sandbox-kit.js';
import { eventually, FAST_OUTBOX, freePort, type SmtpSink, startSmtpSink } from './smtp-sink.js';

type Notification = Schemas['Notification'];

async function noticeOf(operator: ApiCall, providerId: string): Promise<Notification | undefined> {
  const page = (await (
    await operator(`/v1/notifications?providerId=${providerId}`)
  ).json()) as Schemas['NotificationPage'];
  return page.items[0];
}

/**
 * F39, T14 delivery guarantees (issue 7): an e-mail whose event committed is never lost. Without
 * SMTP it waits in the outbox; while the SMTP server is down it is retried with backoff and sent
 * once when the server is back; a permanent refusal (5xx) is recorded as FAILED.
 */
describe.each(engines)('outbox delivery on %s', (engine) => {
  describe('without an SMTP server configured', () => {
    let kit: SandboxKit;
    beforeAll(async () => {
      kit = await startSandboxKit(engine, { outbox: FAST_OUTBOX });
      await kit.otherProvider('quiet-b');
    });
    afterAll(async () => kit?.close());

    it('keeps the e-mail PENDING in the outbox, visible through the API, and goes on serving', async () => {
      const changed = await kit.operator('/v1/providers/quiet-b/status', {
        body: { status: 'SUSPENDED', reason: 'Báo cáo tháng không được gửi.' },
      });
      expect(changed.status).toBe(200);
      const notice = await noticeOf(kit.operator, 'quiet-b');
      expect(notice).toMatchObject({
        kind: 'PROVIDER_SUSPENDED',
        status: 'PENDING',
        attempts: 0,
        recipient: 'quiet-b@hdld.invalid',
      });
      expect(notice?.text).toContain('Báo cáo tháng không được gửi.');
      expect((await kit.api('/v1/transactions')).status).toBe(200);
    });
  });

  describe('with an SMTP server that is down, then back', () => {
    let kit: SandboxKit;
    let smtp: SmtpSink | undefined;
    let port: number;
    beforeAll(async () => {
      port = await freePort();
      kit = await startSandboxKit(engine, {
        smtpUrl: `smtp://127.0.0.1:${port}`,
        outbox: { ...FAST_OUTBOX, retryMaxMs: 1000 },
      });
      await kit.otherProvider('later-b');
      await kit.otherProvider('refused');
    });
    afterAll(async () => {
      await kit?.close();
      await smtp?.stop();
    });

    it('retries with backoff while the server is down and delivers once when it is back', async () => {
      await kit.operator('/v1/providers/later-b/status', {
        body: { status: 'SUSPENDED', reason: 'Kết nối không ổn định.' },
      });
      const retrying = await eventually(async () => {
        const notice = await noticeOf(kit.operator, 'later-b');
        return notice && notice.attempts >= 2 ? notice : undefined;
      });
      expect(retrying).toMatchObject({
        status: 'PENDING',
        lastError: expect.stringMatching(/^SMTP delivery failed/),
      });
      expect(retrying.lastError).not.toContain(String(port));

      smtp = await startSmtpSink(port);
      const sent = await eventually(async () => {
        const notice = await noticeOf(kit.operator, 'later-b');
        return notice?.status === 'SENT' ? notice : undefined;
      });
      expect(sent.attempts).toBeGreaterThan(retrying.attempts);
      expect(smtp.received.map((m) => m.messageId)).toEqual([sent.messageId]);
      expect(smtp.received[0]?.text).toContain('Kết nối không ổn định.');
    });

    it('records a permanent refusal (SMTP 5xx) as FAILED without retrying', async () => {
      smtp!.refuse.add('refused@hdld.invalid');
      await kit.operator('/v1/providers/refused/status', {
        body: { status: 'DISCONNECTED', reason: 'Vi phạm quy định bảo vệ dữ liệu cá nhân.' },
      });
      const failed = await eventually(async () => {
        const notice = await noticeOf(kit.operator, 'refused');
        return notice?.status === 'FAILED' ? notice : undefined;
      });
      expect(failed).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/^SMTP 550/) });
      expect(failed.failedAt).toBeDefined();
      const failedOnly = (await (
        await kit.operator('/v1/notifications?status=FAILED')
      ).json()) as Schemas['NotificationPage'];
      expect(failedOnly.items.map((n) => n.providerId)).toEqual(['refused']);
    });
  });
});
