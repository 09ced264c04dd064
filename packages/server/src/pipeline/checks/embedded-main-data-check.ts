import { extractMainData } from '@hdld/sdk/documents';
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

const ATTACHMENT = new TextEncoder().encode('contract-data.json');

function hasAttachment(pdf: Uint8Array): boolean {
  outer: for (let i = 0; i <= pdf.length - ATTACHMENT.length; i++) {
    for (let j = 0; j < ATTACHMENT.length; j++) if (pdf[i + j] !== ATTACHMENT[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * A PDF built by hdld describes itself (its main data is attached as JSON): then the submitted main
 * data must be the same, or the registry would index a contract other than the one signed.
 */
export async function checkEmbeddedMainData(pdf: Uint8Array, mainData: ContractMainData): Promise<void> {
  if (!hasAttachment(pdf)) return;
  const embedded = await extractMainData(pdf).catch(() => undefined);
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
