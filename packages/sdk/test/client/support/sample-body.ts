import type { Schemas } from '@hdld/spec';
import { sampleContractMainData } from '../../../src/documents/index.js';

/** A schema-shaped submission body; the mock Platform never looks inside it. */
export function sampleSubmission(providerReference = 'HD-2026-000123'): Schemas['ContractSubmission'] {
  return {
    providerReference,
    mainData: sampleContractMainData(1),
    documents: [
      { role: 'CONTRACT', fileName: 'HD.pdf', mediaType: 'application/pdf', contentBase64: 'JVBERi0xLjcK' },
    ],
    evidence: { contentBase64: 'MIAGCSqGSIb3' },
    transactionLog: {
      system: { name: 'test eContract', version: '1' },
      events: [{ at: '2026-03-02T08:00:00Z', type: 'SIGNED', actor: 'employee', actorRole: 'EMPLOYEE' }],
    },
  };
}
