import { DEFAULT_MAIL_FROM } from '../config/settings.js';

/**
 * One start-up line saying where the Platform's e-mails (F39) go: the SMTP server, printed without
 * the user name, password or query of HDLD_SMTP_URL (credentials may sit in any of them), or, with
 * no SMTP, the outbox where they wait.
 */
export function describeMailSetup(settings: { smtpUrl?: string; mailFrom?: string }): string {
  if (!settings.smtpUrl) {
    return 'E-mail: HDLD_SMTP_URL not set; e-mails wait in the outbox (PENDING, GET /v1/notifications) until a process with SMTP runs';
  }
  const from = settings.mailFrom ?? DEFAULT_MAIL_FROM;
  let server: string;
  try {
    const url = new URL(settings.smtpUrl);
    if (!url.host) throw new Error('no host');
    const hidden = url.username || url.password || url.search ? ' (credentials not shown)' : '';
    server = `${url.protocol}//${url.host}${hidden}`;
  } catch {
    server = 'HDLD_SMTP_URL (not a valid URL, not shown)';
  }
  return `E-mail: SMTP ${server}, from ${from}`;
}
