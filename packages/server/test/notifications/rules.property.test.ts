import { isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explanationApprovedEmail } from '../../src/notifications/templates/explanation-approved.js';
import { explanationRejectedEmail } from '../../src/notifications/templates/explanation-rejected.js';
import { providerStatusEmail } from '../../src/notifications/templates/provider-status-email.js';
import { redactIdentityNumbers } from '../../src/notifications/templates/wording.js';
import { ipAllowListMatcher, normalizeCidr } from '../../src/providers/ip-allow-list.js';
import { createSecretBox } from '../../src/webhooks/secret-box.js';

/** Text without digits around the numbers under test. */
const words = fc.string({ unit: fc.constantFrom('a', 'ê', ' ', ',', 'đ', ':', 'Z') });
const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const separator = fc.constantFrom('', ' ', '.', '-');

describe('identity numbers never reach an e-mail (T17)', () => {
  it('masks any standalone 9- or 12-digit number, grouped or not', () => {
    fc.assert(
      fc.property(words, fc.oneof(digits(9), digits(12)), separator, words, (before, number, sep, after) => {
        const grouped = number.match(/.{1,3}/g)!.join(sep);
        const out = redactIdentityNumbers(`${before} ${grouped} ${after}`);
        expect(out.replace(/\D/g, '')).not.toContain(number);
      }),
    );
  });

  it('leaves digit-free text, 16-digit contract IDs and 10-digit phone numbers alone', () => {
    fc.assert(
      fc.property(words, fc.oneof(digits(16), digits(10), digits(8)), words, (before, number, after) => {
        const text = `${before} ${number} ${after}`;
        expect(redactIdentityNumbers(text)).toBe(text);
        expect(redactIdentityNumbers(before)).toBe(before);
      }),
    );
  });
});

describe('IP allow-list CIDRs (N8)', () => {
  const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join('.'));

  it('normalises every valid IPv4 CIDR, and a bare address to /32 matching only itself', () => {
    fc.assert(
      fc.property(ipv4, fc.integer({ min: 0, max: 32 }), ipv4, (address, prefix, other) => {
        expect(normalizeCidr(`${address}/${prefix}`)).toBe(`${address}/${prefix}`);
        const exact = ipAllowListMatcher([normalizeCidr(address)!]);
        expect(exact(address)).toBe(true);
        expect(exact(`::ffff:${address}`)).toBe(true);
        expect(exact(other)).toBe(other === address);
      }),
    );
  });

  it('never throws on arbitrary input and only returns CIDRs the matcher accepts', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const cidr = normalizeCidr(value);
        if (cidr === undefined) return;
        const [address, prefix] = cidr.split('/');
        expect(isIP(address!)).not.toBe(0);
        expect(Number(prefix)).toBeLessThanOrEqual(isIP(address!) === 4 ? 32 : 128);
        expect(() => ipAllowListMatcher([cidr])).not.toThrow();
      }),
    );
  });

  it('allows anything with an empty list and refuses what is not an address', () => {
    expect(ipAllowListMatcher([])('198.51.100.7')).toBe(true);
    expect(ipAllowListMatcher(['10.0.0.0/8'])('not-an-ip')).toBe(false);
    expect(ipAllowListMatcher(['2001:db8::/32'])('2001:db8:1::5')).toBe(true);
    expect(ipAllowListMatcher(['2001:db8::/32'])('2001:db9::5')).toBe(false);
  });
});

describe('webhook secrets sealed at rest (F4, T16)', () => {
  it('opens what it sealed for the same provider only, and nothing tampered or sealed under another key', () => {
    const box = createSecretBox('id-secret-one');
    fc.assert(
      fc.property(
        fc.string(),
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        (secret, provider, other) => {
          const sealed = box.seal(secret, provider);
          expect(box.open(sealed, provider)).toBe(secret);
          if (other !== provider) expect(() => box.open(sealed, other)).toThrow();
          expect(() => createSecretBox('id-secret-two').open(sealed, provider)).toThrow();
          const [version, iv, body, tag] = sealed.split('.');
          const flipped = `${body!.startsWith('A') ? 'B' : 'A'}${body!.slice(1)}`;
          if (body) expect(() => box.open([version, iv, flipped, tag].join('.'), provider)).toThrow();
        },
      ),
    );
  });
});

describe('bilingual templates (T14)', () => {
  const status = {
    providerId: 'prov-x',
    providerName: 'Công ty <b>X</b> & Cộng sự',
    reason: 'Lý do <script>alert(1)</script>',
    effectiveAt: new Date('2026-03-01T01:00:00Z'),
  };
  const decision = {
    providerId: 'prov-x',
    providerName: 'Công ty X',
    explanationId: '0192f0d0-3c4d-7e5f-8a6b-7c8d9e0f1a2b',
    reason: 'OK',
    decidedAt: new Date('2026-03-01T01:00:00Z'),
    transactions: [{ transactionId: '0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f', providerReference: 'HD-1' }],
  };
  const emails = [
    providerStatusEmail('SUSPENDED', status),
    providerStatusEmail('ACTIVE', status),
    providerStatusEmail('DISCONNECTED', status),
    explanationApprovedEmail(decision),
    explanationRejectedEmail(decision),
  ];

  it('puts Vietnamese first, then English, in text and HTML, with Vietnam time', () => {
    for (const email of emails) {
      expect(email.locale).toBe('vi,en');
      expect(email.text.indexOf('Kính gửi')).toBeLessThan(email.text.indexOf('Dear'));
      expect(email.text.indexOf('Kính gửi')).toBeGreaterThan(0);
      expect(email.html.indexOf('<div lang="vi">')).toBeLessThan(email.html.indexOf('<div lang="en">'));
      expect(email.text).toContain('2026-03-01 08:00 (UTC+7)');
    }
  });

  it('escapes every value in the HTML part', () => {
    for (const email of emails.slice(0, 3)) {
      expect(email.html).not.toContain('<script>');
      expect(email.html).toContain('&lt;script&gt;');
      expect(email.html).toContain('Công ty &lt;b&gt;X&lt;/b&gt; &amp; Cộng sự');
    }
  });
});
