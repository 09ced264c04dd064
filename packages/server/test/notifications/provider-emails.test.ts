import type { Schemas } from '@hdld/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/databases.js';
import { type ApiCall, type SandboxKit, startSandboxKit, waitForFinal } from '../support/sandbox-kit.js';
import { eventually, FAST_OUTBOX, type ReceivedMail, type SmtpSink, startSmtpSink } from './smtp-sink.js';

type Problem = { code: string };
const NATIONAL_ID = '001190012345';
const MAIL_FROM = 'Nền tảng HĐLĐ điện tử <thongbao@hdld-mail.invalid>';

const addresses = (mail: ReceivedMail) =>
  [mail.to].flat().flatMap((to) => to?.value.map((a) => a.address) ?? []);

/**
 * F39, T14 (issue 7; Decree 337/2025 Art. 15.4 "notified in writing"): every connection status
 * change and every explanation decision is e-mailed to the provider through a real SMTP server,
 * Vietnamese first then English, with the reason and the legal basis, never a national ID.
 */
describe.each(engines)('provider e-mails (F39) on %s', (engine) => {
  let smtp: SmtpSink;
  let kit: SandboxKit;
  let provider: ApiCall;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    kit = await startSandboxKit(engine, { smtpUrl: smtp.url, mailFrom: MAIL_FROM, outbox: FAST_OUTBOX });
    provider = await kit.otherProvider('mail-b');
  });
  afterAll(async () => {
    await kit?.close();
    await smtp?.stop();
  });

  const mailsTo = (address: string) => smtp.received.filter((m) => m.envelopeTo.includes(address));
  const setStatus = (status: string, reason: string) =>
    kit.operator('/v1/providers/mail-b/status', { body: { status, reason } });
  const notifications = async (caller: ApiCall, query = '') =>
    (await (await caller(`/v1/notifications${query}`)).json()) as Schemas['NotificationPage'];

  it('blocks a suspended provider and e-mails it the notice, in Vietnamese then English', async () => {
    const reason = `Tỷ lệ giao dịch lỗi trên 20% trong tháng 02/2026; hồ sơ CCCD ${NATIONAL_ID} gửi sai.`;
    expect((await provider('/v1/transactions')).status).toBe(200);
    expect((await setStatus('SUSPENDED', reason)).status).toBe(200);
    const refused = await provider('/v1/transactions');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as Problem).code).toBe('PROVIDER_SUSPENDED');

    const [mail] = await eventually(() =>
      mailsTo('mail-b@hdld.invalid').length ? mailsTo('mail-b@hdld.invalid') : undefined,
    );
    expect(addresses(mail!)).toEqual(['mail-b@hdld.invalid']);
    expect(mail!.from?.value[0]?.address).toBe('thongbao@hdld-mail.invalid');
    expect(mail!.subject).toBe('[Nền tảng HĐLĐ điện tử] Thông báo tạm ngừng kết nối / Connection suspended');
    const text = mail!.text ?? '';
    // Vietnamese first, then English.
    expect(text.indexOf('Kính gửi Provider mail-b')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('Kính gửi')).toBeLessThan(text.indexOf('Dear Provider mail-b'));
    for (const expected of [
      'TẠM NGỪNG',
      'Tỷ lệ giao dịch lỗi trên 20% trong tháng 02/2026',
      'Khoản 4 Điều 15 Nghị định số 337/2025/NĐ-CP',
      'Cán bộ nghiệp vụ Bộ Nội vụ',
      'PROVIDER_SUSPENDED',
      'Article 15.4',
    ]) {
      expect(text).toContain(expected);
    }
    for (const body of [text, String(mail!.html)]) {
      expect(body).not.toContain(NATIONAL_ID);
      // The actor is a role, not the operator's account.
      expect(body).not.toContain('sandbox-operator');
    }
    expect(String(mail!.html)).toContain('<div lang="vi">');

    const [notice] = (await notifications(kit.operator, '?providerId=mail-b')).items;
    expect(notice).toMatchObject({
      kind: 'PROVIDER_SUSPENDED',
      channel: 'EMAIL',
      status: 'SENT',
      attempts: 1,
    });
    expect(mail!.messageId).toBe(`<${notice!.notificationId}@hdld-mail.invalid>`);
    expect(notice!.messageId).toBe(mail!.messageId);
  });

  it('e-mails the restoration and the disconnection; the provider lists its own notices only', async () => {
    expect((await setStatus('ACTIVE', 'Đã nhận giải trình và biện pháp khắc phục.')).status).toBe(200);
    expect((await setStatus('DISCONNECTED', 'Truy cập dữ liệu cá nhân trái phép.')).status).toBe(200);
    const mails = await eventually(() =>
      mailsTo('mail-b@hdld.invalid').length === 3 ? mailsTo('mail-b@hdld.invalid') : undefined,
    );
    expect(mails.map((m) => m.subject?.split('] ')[1])).toEqual([
      'Thông báo tạm ngừng kết nối / Connection suspended',
      'Thông báo khôi phục kết nối / Connection restored',
      'Thông báo ngừng kết nối / Connection terminated',
    ]);
    expect(mails[1]!.text).toContain('Đã nhận giải trình và biện pháp khắc phục.');
    expect(mails[2]!.text).toContain('không thể được khôi phục');

    // The operator reads every provider's notices, newest first, page by page.
    const first = await notifications(kit.operator, '?providerId=mail-b&limit=2');
    expect(first.items.map((n) => n.kind)).toEqual(['PROVIDER_DISCONNECTED', 'PROVIDER_RESTORED']);
    const second = await notifications(kit.operator, `?providerId=mail-b&limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((n) => n.kind)).toEqual(['PROVIDER_SUSPENDED']);
    expect(second.nextCursor).toBeNull();
    expect((await notifications(kit.operator, '?providerId=mail-b&status=PENDING')).items).toEqual([]);

    // A provider sees its own only, whatever it asks for (T17).
    const own = await notifications(kit.api, '?providerId=mail-b');
    expect(own.items.every((n) => n.providerId === kit.server.sandbox.providerId)).toBe(true);
  });

  it('e-mails explanation decisions with the transactions and whether re-push is allowed', async () => {
    const failed: string[] = [];
    let identityNumber = '';
    for (const seed of [31, 32]) {
      const sample = await kit.sample(seed);
      identityNumber = sample.identity.identityNumber;
      const term = { type: 'FIXED_TERM' as const, startDate: '2026-01-01', endDate: '2030-01-01' };
      const ack = (await (
        await kit.api('/v1/contracts', {
          body: { ...sample.submission, mainData: { ...sample.mainData, term } },
        })
      ).json()) as { transactionId: string };
      // Generous bound: the machine may be busy; the assertion is on the outcome only.
      expect(await waitForFinal(kit, ack.transactionId, 1200)).toMatchObject({ status: 'FAILED' });
      failed.push(ack.transactionId);
    }
    const decide = async (transactionId: string, decision: string, reason: string) => {
      const explanation = (await (
        await kit.api('/v1/explanations', {
          body: { transactionIds: [transactionId], text: 'The end date was mistyped in our system.' },
        })
      ).json()) as Schemas['Explanation'];
      const response = await kit.operator(`/v1/explanations/${explanation.explanationId}/decision`, {
        body: { decision, reason },
      });
      expect(response.status).toBe(200);
    };
    await decide(failed[0]!, 'APPROVED', 'Lỗi nhập liệu đã được xác nhận.');
    await decide(failed[1]!, 'REJECTED', `Hợp đồng của người lao động ${identityNumber} không khớp bản ký.`);
    const mails = await eventually(() => {
      const found = mailsTo('sandbox@hdld.invalid').filter((m) => m.subject?.includes('Giải trình'));
      return found.length === 2 ? found : undefined;
    });
    const approved = mails.find((m) => m.subject?.includes('phê duyệt'))!;
    const rejected = mails.find((m) => m.subject?.includes('từ chối'))!;
    expect(approved.subject).toContain('Explanation approved');
    expect(approved.text).toContain(failed[0]);
    expect(approved.text).toContain('Được phép đẩy lại: Có');
    expect(approved.text).toContain('Re-push allowed: Yes');
    expect(approved.text).toContain('Lỗi nhập liệu đã được xác nhận.');
    expect(rejected.text).toContain(failed[1]);
    expect(rejected.text).toContain('Được phép đẩy lại: Không');
    expect(rejected.text).toContain('Re-push allowed: No');
    for (const mail of mails) {
      expect(mail.text).not.toContain(identityNumber);
      expect(String(mail.html)).not.toContain(identityNumber);
    }
    const kinds = (await notifications(kit.api, '?channel=EMAIL')).items.map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['EXPLANATION_APPROVED', 'EXPLANATION_REJECTED']));
  });
});
