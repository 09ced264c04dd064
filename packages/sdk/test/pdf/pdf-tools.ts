import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs poppler-utils and qpdf on PDF bytes: independent readers, so the tests check what other
 * software (viewers, the Platform's tools) sees, not what pdf-lib believes it wrote.
 * CI needs the Debian packages poppler-utils and qpdf.
 */
export function runOnPdf(pdf: Uint8Array, command: string, args: (file: string) => string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'hdld-pdf-'));
  try {
    const file = join(dir, 'contract.pdf');
    writeFileSync(file, pdf);
    return execFileSync(command, args(file), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text in content-stream order (-raw), so the two signature columns do not interleave. */
export const pdfText = (pdf: Uint8Array) =>
  runOnPdf(pdf, 'pdftotext', (file) => ['-raw', '-enc', 'UTF-8', file, '-']);

export const pdfFonts = (pdf: Uint8Array) => runOnPdf(pdf, 'pdffonts', (file) => [file]);

export const pdfInfo = (pdf: Uint8Array) => runOnPdf(pdf, 'pdfinfo', (file) => [file]);

export const pdfAttachments = (pdf: Uint8Array) => runOnPdf(pdf, 'pdfdetach', (file) => ['-list', file]);

/** qpdf --check exits non-zero (and execFileSync throws) on a structurally broken file. */
export const qpdfCheck = (pdf: Uint8Array) => runOnPdf(pdf, 'qpdf', (file) => ['--check', file]);
