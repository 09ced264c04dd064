import { extractMainDataFast, MAIN_DATA_FILE_NAME } from '@hdld/sdk/documents';
import type { ContractMainData } from '@hdld/spec';
import { CheckFailure, item } from '../check-outcome.js';

/** Key-order-independent JSON, so two equal objects compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function hasAttachment(pdf: Uint8Array): boolean {
  return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).includes(MAIN_DATA_FILE_NAME);
}

/**
 * A PDF built by hdld describes itself (its main data is attached as JSON): then the submitted main
 * data must be the same, or the registry would index a contract other than the one signed.
 */
export async function checkEmbeddedMainData(pdf: Uint8Array, mainData: ContractMainData): Promise<void> {
  if (!hasAttachment(pdf)) return;
  const embedded = await extractMainDataFast(pdf).catch(() => undefined);
  if (!embedded || canonical(embedded) !== canonical(mainData)) {
    throw new CheckFailure('BUSINESS', [
      item(
        'MAIN_DATA_MISMATCH',
        {
          en: 'mainData differs from the contract data embedded in the signed PDF.',
          vi: 'mainData khác với dữ liệu hợp đồng đính kèm trong tệp PDF đã ký.',
        },
        '/mainData',
      ),
    ]);
  }
}
