/**
 * One bilingual e-mail (T14): Vietnamese first, then English, in one message, because the provider's
 * contact is Vietnamese and its technical staff may not be. Plain text plus a simple HTML part with
 * the same content; every value is escaped in HTML.
 */

/** One language's version of a message. */
export type EmailSection = {
  /** Heading, e.g. "Thông báo tạm ngừng kết nối". */
  title: string;
  greeting: string;
  /** What happened, one paragraph each. */
  paragraphs: string[];
  /** Label and value lines: reason, time, actor, legal basis... */
  facts: [label: string, value: string][];
  nextStepsTitle: string;
  nextSteps: string[];
};

export type RenderedEmail = {
  /** Languages in the order they appear. */
  locale: 'vi,en';
  subject: string;
  text: string;
  html: string;
};

const SIGNATURE = {
  vi: 'Nền tảng hợp đồng lao động điện tử - Bộ Nội vụ. Thư được gửi tự động, vui lòng không trả lời thư này.',
  en: 'Electronic Labor Contract Platform - Ministry of Home Affairs. This message was sent automatically; please do not reply.',
};
const SUBJECT_PREFIX = '[Nền tảng HĐLĐ điện tử]';

function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function sectionText(section: EmailSection, signature: string): string {
  return [
    section.title.toUpperCase(),
    '',
    section.greeting,
    '',
    ...section.paragraphs.flatMap((p) => [p, '']),
    ...section.facts.map(([label, value]) => `- ${label}: ${value}`),
    '',
    `${section.nextStepsTitle}:`,
    ...section.nextSteps.map((step) => `- ${step}`),
    '',
    signature,
  ].join('\n');
}

function sectionHtml(section: EmailSection, lang: 'vi' | 'en', signature: string): string {
  const facts = section.facts
    .map(
      ([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  return [
    `<div lang="${lang}">`,
    `<h2>${escapeHtml(section.title)}</h2>`,
    `<p>${escapeHtml(section.greeting)}</p>`,
    ...section.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<table cellpadding="4">${facts}</table>`,
    `<h3>${escapeHtml(section.nextStepsTitle)}</h3>`,
    `<ul>${section.nextSteps.map((step) => `<li>${escapeHtml(step)}</li>`).join('')}</ul>`,
    `<p><small>${escapeHtml(signature)}</small></p>`,
    '</div>',
  ].join('\n');
}

export function bilingualEmail(
  subject: { vi: string; en: string },
  vi: EmailSection,
  en: EmailSection,
): RenderedEmail {
  return {
    locale: 'vi,en',
    subject: `${SUBJECT_PREFIX} ${subject.vi} / ${subject.en}`,
    text: [
      sectionText(vi, SIGNATURE.vi),
      '',
      '========================================',
      'ENGLISH VERSION',
      '========================================',
      '',
      sectionText(en, SIGNATURE.en),
      '',
    ].join('\n'),
    html: [
      '<!doctype html>',
      `<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(subject.vi)}</title></head><body>`,
      sectionHtml(vi, 'vi', SIGNATURE.vi),
      '<hr>',
      sectionHtml(en, 'en', SIGNATURE.en),
      '</body></html>',
      '',
    ].join('\n'),
  };
}
