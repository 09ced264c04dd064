import { createTransport } from 'nodemailer';
import type { ClaimedMessage } from '../storage/outbox-repo.js';
import { type Deliver, PermanentDeliveryError } from './outbox-sender.js';

export type MailSettings = {
  /** e.g. smtp://mail.example:587 or smtps://user:pass@mail.example (HDLD_SMTP_URL). */
  smtpUrl: string;
  /** From header, e.g. `Nền tảng HĐLĐ điện tử <no-reply@example.vn>` (HDLD_MAIL_FROM). */
  from: string;
};

/** The domain of the From address: the right-hand side of every Message-ID we make. */
export function mailDomain(from: string): string {
  const address = /<([^>]+)>\s*$/.exec(from)?.[1] ?? from;
  const domain = address.slice(address.lastIndexOf('@') + 1).trim();
  return /^[A-Za-z0-9.-]+$/.test(domain) ? domain : 'hdld.invalid';
}

type SmtpError = { code?: string; responseCode?: number; response?: string };

/** Enough to act on, without the SMTP host or credentials (last_error is shown to the provider). */
function describeSmtpError(error: unknown): string {
  if (error instanceof PermanentDeliveryError) return error.message;
  const { code, responseCode, response } = (error ?? {}) as SmtpError;
  if (responseCode) return `SMTP ${responseCode}: ${String(response ?? '').slice(0, 300)}`;
  return `SMTP delivery failed (${code ?? 'error'})`;
}

/**
 * F39 e-mail over SMTP with nodemailer. The Message-ID is the outbox row's (`<row-id@domain>`), so
 * a message sent again after a crash between the server's acceptance and our record of it carries
 * the same Message-ID and mail systems can drop the copy. Timeouts stay far below the outbox lease.
 */
export function createSmtpDelivery(settings: MailSettings) {
  const transport = createTransport({
    url: settings.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const deliver: Deliver = async (message: ClaimedMessage) => {
    try {
      await transport.sendMail({
        from: settings.from,
        to: message.recipient,
        subject: message.subject,
        text: message.bodyText,
        html: message.bodyHtml,
        messageId: message.messageId,
        // RFC 3834: an automatic notice; auto-responders do not answer it.
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    } catch (error) {
      // RFC 5321 5yz: the server refused for good (unknown mailbox...); retrying cannot help.
      const { responseCode } = (error ?? {}) as SmtpError;
      if (responseCode && responseCode >= 500 && responseCode < 600) {
        throw new PermanentDeliveryError(describeSmtpError(error), { cause: error });
      }
      throw error;
    }
  };
  return {
    deliver,
    describeError: describeSmtpError,
    messageId: { prefix: '<', suffix: `@${mailDomain(settings.from)}>` },
    close: () => transport.close(),
  };
}
