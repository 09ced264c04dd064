import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleContractMainData } from '@hdld/sdk/documents';
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../src/contract/csv.js';
import { referenceFromContractNumber } from '../../src/contract/layout.js';
import { csvTemplate, readContractRows } from '../../src/contract/rows.js';

describe('contract rows (T6)', () => {
  it('parses RFC 4180 CSV: quotes, doubled quotes, CRLF, BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
    ]);
    expect(parseCsv(toCsv([['1', 'a\nb']]))).toEqual([['1', 'a\nb']]);
  });

  it('reads the CSV template back into the main data it was made from', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hdld-rows-'));
    const file = join(dir, 'contracts.csv');
    await writeFile(file, csvTemplate());
    const { rows, problems } = await readContractRows(file);
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual({
      line: 2,
      providerReference: 'HD-2026-000001',
      mainData: sampleContractMainData(1),
    });
  });

  it('reports schema problems with their line, for NDJSON too', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hdld-rows-'));
    const file = join(dir, 'contracts.ndjson');
    const good = sampleContractMainData(2);
    const bad = {
      ...sampleContractMainData(3),
      employee: { ...sampleContractMainData(3).employee, sex: 'X' },
    };
    await writeFile(
      file,
      `${JSON.stringify(good)}\n${JSON.stringify({ providerReference: 'R-2', mainData: bad })}\n`,
    );
    const { rows, problems } = await readContractRows(file);
    expect(rows).toHaveLength(1);
    expect(problems).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringContaining('employee.sex') }),
    ]);
  });

  it('derives a file-safe provider reference from a Vietnamese contract number', () => {
    expect(referenceFromContractNumber('123/2026/HĐLĐ-TCVN')).toBe('123-2026-HDLD-TCVN');
  });
});
