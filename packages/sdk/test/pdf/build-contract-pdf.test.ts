import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContractMainData } from '@hdld/spec';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildContractPdf,
  type ContractPdf,
  type SignatureField,
} from '../../src/documents/pdf/build-contract-pdf.js';
import type { ContractFonts } from '../../src/documents/pdf/contract-fonts.js';
import { ContractPdfError } from '../../src/documents/pdf/contract-pdf-error.js';
import { loadContractFonts } from '../../src/documents/pdf/node-font.js';
import { sampleContractMainData } from '../../src/documents/pdf/sample-data.js';
import { pdfAttachments, pdfFonts, pdfInfo, pdfText, qpdfCheck } from './pdf-tools.js';

/** A contract whose strings exercise every tone mark and the letter Đ (the Vietnamese test set). */
const mainData: ContractMainData = {
  ...sampleContractMainData(7),
  contractNumber: '123/2026/HĐLĐ-SHS',
  concludedOn: '2026-03-02',
  employee: {
    fullName: 'Đặng Thị Hồng Nhung',
    dateOfBirth: '1995-08-17',
    sex: 'FEMALE',
    residence: 'Số 15 ngõ 42 phố Trần Duy Hưng, phường Yên Hòa, thành phố Hà Nội',
    identity: { type: 'CCCD', number: '001195012345' },
    nationality: 'VN',
  },
  job: { position: 'HIGH_TECHNICAL', title: 'Kỹ sư phần mềm', workplace: 'Tòa nhà Quỹ Hữu Nghị, ỹ ữ ự ẫ ậ' },
  term: { type: 'FIXED_TERM', startDate: '2026-03-02', endDate: '2028-03-01' },
  pay: {
    salary: 15_000_000,
    form: 'TIME_BASED',
    method: 'BANK_TRANSFER',
    period: 'MONTHLY',
    allowances: [
      { name: 'Phụ cấp ăn trưa', amount: 730_000 },
      { name: 'Phụ cấp trách nhiệm', amount: 1_000_000 },
    ],
  },
};

let fonts: ContractFonts;
let built: ContractPdf;

beforeAll(async () => {
  fonts = await loadContractFonts();
  built = await buildContractPdf(mainData, { fonts });
  // Kept for a person to open: the path is printed so a failing run can be inspected.
  const file = join(mkdtempSync(join(tmpdir(), 'hdld-contract-')), 'sample-contract.pdf');
  writeFileSync(file, built.pdf);
  console.info(`sample contract PDF: ${file}`);
});

describe('buildContractPdf: what a reader of the PDF sees', () => {
  it('lays out a Vietnamese labor contract whose text extracts exactly, diacritics included', () => {
    const text = pdfText(built.pdf);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'HỢP ĐỒNG LAO ĐỘNG',
      'Số: 123/2026/HĐLĐ-SHS',
      'Bên A: Người sử dụng lao động',
      'Bên B: Người lao động',
      'Họ và tên: Đặng Thị Hồng Nhung',
      'Số căn cước công dân: 001195012345',
      'Thỏa thuận',
      'ỹ ữ ự ẫ ậ',
      'Điều 1.',
      'Điều 2.',
      'Điều 3.',
      'Điều 4.',
      'Thời hạn: Từ ngày 02/03/2026 đến ngày 01/03/2028',
      '15.000.000 đồng/tháng',
      '- Phụ cấp ăn trưa: 730.000 đồng',
      '- Phụ cấp trách nhiệm: 1.000.000 đồng',
      'NGƯỜI LAO ĐỘNG',
      'ĐẠI DIỆN NGƯỜI SỬ DỤNG LAO ĐỘNG',
      mainData.employer.representative.fullName,
      'Trang 1/2',
      'Trang 2/2',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('embeds subset TrueType fonts only, never one of the standard 14', () => {
    const rows = pdfFonts(built.pdf).split('\n').slice(2).filter(Boolean);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      // name, type, encoding, then emb/sub/uni flags.
      expect(row).toMatch(/^[A-Z]{6}\+DejaVuSerif(-Bold)?\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s/);
    }
  });

  it('is a structurally valid A4 PDF with fixed metadata', () => {
    expect(qpdfCheck(built.pdf)).toContain('No syntax or stream encoding errors found');
    const info = pdfInfo(built.pdf);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toContain('Title:           Hợp đồng lao động số 123/2026/HĐLĐ-SHS');
    expect(info).toContain('Producer:        hdld contract PDF builder');
    // 2026-03-02 00:00 in Vietnam (UTC+7).
    expect(info).toContain('CreationDate:    Sun Mar  1 17:00:00 2026 UTC');
  });

  it('lists contract-data.json among the embedded files', () => {
    expect(pdfAttachments(built.pdf)).toMatch(/1 embedded files\n1: contract-data\.json/);
  });

  it('reports one signature box per party, inside the page, on the last page, side by side', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(pdfInfo(built.pdf))?.[1]);
    expect(built.signatureFields.map((field) => field.party)).toEqual(['EMPLOYEE', 'EMPLOYER']);
    for (const { page, rect } of built.signatureFields) {
      const [x, y, width, height] = rect;
      expect(page).toBe(pages - 1);
      expect(x).toBeGreaterThan(0);
      expect(y).toBeGreaterThan(0);
      expect(x + width).toBeLessThan(595.28);
      expect(y + height).toBeLessThan(841.89);
    }
    const [[employeeX, , employeeWidth], [employerX]] = built.signatureFields.map((field) => field.rect) as [
      SignatureField['rect'],
      SignatureField['rect'],
    ];
    expect(employeeX + employeeWidth).toBeLessThan(employerX);
  });
});

describe('buildContractPdf: determinism', () => {
  it('gives byte-identical output for the same input, and reports its SHA-256', async () => {
    const again = await buildContractPdf(structuredClone(mainData), { fonts });
    expect(again.pdf).toEqual(built.pdf);
    expect(again.sha256).toBe(built.sha256);
    const digest = new Uint8Array(
      await crypto.subtle.digest('SHA-256', built.pdf as Uint8Array<ArrayBuffer>),
    );
    expect(built.sha256).toBe(Buffer.from(digest).toString('hex'));
  });

  it('does not depend on the key order of the input', async () => {
    const reordered = Object.fromEntries(Object.entries(mainData).reverse()) as ContractMainData;
    expect((await buildContractPdf(reordered, { fonts })).sha256).toBe(built.sha256);
  });

  it('gives different bytes for different contracts', async () => {
    const other = await buildContractPdf(
      { ...mainData, pay: { ...mainData.pay, salary: 15_000_001 } },
      { fonts },
    );
    expect(other.sha256).not.toBe(built.sha256);
  });

  it('derives the file /ID from the main data', () => {
    const text = new TextDecoder('latin1').decode(built.pdf);
    expect(text).toMatch(/\/ID \[ <([0-9A-F]{32})> <\1> \]/i);
  });
});

describe('buildContractPdf: input checks', () => {
  it('refuses main data that breaks the schema, without echoing the ID number (T17)', async () => {
    const invalid = { ...mainData, employee: { ...mainData.employee, dateOfBirth: '17/08/1995' } };
    const error = await buildContractPdf(invalid, { fonts }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContractPdfError);
    expect(error).toMatchObject({ code: 'MAIN_DATA_INVALID' });
    expect(String((error as Error).message)).not.toContain(mainData.employee.identity.number);
  });
});

describe('sampleContractMainData', () => {
  it('gives a different, buildable contract for each seed', async () => {
    const digests = new Set<string>();
    for (let seed = 0; seed < 5; seed++) {
      digests.add((await buildContractPdf(sampleContractMainData(seed), { fonts })).sha256);
    }
    expect(digests.size).toBe(5);
  });
});
