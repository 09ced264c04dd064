import { describe, expect, it } from 'vitest';
import { describeMailSetup } from '../../src/notifications/mail-setup.js';

/** F39: the start-up line tells where e-mails go, never the SMTP credentials. */
describe('describeMailSetup', () => {
  it('names the SMTP server without the user, password or query of the URL', () => {
    const line = describeMailSetup({
      smtpUrl: 'smtps://mailer:s3cr%40t@mail.example.vn:465/?token=abc',
      mailFrom: 'HĐLĐ <no-reply@example.vn>',
    });
    expect(line).toBe(
      'E-mail: SMTP smtps://mail.example.vn:465 (credentials not shown), from HĐLĐ <no-reply@example.vn>',
    );
    for (const secret of ['mailer', 's3cr', 'token', 'abc']) expect(line).not.toContain(secret);
  });

  it('names a server without credentials as is', () => {
    expect(describeMailSetup({ smtpUrl: 'smtp://127.0.0.1:2525' })).toMatch(
      /^E-mail: SMTP smtp:\/\/127\.0\.0\.1:2525, from /,
    );
  });

  it('does not echo a URL it cannot parse', () => {
    const line = describeMailSetup({ smtpUrl: 'user:pass@nowhere' });
    expect(line).toContain('not a valid URL');
    expect(line).not.toMatch(/user|pass/);
  });

  it('says e-mails wait in the outbox without SMTP', () => {
    expect(describeMailSetup({})).toContain('e-mails wait in the outbox');
  });
});
