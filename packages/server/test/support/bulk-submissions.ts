import { signPdf } from '@hdld/sdk/documents';
import { loadContractFonts } from '@hdld/sdk/node';
import {
  createSamplePdf,
  createSampleSubmission,
  type SampleSubmission,
  type TestPki,
} from '@hdld/sdk/testing';

type Tsa = { timestamp(request: Uint8Array): Promise<Uint8Array> };

/**
 * Many distinct, valid submissions, quickly: a one-page PDF per contract signed by both parties
 * with timestamps, plus its evidence. For load, concurrency and crash tests.
 */
export async function bulkSubmissions(
  pki: TestPki,
  tsa: Tsa,
  count: number,
  prefix: string,
): Promise<SampleSubmission[]> {
  const fonts = await loadContractFonts();
  const out: SampleSubmission[] = [];
  for (let i = 0; i < count; i++) {
    const unsigned = await createSamplePdf({ title: `HOP DONG ${prefix}-${i}` });
    const byEmployer = await signPdf(unsigned, pki.employer.signer, { tsa, fieldName: 'EmployerSignature' });
    const signedPdf = await signPdf(byEmployer, pki.employee.signer, { tsa, fieldName: 'EmployeeSignature' });
    out.push(
      await createSampleSubmission({
        pki,
        tsa,
        fonts,
        seed: i,
        signedPdf,
        providerReference: `${prefix}-${i}`,
      }),
    );
  }
  return out;
}
